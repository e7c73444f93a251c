using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>ใบลงชื่อ: the registered people with a blank column to sign, one sheet per day of the session (PDF by default).</summary>
[Authorize(Policy = Policies.RunTraining)]
public sealed class SignInSheetModel(AppDbContext db) : PageModel
{
    /// <summary>A longer session prints its first days; a sheet per day of a year-long course would help no one.</summary>
    public const int MaxDays = 31;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (await TrainingApi.FindSessionAsync(db, id) is not { } s) return NotFound();
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == s.AreaId);
        var people = (await db.Registrations.AsNoTracking().Where(r => r.SessionId == id && r.Status == RegistrationStatus.Registered)
                .Select(r => new { r.Person!.Title, r.Person.FirstName, r.Person.LastName, School = r.Person.School != null ? r.Person.School.Name : null })
                .ToListAsync())
            .OrderBy(p => p.FirstName, ThaiText.Comparer).ThenBy(p => p.LastName, ThaiText.Comparer).ToList();
        var days = Enumerable.Range(0, Math.Min(s.EndDate.DayNumber - s.StartDate.DayNumber + 1, MaxDays)).Select(i => s.StartDate.AddDays(i)).ToList();
        var blocks = new List<ReportBlock>();
        foreach (var day in days)
        {
            blocks.Add(new HeadingBlock(days.Count > 1 ? $"วันที่ {ThaiDate.Long(day)} (วันที่ {days.IndexOf(day) + 1} จาก {days.Count})" : $"วันที่ {ThaiDate.Long(day)}"));
            blocks.Add(new TableBlock(new ReportTable($"ใบลงชื่อ {ThaiDate.Long(day)}",
                [new("ลำดับ", CellKind.Number, 8), new("ชื่อ-นามสกุล", CellKind.Text, 32, true), new("สถานศึกษา", CellKind.Text, 32, true), new("ลายมือชื่อ", CellKind.Text, 28)],
                people.Select((p, i) => new ReportRow([i + 1, $"{p.Title}{p.FirstName} {p.LastName}", p.School ?? "", ""])).ToList()) { ShowTitle = false }));
        }
        blocks.Add(new SignatureBlock([new Signer("ผู้รับรอง")]));
        var report = await ReportResults.StartAsync(HttpContext, $"ใบลงชื่อผู้เข้ารับการพัฒนา {s.Course!.Name}", area, $"sign-in-{s.Course.Code}-{s.StartDate:yyyyMMdd}", HttpContext.RequestAborted);
        report = report with
        {
            Subtitles = [$"{s.Name} · {ThaiDate.Long(s.StartDate)}{(s.EndDate != s.StartDate ? " – " + ThaiDate.Long(s.EndDate) : "")} · ณ {s.Venue}"],
            Blocks = blocks,
        };
        return ReportResults.File(HttpContext, report, format ?? ReportFormat.Pdf).ToActionResult();
    }
}
