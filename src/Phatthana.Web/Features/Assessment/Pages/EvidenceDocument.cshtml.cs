using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// One piece of a round's evidence: a linked report's figures — as frozen when the round was submitted ("ข้อมูล ณ วันที่ส่ง"),
/// or live while it is open — or an uploaded file's details, and the file itself at …/file (always as an attachment).
/// </summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class EvidenceDocumentModel(AppDbContext db, EvidenceStore store) : PageModel
{
    public AssessmentRound Round { get; private set; } = null!;
    public EvidenceInfoDto Evidence { get; private set; } = null!;
    public EvidenceFigures? Figures { get; private set; }
    public bool Live { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId)
    {
        if (await Rounds.FindAsync(db, id) is not { } round || await store.FindAsync(round, evidenceId) is not { } evidence) return NotFound();
        Round = round;
        Evidence = EvidenceStore.Info(evidence, (await store.ItemsAsync(round.Id, evidence.Id)).GetValueOrDefault(evidence.Id) ?? []);
        (Figures, Live) = await store.FiguresAsync(round, evidence, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid evidenceId)
    {
        if (await Rounds.FindAsync(db, id) is not { } round || await store.FindAsync(round, evidenceId) is not { Kind: EvidenceKind.File } evidence) return NotFound();
        return EvidenceApi.FileResult(HttpContext, store, evidence)?.ToActionResult() ?? NotFound();
    }
}
