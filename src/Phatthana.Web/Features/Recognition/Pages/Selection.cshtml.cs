using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment.Pages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>
/// One selection: the ranking (live while the committee scores, stored once announced), the nomination form while the window
/// is open, and the steps area staff take — close nominations, announce, record the evaluation.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[EvidenceUploadLimit]
public sealed class SelectionModel(AppDbContext db, UserScope scope, SaveSelection steps, Standings standings, Nominations nominations, ScoreNomination scoring) : PageModel
{
    public sealed class NominateForm
    {
        public string? NationalId { get; set; }
        public string? Statement { get; set; }
        public bool NoDisciplinaryRecord { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty] public NominateForm Input { get; set; } = new();
    [BindProperty] public string? Evaluation { get; set; }
    public SelectionDto Selection { get; private set; } = null!;
    public AwardProgramme Programme { get; private set; } = null!;
    public string AreaCode { get; private set; } = "";
    public bool IsMember { get; private set; }
    public bool CanManage => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public bool CanNominate => Selection.Stage == SelectionStage.Nominating && Policies.Allows(Policies.Nominate, scope.Role) &&
        (scope.Role != Role.SchoolAdmin || Programme.SchoolsNominate) && (scope.Role != Role.Teacher || Programme.SelfNomination);
    public string? SelfNationalId => scope.Role == Role.Teacher ? scope.SelfNationalId : null;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Evaluation = Selection.Evaluation;
        return Page();
    }

    public async Task<IActionResult> OnPostNominateAsync(Guid id)
    {
        if (!Policies.Allows(Policies.Nominate, scope.Role)) return Forbid();
        if (await db.AwardSelections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } selection) return NotFound();
        var nid = scope.Role == Role.Teacher ? scope.SelfNationalId : Input.NationalId;
        var outcome = await nominations.NominateAsync(selection, new NominationInput(nid, Input.Statement, Input.NoDisciplinaryRecord));
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "Input");
            await LoadAsync(id);
            return Page();
        }
        var nomination = outcome.Value!;
        var flash = "เสนอชื่อแล้ว";
        if (Input.File is { Length: > 0 } file)
        {
            var attached = await nominations.AddEvidenceAsync(nomination, file);
            flash = attached.Succeeded ? "เสนอชื่อและแนบหลักฐานแล้ว" : $"เสนอชื่อแล้ว แต่แนบหลักฐานไม่ได้: {attached.Errors.Concat(attached.Conflict is { } c ? [c] : []).First().Message}";
        }
        TempData["Flash"] = flash;
        return Redirect($"/nominations/{nomination.Id}");
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id) => StepAsync(id, s => steps.CloseNominationsAsync(s), "ปิดรับการเสนอชื่อแล้ว กรรมการเริ่มให้คะแนนได้");

    public Task<IActionResult> OnPostAnnounceAsync(Guid id) => StepAsync(id, s => steps.AnnounceAsync(s), "ประกาศผลการคัดเลือกแล้ว ผู้ได้รับรางวัลดาวน์โหลดเกียรติบัตรได้");

    public Task<IActionResult> OnPostEvaluateAsync(Guid id) => StepAsync(id, s => steps.EvaluateAsync(s, new EvaluationInput(Evaluation)), "บันทึกผลการประเมินโครงการแล้ว");

    private async Task<IActionResult> StepAsync(Guid id, Func<AwardSelection, Task<Outcome<AwardSelection>>> step, string done)
    {
        if (!CanManage) return Forbid();
        if (await db.AwardSelections.FirstOrDefaultAsync(s => s.Id == id) is not { } selection) return NotFound();
        var outcome = await step(selection);
        TempData["Flash"] = outcome.Succeeded ? done : (outcome.Conflict ?? outcome.Errors.FirstOrDefault())?.Message;
        return Redirect($"/award-selections/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.AwardSelections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } s) return false;
        Selection = await AwardViews.SelectionAsync(db, standings, s, steps.Today);
        Programme = await db.AwardProgrammes.AsNoTracking().FirstAsync(p => p.Id == s.ProgrammeId);
        AreaCode = await db.Areas.AsNoTracking().Where(a => a.Id == s.AreaId).Select(a => a.Code).FirstAsync();
        IsMember = await scoring.MemberAsync(s.ProgrammeId) is not null;
        return true;
    }
}
