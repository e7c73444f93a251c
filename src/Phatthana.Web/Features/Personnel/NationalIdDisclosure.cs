using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel;

/// <summary>
/// Decides, once per request, whether the caller sees whole national IDs and birth dates (PDPA): area and school staff
/// who keep personnel records do; supervisors, assessors and teachers see them masked, except a teacher's own.
/// Pages, the API and exports all ask this, so no way out shows more than the others.
/// </summary>
public sealed class NationalIdDisclosure(UserScope scope)
{
    public bool RevealsAll => Policies.Allows(Policies.NationalIds, scope.Role);

    public bool Reveals(string nationalId) => RevealsAll || (scope.SelfNationalId is { Length: > 0 } self && self == nationalId);

    /// <summary>For the API and files: the 13 digits, or "1-2345-xxxxx-xx-1".</summary>
    public string Show(string nationalId) => Reveals(nationalId) ? nationalId : NationalId.Mask(nationalId);

    /// <summary>For people: "1-2345-67890-12-3", or masked.</summary>
    public string Display(string nationalId) => Reveals(nationalId) ? NationalId.Format(nationalId) : NationalId.Mask(nationalId);

    public DateOnly? BirthDate(string nationalId, DateOnly? birthDate) => Reveals(nationalId) ? birthDate : null;
}
