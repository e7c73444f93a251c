using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.DataQuality;

/// <summary>
/// "ข้อมูลสารสนเทศ ครบถ้วน ถูกต้อง เป็นปัจจุบัน พร้อมใช้" as figures: completeness, wrong or conflicting records, and how
/// current each school's data is — every figure links to the records behind it. Evidence for the self-assessment.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class IndexModel(RouteScope route, DataQualityChecks checks, DisplayFormat fmt) : PageModel
{
    public static readonly int[] DayChoices = [30, 60, 90, 180, 365];

    private static readonly SortMap<SchoolQuality> Sorts = new SortMap<SchoolQuality>("code")
        .Add("code", s => s.Code).Add("name", s => s.Name).Add("people", s => s.People).Add("complete", s => s.CompletenessPercent)
        .Add("problems", s => s.Problems).Add("posts", s => s.Posts).Add("counts", s => s.HasStudentCounts)
        .Add("updated", s => s.LastUpdate).Add("days", s => s.DaysSinceUpdate);

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = DataQualityChecks.DefaultStaleDays;
    /// <summary>Only the schools of one finding: stale, no-counts, problems or incomplete.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public Area Area => route.Area;
    public QualityReport Report { get; private set; } = null!;
    public IReadOnlyList<FindingDto> Findings { get; private set; } = [];
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (Days is < 1 or > 3650) Days = DataQualityChecks.DefaultStaleDays;
        Report = await checks.RunAsync(Area.Id, Days);
        Findings = DataQualityApi.Dto(Area.Code, Report).Findings;
        var rows = Report.Schools.AsQueryable();
        rows = Show switch
        {
            "stale" => rows.Where(s => s.Stale),
            "no-counts" => rows.Where(s => !s.HasStudentCounts),
            "problems" => rows.Where(s => s.Problems > 0),
            "incomplete" => rows.Where(s => s.CompletenessPercent < 100),
            _ => rows,
        };
        if (list.Search is { } q) rows = rows.Where(s => s.Code.Contains(q) || s.Name.Contains(q));
        var sorted = Sorts.Apply(rows, list).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, DataQualityApi.Table, sorted, $"data-quality-{Area.Code}", Area,
                $"ข้อมูล ณ {ThaiDate.Long(Report.Today)} · ความครบถ้วนทั้งเขต {Report.CompletenessPercent:0.00}% · ไม่ได้ปรับปรุงเกิน {Days} วันถือว่าไม่เป็นปัจจุบัน")).ToActionResult();
        var page = sorted.ToPaged(list);
        Table = DataQualityApi.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public int Count(string key) => Report.Count(key);

    public int Wrong => DataQualityChecks.Kinds.Where(k => k.Subject != IssueSubject.School && k.Key != "incomplete").Sum(k => Count(k.Key));
}
