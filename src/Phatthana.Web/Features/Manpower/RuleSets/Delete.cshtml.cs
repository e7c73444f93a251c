using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>Asks first, saying which set takes over the years (or which years are left without one), then deletes.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class DeleteModel(AppDbContext db, TimeProvider time, SaveStaffingRuleSet save) : PageModel
{
    [BindProperty] public int Version { get; set; }
    public StaffingRuleSetDto Set { get; private set; } = null!;
    /// <summary>The set whose years extend over these (the one starting before); null when this is the earliest.</summary>
    public StaffingRuleSetDto? Heir { get; private set; }
    public bool IsLast { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Set.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.StaffingRuleSets.FirstOrDefaultAsync(r => r.Id == id) is not { } set) return NotFound();
        var outcome = await save.DeleteAsync(set, Version);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"ลบเกณฑ์ {set.Name} แล้ว";
            return Redirect("/manpower/rule-sets");
        }
        Error = outcome.Conflict?.Message;
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var sets = await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time));
        if (sets.FirstOrDefault(s => s.Id == id) is not { } set) return false;
        Set = set;
        IsLast = sets.Count == 1;
        Heir = sets.Where(s => s.EffectiveFromYear < set.EffectiveFromYear).MaxBy(s => s.EffectiveFromYear);
        return true;
    }
}
