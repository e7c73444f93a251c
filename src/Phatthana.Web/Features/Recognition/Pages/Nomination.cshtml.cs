using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Assessment.Pages;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>
/// One nomination: the statement and evidence (more files while nominations are open), the committee member's score sheet
/// (or why they may not score it), and the certificate once awarded.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[EvidenceUploadLimit]
public sealed class NominationModel(AppDbContext db, UserScope scope, NationalIdDisclosure disclosure, Nominations nominations, ScoreNomination scoring, SaveSelection steps)
    : PageModel
{
    [BindProperty] public List<decimal?> Scores { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    public NominationDto Nomination { get; private set; } = null!;
    public AwardSelection Selection { get; private set; } = null!;
    public IReadOnlyList<CriterionDto> Criteria { get; private set; } = [];
    /// <summary>Why the caller may not score this one (null: they may, or are not on the committee at all).</summary>
    public string? ScoreRefusal { get; private set; }
    public bool IsMember { get; private set; }
    public bool CanAttach => Selection.StageOn(steps.Today) == SelectionStage.Nominating && Policies.Allows(Policies.Nominate, scope.Role);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(Guid id)
    {
        if (!Policies.Allows(Policies.ScoreAwards, scope.Role)) return Forbid();
        if (await db.Nominations.FirstOrDefaultAsync(n => n.Id == id) is not { } n) return NotFound();
        var input = new ScoreInput([.. Scores.Select((s, i) => new ScoreItem(i + 1, s))]);
        var outcome = await scoring.ScoreAsync(n, input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกคะแนนแล้ว";
            return Redirect($"/award-selections/{n.SelectionId}");
        }
        foreach (var e in outcome.Conflict is null ? outcome.Errors : [.. outcome.Errors, outcome.Conflict])
            ModelState.AddModelError(e.Field.StartsWith("scores[", StringComparison.Ordinal) ? $"Scores[{e.Field[7..e.Field.IndexOf(']')]}]" : "", e.Message);
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id)
    {
        if (!Policies.Allows(Policies.Nominate, scope.Role)) return Forbid();
        if (await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id) is not { } n) return NotFound();
        var outcome = await nominations.AddEvidenceAsync(n, Upload);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"แนบ {outcome.Value!.FileName} แล้ว";
            return Redirect($"/nominations/{id}");
        }
        foreach (var e in outcome.Conflict is null ? outcome.Errors : [.. outcome.Errors, outcome.Conflict]) ModelState.AddModelError("Upload", e.Message);
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id) is not { } n) return false;
        Nomination = await AwardViews.NominationAsync(db, n, disclosure);
        Selection = await db.AwardSelections.AsNoTracking().Include(s => s.Programme).FirstAsync(s => s.Id == n.SelectionId);
        Criteria = await db.AwardCriteria.AsNoTracking().Where(c => c.ProgrammeId == Selection.ProgrammeId).OrderBy(c => c.Number)
            .Select(c => new CriterionDto(c.Number, c.Name, c.Weight, c.MinScore, c.MaxScore)).ToListAsync();
        var member = Policies.Allows(Policies.ScoreAwards, scope.Role) ? await scoring.MemberAsync(Selection.ProgrammeId) : null;
        IsMember = member is not null;
        if (member is not null)
        {
            var scored = await db.AwardScores.AnyAsync(s => s.NominationId == n.Id && s.MemberId == member.Id);
            var refusal = ScoreNomination.Refusal<Nomination>(Selection, member, n, steps.Today, scored);
            ScoreRefusal = refusal is null ? null : (refusal.Conflict ?? refusal.Errors.First()).Message;
        }
        while (Scores.Count < Criteria.Count) Scores.Add(null);
        return true;
    }
}
