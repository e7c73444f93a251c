using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// หลักฐานของรอบการประเมิน: every piece of the round's evidence and the items it backs. The per-item forms of the
/// indicator page (the _ItemEvidence partial) post here — upload, link a report, attach, detach — and come back to the item.
/// </summary>
[Authorize(Policy = Policies.RunAssessment)]
[EvidenceUploadLimit]
public sealed partial class EvidenceModel(AppDbContext db, EvidenceStore store) : PageModel
{
    public const string ErrorKey = "EvidenceError";
    public const string ErrorItemKey = "EvidenceErrorItem";

    public AssessmentRound Round { get; private set; } = null!;
    public IReadOnlyList<EvidenceInfoDto> Evidence { get; private set; } = [];
    public IReadOnlyList<EvidenceReport> Reports => store.Reports;

    [BindProperty] public string? Indicator { get; set; }
    [BindProperty] public int? Item { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Report { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public Guid? EvidenceId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        Round = round;
        Evidence = await store.ListAsync(round.Id);
        return Page();
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id) => RunAsync(id, async round =>
    {
        var added = await store.UploadAsync(round, Upload, Title);
        return added.Succeeded ? await AttachAsync(round, added, $"แนบไฟล์ {added.Value!.FileName} แล้ว") : added;
    });

    public Task<IActionResult> OnPostLinkAsync(Guid id) => RunAsync(id, async round =>
    {
        var added = await store.LinkAsync(round, Report, Year, Title);
        return added.Succeeded ? await AttachAsync(round, added, $"เชื่อมโยงรายงาน {added.Value!.Title} แล้ว") : added;
    });

    public Task<IActionResult> OnPostAttachAsync(Guid id) => RunAsync(id, async round =>
        ItemGiven && EvidenceId is { } e
            ? Done(await store.AttachAsync(round, Indicator!, Item!.Value.ToString(), e), "แนบหลักฐานกับประเด็นนี้แล้ว")
            : Outcome<Evidence>.Invalid([new("evidenceId", "กรุณาเลือกหลักฐานที่จะแนบ")]));

    public Task<IActionResult> OnPostDetachAsync(Guid id) => RunAsync(id, async round =>
        ItemGiven && EvidenceId is { } e
            ? Done(await store.DetachAsync(round, Indicator!, Item!.Value.ToString(), e), "นำหลักฐานออกจากประเด็นนี้แล้ว (หลักฐานยังอยู่ในรอบการประเมิน)")
            : Outcome<Evidence>.Invalid([new("evidenceId", "กรุณาเลือกหลักฐาน")]));

    public Task<IActionResult> OnPostDeleteAsync(Guid id) => RunAsync(id, async round =>
        EvidenceId is { } e ? Done(await store.DeleteAsync(round, e), "ลบหลักฐานออกจากรอบการประเมินแล้ว") : Outcome<Evidence>.NotFound(EvidenceStore.NotInRound));

    private bool ItemGiven => Indicator is { } key && IndicatorKey().IsMatch(key) && Item is > 0;

    private string? _done;

    private Outcome<Evidence> Done(Outcome<Evidence> outcome, string message)
    {
        if (outcome.Succeeded) _done = message;
        return outcome;
    }

    /// <summary>A new piece is attached to the item whose form sent it, when one did.</summary>
    private async Task<Outcome<Evidence>> AttachAsync(AssessmentRound round, Outcome<Evidence> added, string message)
    {
        _done = message;
        if (!ItemGiven) return added;
        var attached = await store.AttachAsync(round, Indicator!, Item!.Value.ToString(), added.Value!.Id);
        if (!attached.Succeeded) _done = null;
        return attached;
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<AssessmentRound, Task<Outcome<Evidence>>> work)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        var outcome = await work(round);
        if (outcome.Succeeded) TempData["Flash"] = _done;
        else
        {
            TempData[ErrorKey] = Message(outcome);
            if (ItemGiven) TempData[ErrorItemKey] = $"{Indicator}/{Item}";
        }
        return Redirect(ItemGiven ? ItemLink(round.Id, Indicator!, Item!.Value) : $"/assessment-rounds/{round.Id}/evidence");
    }

    public static string ItemLink(Guid roundId, string indicator, int item) => $"/assessment-rounds/{roundId}/indicators/{Uri.EscapeDataString(indicator)}#item-{item}";

    private static string Message(Outcome<Evidence> outcome)
    {
        var errors = string.Join(" ", outcome.Errors.Select(e => e.Message).Distinct());
        return outcome.Conflict?.Message ?? outcome.NotFoundDetail ?? (errors.Length > 0 ? errors : "ทำรายการไม่สำเร็จ");
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}$")]
    private static partial Regex IndicatorKey();
}
