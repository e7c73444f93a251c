using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// A round's next step, asked first: submitting (levels stored, linked reports frozen, read-only from then on), reopening
/// a submitted round with a reason (an AreaAdmin's; audited) and closing it (an AreaAdmin's).
/// </summary>
[Authorize(Policy = Policies.RunAssessment)]
public sealed class TransitionModel(AppDbContext db, UserScope user, Rounds rounds) : PageModel
{
    public const string Submit = "submit", Reopen = "reopen", Close = "close";

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Version { get; set; }
    public string Step { get; private set; } = "";
    public RoundDto Round { get; private set; } = null!;

    /// <summary>Why the round cannot take this step now (the form is not offered), or null.</summary>
    public string? Problem => Step switch
    {
        Submit => Rounds.CannotSubmit(Round.Status),
        Reopen => Rounds.CannotReopen(Round.Status),
        _ => Rounds.CannotClose(Round.Status),
    };

    public string Title => Step switch { Submit => "ส่งผลการประเมิน", Reopen => "เปิดรอบการประเมินอีกครั้ง", _ => "ปิดรอบการประเมิน" };

    public async Task<IActionResult> OnGetAsync(Guid id, string step)
    {
        if (!Allowed(step)) return Forbid();
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        Step = step;
        Round = await RoundView.BuildAsync(db, round, HttpContext.RequestAborted);
        Version = Round.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string step)
    {
        if (!Allowed(step)) return Forbid();
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        var outcome = step switch
        {
            Submit => await rounds.SubmitAsync(round, Version, HttpContext.RequestAborted),
            Reopen => await rounds.ReopenAsync(round, Reason, Version, HttpContext.RequestAborted),
            _ => await rounds.CloseAsync(round, HttpContext.RequestAborted),
        };
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, ""); // "reason" is the Reason field's key too (model state keys ignore case)
            // The round as it is now (a submission from elsewhere may have been the reason).
            Step = step;
            Round = await RoundView.BuildAsync(db, (await Rounds.FindAsync(db, id))!, HttpContext.RequestAborted);
            return Page();
        }
        TempData["Flash"] = step switch
        {
            Submit => $"ส่งผลการประเมิน{round.Name}แล้ว — ระดับคุณภาพและรายงานที่เชื่อมโยงไว้ถูกบันทึก ณ วันนี้",
            Reopen => $"เปิด{round.Name}อีกครั้งแล้ว — แก้ไขได้จนกว่าจะส่งใหม่",
            _ => $"ปิด{round.Name}แล้ว",
        };
        return Redirect($"/assessment-rounds/{id}");
    }

    /// <summary>Submitting is for whoever fills the round in; reopening and closing are the area staff's.</summary>
    private bool Allowed(string step) => step == Submit || Policies.Allows(Policies.AreaAdmin, user.Role);
}
