using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>A programme: its rules, criteria and committee, its selections, and (area staff) a new selection.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProgrammeModel(AppDbContext db, UserScope scope, SaveSelection steps) : PageModel
{
    public sealed class SelectionForm
    {
        public string? Title { get; set; }
        public int? Year { get; set; }
        public int? Month { get; set; }
        public string? NominationOpens { get; set; }
        public string? NominationCloses { get; set; }
        public string? ScoringCloses { get; set; }
    }

    [BindProperty] public SelectionForm Input { get; set; } = new();
    public ProgrammeDto Programme { get; private set; } = null!;
    public string AreaCode { get; private set; } = "";
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, scope.Role);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var today = steps.Today;
        Input = new SelectionForm
        {
            Year = ThaiDate.ToBuddhistYear(today.Year), Month = Programme.Period == AwardPeriod.Monthly ? today.Month : null,
            NominationOpens = ThaiDate.Numeric(today), NominationCloses = ThaiDate.Numeric(today.AddDays(14)), ScoringCloses = ThaiDate.Numeric(today.AddDays(28)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!CanWrite) return Forbid();
        if (await db.AwardProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is not { } programme) return NotFound();
        var dates = new[] { (Input.NominationOpens, "nominationOpens"), (Input.NominationCloses, "nominationCloses"), (Input.ScoringCloses, "scoringCloses") }
            .Select(d => (Text: d.Item1, Field: d.Item2, Ok: ThaiDate.TryParse(d.Item1, out var date), Date: date)).ToList();
        foreach (var bad in dates.Where(d => !d.Ok && !string.IsNullOrWhiteSpace(d.Text)))
            ModelState.AddModelError(Shared.Validation.Outcome<object>.FormKey("Input", bad.Field), $"วันที่ \"{bad.Text}\" อ่านไม่ได้ — ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.)");
        if (ModelState.ErrorCount == 0)
        {
            DateOnly? D(int i) => dates[i].Ok ? dates[i].Date : null;
            var outcome = await steps.CreateAsync(programme, new SelectionInput(Input.Title, Input.Year, Input.Month, D(0), D(1), D(2)));
            if (outcome.Succeeded)
            {
                TempData["Flash"] = $"เปิดการคัดเลือก{outcome.Value!.Title}แล้ว";
                return Redirect($"/award-selections/{outcome.Value.Id}");
            }
            outcome.CopyTo(ModelState, "Input");
        }
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.AwardProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is not { } p) return false;
        Programme = await AwardViews.ProgrammeAsync(db, p, steps.Today);
        AreaCode = await db.Areas.AsNoTracking().Where(a => a.Id == p.AreaId).Select(a => a.Code).FirstAsync();
        return true;
    }
}
