using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// Builds the signed-in principal from the database — role, granted areas and school — on every request, for cookies
/// here and for bearer tokens from <see cref="TokenLookups"/>' reads, so a changed grant or a deactivated account takes
/// effect at once.
/// Nothing is cached between requests: the app runs as many instances behind a load balancer (DESIGN.md), and a
/// revocation or a removed grant seen by one instance must hold on all of them from the next request.
/// </summary>
public sealed class PrincipalFactory(AppDbContext db)
{
    public async Task<ClaimsPrincipal?> BuildAsync(string userId, string authenticationType, string? securityStamp = null)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Account(u.Id, u.Email, u.DisplayName, u.Role, u.SchoolId, u.IsActive, u.SecurityStamp, u.NationalId, u.AreaGrants.Select(g => g.AreaId).ToList()))
            .FirstOrDefaultAsync();
        if (user is null || !user.IsActive) return null;
        if (securityStamp is not null && securityStamp != user.SecurityStamp) return null;
        return Principal(user, authenticationType);
    }

    /// <summary>What a principal is built from: the account with its granted areas, as read from the database.</summary>
    internal sealed record Account(string Id, string? Email, string DisplayName, Role Role, Guid? SchoolId, bool IsActive, string? SecurityStamp, string? NationalId, List<Guid> Areas);

    internal static ClaimsPrincipal Principal(Account user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.Email ?? user.Id),
            new(AppClaims.DisplayName, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(SecurityStampClaim, user.SecurityStamp ?? ""),
        };
        claims.AddRange(user.Areas.Select(a => new Claim(AppClaims.Area, a.ToString())));
        if (user.SchoolId is { } school) claims.Add(new Claim(AppClaims.School, school.ToString()));
        if (user.NationalId is { Length: > 0 } nationalId) claims.Add(new Claim(AppClaims.NationalId, nationalId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public const string SecurityStampClaim = "phatthana:stamp";
}
