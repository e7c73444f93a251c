using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// A person's development in a fiscal year: sessions attended and external completions, their hours against the area's
/// yearly requirement, and the development coupon; as a page, PDF and Excel. A teacher reaches only their own (the
/// registry's scope finds no one else).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TranscriptModel(AppDbContext db, RouteScope route, UserScope scope, TimeProvider time, DisplayFormat fmt) : PageModel
{
    [FromQuery] public string? FiscalYear { get; set; }
    public Person Person => route.Person;
    public string AreaCode => route.Area.Code;
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public TranscriptDto Transcript { get; private set; } = null!;
    public TrainingSettings Settings { get; private set; } = null!;
    public IReadOnlyList<CouponItem> CouponItems { get; private set; } = [];
    public bool HoldsCoupon => TrainingLedger.Counts(Person.Position) && Person.Status == PersonStatus.Active;
    public decimal CouponSpent => CouponItems.Sum(i => i.Cost);
    public TableView Items { get; private set; } = null!;
    public TableView Coupons { get; private set; } = null!;
    public bool CanReadRegistry => Policies.Allows(Policies.ReadPeople, scope.Role);
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Years = TrainingLedger.Years(current);
        var year = TrainingApi.FiscalYear(FiscalYear, time);
        if (!year.Succeeded)
        {
            if (format is not null) return year.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", year.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Year = current;
        }
        else Year = year.Value;
        Transcript = await TrainingApi.TranscriptAsync(db, Person, Year, HttpContext.RequestAborted);
        Settings = await TrainingLedger.SettingsAsync(db, Person.AreaId, HttpContext.RequestAborted);
        CouponItems = await TrainingLedger.CouponItemsAsync(db, Person, Year, HttpContext.RequestAborted);
        if (format is { } f)
        {
            var report = await ReportResults.StartAsync(HttpContext, "ประวัติการพัฒนาตนเอง", route.Area, $"transcript-{Year}", HttpContext.RequestAborted) with
            {
                Subtitles = [Person.FullName, $"ปีงบประมาณ {Year}"],
                Blocks = Blocks(),
            };
            return ReportResults.File(HttpContext, report, f).ToActionResult();
        }
        Items = TrainingLedger.TranscriptTable.ToView(Transcript.Items, fmt);
        Coupons = TrainingLedger.CouponItemTable.ToView(CouponItems, fmt);
        return Page();
    }

    private List<ReportBlock> Blocks()
    {
        var blocks = new List<ReportBlock>
        {
            new ParagraphBlock($"ชั่วโมงการพัฒนารวม {Transcript.Hours:#,0.##} ชั่วโมง จากเกณฑ์ {Settings.RequiredHoursPerYear:#,0.##} ชั่วโมงต่อปี — " +
                               (Transcript.Hours >= Settings.RequiredHoursPerYear ? "ครบตามเกณฑ์" : $"ขาดอีก {Settings.RequiredHoursPerYear - Transcript.Hours:#,0.##} ชั่วโมง")),
            new TableBlock(TrainingLedger.TranscriptTable.ToReport(Transcript.Items)),
        };
        if (HoldsCoupon)
        {
            blocks.Add(new ParagraphBlock($"คูปองพัฒนาครู: จัดสรร {Settings.CouponPerPerson:#,0.00} บาท ใช้ไป {CouponSpent:#,0.00} บาท คงเหลือ {Settings.CouponPerPerson - CouponSpent:#,0.00} บาท"));
            blocks.Add(new TableBlock(TrainingLedger.CouponItemTable.ToReport(CouponItems)));
        }
        return blocks;
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("fiscalYear", Year.ToString()));
}
