using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// The results grid: one row per registered person (attendance — per day for a session of several days —, hours, pre-test,
/// post-test). Rows are keyed by registration, not national ID, so the form never carries an ID to someone whose role may
/// not see it; every row is checked before any is saved. Results also come from a file (the page's template filled in),
/// and are approved (locked) here, or opened again with a reason.
/// </summary>
[Authorize(Policy = Policies.RunTraining)]
public sealed class ResultsModel(AppDbContext db, Registrations registrations, ResultsImport import, NationalIdDisclosure disclosure) : PageModel
{
    /// <summary>Sessions longer than this record attendance as a whole, not per day.</summary>
    public const int MaxDaysOnGrid = 14;

    public sealed class Row
    {
        public Guid Registration { get; set; }
        public bool Attended { get; set; }
        /// <summary>The session's days present, as offsets from its first day (0 = first day).</summary>
        public List<int> Days { get; set; } = [];
        public decimal? Hours { get; set; }
        public decimal? PreTest { get; set; }
        public decimal? PostTest { get; set; }
    }

    public sealed record Person(string Name, string? School, string NationalId, bool? Passed);

    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public string? ReopenReason { get; set; }
    [BindProperty] public int? Version { get; set; }
    public IFormFile? Upload { get; set; }
    public TrainingSession Session { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Person> People { get; private set; } = new Dictionary<Guid, Person>();
    /// <summary>The days shown as columns; empty when attendance is recorded as a whole.</summary>
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public bool Locked => Session.ResultsApprovedAt is not null;
    /// <summary>Which form was sent, so its messages show with it.</summary>
    public string? Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadRowsAsync(id);
        return Page();
    }

    /// <summary>The template to fill in (?format=xlsx, or pdf to print): every seat-holder with what is recorded so far.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var rows = await import.TemplateRowsAsync(Session, disclosure, HttpContext.RequestAborted);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == Session.AreaId);
        return (await TableResults.FileAsync(HttpContext, ResultsImport.Template, rows, $"results-{Session.Course!.Code}-{Session.StartDate:yyyyMMdd}", area,
            $"{Session.Course.Name} ({Session.Name})", "เข้าร่วม: มา/ขาด · คะแนนเป็นร้อยละ 0–100 · ชั่วโมงเว้นว่าง = ตามหลักสูตร")).ToActionResult();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Sent = "grid";
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var unknown = Rows.Select((r, i) => (r, i)).Where(x => !People.ContainsKey(x.r.Registration)).ToList();
        foreach (var (_, i) in unknown) ModelState.AddModelError($"Rows[{i}]", "แถวนี้ไม่ได้ลงทะเบียนในรุ่นนี้แล้ว กรุณาโหลดหน้าใหม่");
        if (unknown.Count > 0) return Page();
        var days = Session.Days().ToList();
        var outcome = await registrations.SaveResultsAsync(Session, Session.Course!, Rows.Select(r => (ResultInput?)new ResultInput(
            People[r.Registration].NationalId, Days.Count > 0 ? null : r.Attended, r.Hours, r.PreTest, r.PostTest,
            Days.Count > 0 ? r.Days.Where(d => d >= 0 && d < days.Count).Select(d => days[d]).ToList() : null)).ToList());
        if (!outcome.Succeeded)
        {
            // The rows' national IDs come from the server; a message about one is about the row as a whole.
            outcome.CopyRowsTo(ModelState, nameof(Rows), Enumerable.Range(0, Rows.Count).ToList());
            return Page();
        }
        var passed = outcome.Value!.Count(r => r.Passed == true);
        TempData["Flash"] = $"บันทึกผลการอบรม {outcome.Value!.Count:#,0} คนแล้ว — ผ่าน {passed:#,0} คน";
        return Redirect($"/sessions/{id}/results");
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? upload)
    {
        Sent = "import";
        if (!await LoadAsync(id)) return NotFound();
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "กรุณาเลือกไฟล์ผลการอบรม (.xlsx หรือ .csv)");
            return await ReloadAsync(id);
        }
        await using var stream = upload.OpenReadStream();
        var outcome = await import.RunAsync(Session, stream, upload.FileName, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors) ModelState.AddModelError("Upload", e.Message);
            if (outcome.Conflict is { } c) ModelState.AddModelError("Upload", c.Message);
            return await ReloadAsync(id);
        }
        TempData["Flash"] = $"นำเข้าผลการอบรมจาก {upload.FileName} {outcome.Value!.Count:#,0} คนแล้ว — ผ่าน {outcome.Value.Count(r => r.Passed == true):#,0} คน";
        return Redirect($"/sessions/{id}/results");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        Sent = "approve";
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await registrations.ApproveResultsAsync(Session, Version, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "");
            return await ReloadAsync(id);
        }
        TempData["Flash"] = "อนุมัติผลการอบรมแล้ว — ผลของรุ่นนี้ถูกล็อก";
        return Redirect($"/sessions/{id}/results");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        Sent = "reopen";
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await registrations.ReopenResultsAsync(Session, ReopenReason, Version, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "");
            if (outcome.Errors.Any(e => e.Field == "reason"))
                foreach (var e in outcome.Errors.Where(e => e.Field == "reason")) ModelState.AddModelError(nameof(ReopenReason), e.Message);
            return await ReloadAsync(id);
        }
        TempData["Flash"] = "ยกเลิกการอนุมัติแล้ว — แก้ไขผลได้ (บันทึกเหตุผลไว้ในประวัติการแก้ไข)";
        return Redirect($"/sessions/{id}/results");
    }

    private async Task<IActionResult> ReloadAsync(Guid id)
    {
        await LoadRowsAsync(id);
        return Page();
    }

    private async Task LoadRowsAsync(Guid id)
    {
        var start = Session.StartDate;
        Rows = (await db.Registrations.AsNoTracking().Where(r => r.SessionId == id && r.Status == RegistrationStatus.Registered)
                .OrderBy(r => r.Person!.FirstName).ThenBy(r => r.Person!.LastName)
                .Select(r => new { r.Id, r.Attended, r.DaysAttended, r.Hours, r.PreTest, r.PostTest }).ToListAsync())
            .Select(r => new Row
            {
                Registration = r.Id, Attended = r.Attended ?? true, Hours = r.Hours, PreTest = r.PreTest, PostTest = r.PostTest,
                // Nothing recorded yet: every day ticked, as most attend throughout.
                Days = r.Attended is null ? Enumerable.Range(0, Days.Count).ToList() : r.DaysAttended.Select(d => d.DayNumber - start.DayNumber).ToList(),
            })
            .ToList();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return false;
        Session = session;
        Version ??= session.Version;
        Days = session.DayCount is > 1 and <= MaxDaysOnGrid ? session.Days().ToList() : [];
        People = await db.Registrations.AsNoTracking().Where(r => r.SessionId == id && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.Id, P = new Person(r.Person!.Title + r.Person!.FirstName + " " + r.Person!.LastName, r.Person!.School != null ? r.Person!.School!.Name : null,
                r.Person!.NationalId, r.Passed) })
            .ToDictionaryAsync(x => x.Id, x => x.P);
        return true;
    }
}
