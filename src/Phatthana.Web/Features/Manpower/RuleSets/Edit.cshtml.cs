using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>Edits a rule set under the version the form was read at: someone else's save in between is a 409, not lost.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class EditModel(AppDbContext db, SaveStaffingRuleSet save) : RuleSetFormModel
{
    [BindProperty] public int Version { get; set; }
    public Guid Id { get; private set; }
    public string SetName { get; private set; } = "";
    public bool IsShippedDefault { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.StaffingRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is not { } set) return NotFound();
        Show(set);
        Input = RuleSetForm.From(set, set.Criteria, copy: false);
        Version = set.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.StaffingRuleSets.FirstOrDefaultAsync(r => r.Id == id) is not { } set) return NotFound();
        Show(set);
        var outcome = await SaveAsync(Version, input => save.UpdateAsync(set, input));
        if (outcome is { Succeeded: true })
        {
            TempData["Flash"] = $"บันทึกเกณฑ์ {set.Name} แล้ว";
            return Redirect($"/manpower/rule-sets/{set.Id}");
        }
        return Page();
    }

    private void Show(StaffingRuleSet set)
    {
        Id = set.Id;
        SetName = set.Name;
        IsShippedDefault = set.IsShippedDefault;
    }
}
