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

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>The area's self-assessment rounds, newest first: search, sort, page, export; "เริ่มรอบการประเมิน" for those who run them.</summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope user, DisplayFormat fmt) : PageModel
{
    public sealed class RoundRow
    {
        public Guid Id { get; init; }
        public required string Name { get; init; }
        public required string Framework { get; init; }
        public int Revision { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public RoundStatus Status { get; init; }
        public int Indicators { get; init; }
        /// <summary>The mean of the levels stored at submission; none while the round has never been handed in.</summary>
        public double? MeanLevel { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
    }

    public static readonly TableSpec<RoundRow> Table = new("รอบการประเมินตนเอง",
        new TableColumn<RoundRow>("รอบการประเมิน", r => r.Name, SortKey: "name", Link: r => $"/assessment-rounds/{r.Id}", Width: 22, Wrap: true),
        new TableColumn<RoundRow>("กรอบการประเมิน", r => $"{ThaiText.Shorten(r.Framework, 60)} (ฉบับที่ {r.Revision})", SortKey: "framework", Wrap: true, InFile: false),
        new TableColumn<RoundRow>("กรอบการประเมิน", r => $"{r.Framework} (ฉบับที่ {r.Revision})", Width: 40, Wrap: true, OnScreen: false),
        new TableColumn<RoundRow>("วันเริ่ม", r => r.StartDate, CellKind.Date, "start", Width: 12),
        new TableColumn<RoundRow>("วันสิ้นสุด", r => r.EndDate, CellKind.Date, Width: 12),
        new TableColumn<RoundRow>("สถานะ", r => AssessmentText.Label(r.Status), SortKey: "status", Width: 16),
        new TableColumn<RoundRow>("ตัวชี้วัด", r => r.Indicators, CellKind.Number, Width: 9),
        new TableColumn<RoundRow>("ระดับเฉลี่ย", r => r.MeanLevel is { } m ? Math.Round((decimal)m, 2, MidpointRounding.AwayFromZero) : null, CellKind.Decimal, Width: 10),
        new TableColumn<RoundRow>("ส่งเมื่อ", r => r.SubmittedAt, CellKind.DateTime, Width: 16));

    // Newest first by default ("start" descending is the natural order of rounds); ties by name so pages never shuffle.
    private static readonly SortMap<RoundRow> Sorts = new SortMap<RoundRow>("newest")
        .AddNewestFirst("newest", r => r.StartDate, r => r.Name)
        .Add("start", r => r.StartDate, r => r.Name).Add("name", r => r.Name, r => r.StartDate)
        .Add("framework", r => r.Framework, r => r.StartDate).Add("status", r => r.Status, r => r.StartDate);

    public Area Area => route.Area;
    public bool CanRun => Policies.Allows(Policies.RunAssessment, user.Role);
    public TableView View { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var rows = Sorts.Apply(Rows(db, Area.Id, list.Search), list);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, await rows.ToListAsync(), $"assessment-rounds-{Area.Code}", Area)).ToActionResult();
        var page = await rows.ToPagedAsync(list);
        View = Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public static IQueryable<RoundRow> Rows(AppDbContext db, Guid areaId, string? search)
    {
        var q = db.AssessmentRounds.AsNoTracking().Where(r => r.AreaId == areaId);
        if (search is { } text) q = q.Where(r => r.Name.Contains(text) || r.Framework!.Name.Contains(text) || r.Framework.Code.Contains(text));
        return q.Select(r => new RoundRow
        {
            Id = r.Id, Name = r.Name, Framework = r.Framework!.Name, Revision = r.Framework.Revision, StartDate = r.StartDate, EndDate = r.EndDate,
            Status = r.Status, SubmittedAt = r.SubmittedAt,
            Indicators = db.RoundIndicators.Count(i => i.RoundId == r.Id),
            MeanLevel = db.RoundIndicators.Where(i => i.RoundId == r.Id && i.SubmittedLevel != null).Average(i => (double?)i.SubmittedLevel),
        });
    }
}
