using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.DataQuality;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>A person's profile: the record, the post held, the work history, and (later) the development record.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(AppDbContext db, RouteScope route, UserScope scope, NationalIdDisclosure disclosure) : PageModel
{
    public PersonDto Person { get; private set; } = null!;
    public string NationalIdText { get; private set; } = "";
    public IReadOnlyList<HistoryDto> History { get; private set; } = [];
    public IReadOnlyList<Recognition.PersonAwardDto> Awards { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public DateOnly? RetirementDate { get; private set; }
    public string AreaCode => route.Area.Code;
    public bool CanEdit => Policies.Allows(Policies.SchoolData, scope.Role);
    public bool CanDelete => Policies.Allows(Policies.AreaAdmin, scope.Role);
    /// <summary>A teacher reading their own profile has no registry or register to go back to.</summary>
    public bool CanReadRegistry => Policies.Allows(Policies.ReadPeople, scope.Role);

    public async Task OnGetAsync()
    {
        var row = await PersonRows.OneAsync(db, route.Person);
        NationalIdText = disclosure.Display(row.NationalId);
        RetirementDate = row.BirthDate is { } b ? PersonRules.RetirementDate(b) : null;
        Person = PersonRows.Disclose([row], disclosure)[0];
        History = await PeopleApi.HistoryAsync(db, row.Id);
        Awards = await Recognition.AwardViews.ForPersonAsync(db, row.Id);
        if (!NationalId.IsValid(row.NationalId)) Problems = [DataQualityChecks.Kind("bad-id")!.Label + " — แก้ไขเลขให้ถูกต้อง"];
    }
}
