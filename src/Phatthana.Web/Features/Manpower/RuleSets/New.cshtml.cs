using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>
/// A new rule set, opened prefilled from an existing one (<c>?from=</c>, or the set in force now), so a new circular is
/// typed as the few numbers it changes.
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class NewModel(AppDbContext db, TimeProvider time, SaveStaffingRuleSet save) : RuleSetFormModel
{
    [BindProperty(SupportsGet = true)] public Guid? From { get; set; }
    public StaffingRuleSetDto? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var sets = await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time));
        Source = From is { } id ? sets.FirstOrDefault(s => s.Id == id) : sets.FirstOrDefault(s => s.InForceNow) ?? sets.FirstOrDefault();
        if (From is not null && Source is null) return NotFound();
        Input = RuleSetForm.From(null, Source?.Criteria ?? StaffingCriteria.Default, copy: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await SaveAsync(null, input => save.CreateAsync(input));
        if (outcome is { Succeeded: true, Value: { } set })
        {
            TempData["Flash"] = $"เพิ่มเกณฑ์ {set.Name} (ใช้ตั้งแต่ปีการศึกษา {set.EffectiveFromYear}) แล้ว";
            return Redirect($"/manpower/rule-sets/{set.Id}");
        }
        if (From is { } id)
            Source = (await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time))).FirstOrDefault(s => s.Id == id);
        return Page();
    }
}
