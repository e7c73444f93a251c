using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>Every rule set with the years it covers; the one in force this academic year is marked.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, UserScope scope, DisplayFormat fmt, TimeProvider time) : PageModel
{
    /// <summary>The page's table links each set to its page; the export keeps plain names.</summary>
    private static readonly TableSpec<StaffingRuleSetDto> PageTable = new(StaffingRuleSetsApi.Table.Title,
        [.. StaffingRuleSetsApi.Table.Columns.Select((c, i) => i == 0 ? c with { Link = r => $"/manpower/rule-sets/{r.Id}" } : c)]);

    public bool CanEdit => Policies.Allows(Policies.SystemAdmin, scope.Role);
    public int CurrentYear { get; private set; }
    public StaffingRuleSetDto? InForce { get; private set; }
    public bool AnyShippedDefault { get; private set; }
    public TableView Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        CurrentYear = StaffingRuleSetDto.CurrentYear(time);
        var sets = await StaffingRuleSetDto.ListAsync(db, CurrentYear);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, StaffingRuleSetsApi.Table, sets, "staffing-rule-sets", null)).ToActionResult();
        InForce = sets.FirstOrDefault(s => s.InForceNow);
        AnyShippedDefault = sets.Any(s => s.IsShippedDefault);
        Table = PageTable.ToView(sets, fmt);
        return Page();
    }
}
