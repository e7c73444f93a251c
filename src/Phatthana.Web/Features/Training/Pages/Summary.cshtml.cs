using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// สรุปผลการพัฒนา of a fiscal year, as the seeds' table (course, dates, venue, method, enrolled, passed, %) with totals,
/// and per session the mean pre- and post-test of those who attended with both scores and the gain between them.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SummaryModel(AppDbContext db, RouteScope route, DisplayFormat fmt, TimeProvider time) : PageModel
{
    public sealed record Line(TrainingSummaryRow Row, decimal? PreMean, decimal? PostMean)
    {
        public decimal? Gain => PreMean is { } pre && PostMean is { } post ? post - pre : null;
    }

    public static readonly TableSpec<Line> Table = new(TrainingApi.SummaryTable.Title,
        [
            .. TrainingApi.SummaryTable.Columns.Select(c => new TableColumn<Line>(c.Header, l => c.Value(l.Row), c.Kind, Width: c.Width, Wrap: c.Wrap,
                // On screen the figures come first; the end date, venue and method are in the files, as the seeds print them.
                OnScreen: c.Header is not ("วันที่สิ้นสุด" or "สถานที่" or "รูปแบบ"))),
            new TableColumn<Line>("ก่อนอบรม (เฉลี่ย)", l => l.PreMean, CellKind.Decimal, Width: 11),
            new TableColumn<Line>("หลังอบรม (เฉลี่ย)", l => l.PostMean, CellKind.Decimal, Width: 11),
            new TableColumn<Line>("ผลต่าง", l => l.Gain, CellKind.Decimal, Width: 10),
        ]);

    public Area Area => route.Area;
    [FromQuery] public string? FiscalYear { get; set; }
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Problem { get; private set; }
    public TableView View { get; private set; } = null!;
    public IReadOnlyList<string> Totals { get; private set; } = [];
    public int Sessions { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        var year = TrainingApi.FiscalYear(FiscalYear, time);
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        if (!year.Succeeded)
        {
            if (format is not null) return year.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = year.Errors[0].Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Year = year.Succeeded ? year.Value : current;
        var lines = await LinesAsync(db, Area.Id, Year, HttpContext.RequestAborted);
        Sessions = lines.Count;
        var total = TotalRow(lines);
        if (format is { } f)
        {
            var table = Table.ToReport(lines) with { ShowTitle = false, Total = total };
            var report = await ReportResults.StartAsync(HttpContext, Table.Title, Area, $"training-summary-{Area.Code}-{Year}", HttpContext.RequestAborted) with
            {
                Subtitles = [$"ปีงบประมาณ {Year}", "ผลต่าง = คะแนนเฉลี่ยหลังอบรม − ก่อนอบรม (ร้อยละ) ของผู้เข้าร่วมที่มีคะแนนทั้งสองครั้ง"],
                Orientation = PageOrientation.Landscape,
                Blocks = [new TableBlock(table), new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล")])],
            };
            return ReportResults.File(HttpContext, report, f).ToActionResult();
        }
        Years = await TrainingRows.FiscalYearsAsync(db, Area.Id, current);
        View = Table.ToView(lines, fmt);
        // The total row has a value for every column; the screen shows those of the columns on screen.
        Totals = Table.Columns.Select((c, i) => (Column: c, Value: i < total.Values.Count ? total.Values[i] : null))
            .Where(x => x.Column.OnScreen).Select(x => fmt.Cell(x.Value, x.Column.Kind)).ToList();
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("fiscalYear", Year.ToString()));

    public static async Task<List<Line>> LinesAsync(AppDbContext db, Guid areaId, int fiscalYear, CancellationToken ct = default) =>
        [.. (await TrainingApi.SummaryScoresAsync(db, areaId, fiscalYear, ct)).Select(l => new Line(l.Row, l.PreMean, l.PostMean))];

    /// <summary>รวม: enrolled and passed added up, the % of the totals (not a mean of percentages), and the year's overall means.</summary>
    public static ReportRow TotalRow(IReadOnlyList<Line> lines)
    {
        var enrolled = lines.Sum(l => l.Row.Enrolled);
        var passed = lines.Sum(l => l.Row.Passed);
        var percent = enrolled == 0 ? 0m : Math.Round(passed * 100m / enrolled, 2, MidpointRounding.AwayFromZero);
        return new ReportRow([$"รวม {lines.Count:#,0} รุ่น", null, null, null, null, null, enrolled, passed, percent, null, null, null]);
    }
}
