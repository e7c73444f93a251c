using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Assessment.Frameworks.FrameworksText;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>A framework's current revision as the list shows it; <see cref="Rounds"/> counts rounds of every area on it.</summary>
public sealed record FrameworkRow(FrameworkSummary Summary, int Revisions, int Rounds, DateTimeOffset UpdatedAt)
{
    public string Source => Summary.Shipped ? T.Shipped : T.AddedHere;
}

/// <summary>Every framework's current revision: search, sort, page, Excel; adding and importing for a SystemAdmin.</summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class IndexModel(AppDbContext db, UserScope scope, DisplayFormat fmt) : PageModel
{
    public static readonly TableSpec<FrameworkRow> Table = new(T.Frameworks,
        new("รหัส", r => r.Summary.Code, SortKey: "code", Link: r => DetailsModel.Link(r.Summary.Code), Width: 14),
        new("ชื่อ", r => r.Summary.Name, SortKey: "name", Width: 50, Wrap: true),
        new(T.Revision, r => r.Summary.Revision, CellKind.Number, "revision", Width: 8),
        new(T.Standard, r => r.Summary.Standards, CellKind.Number, Width: 9),
        new(T.Indicator, r => r.Summary.Indicators, CellKind.Number, "indicators", Width: 9),
        new("ประเด็น", r => r.Summary.Items, CellKind.Number, Width: 9),
        new("ที่มา", r => r.Source, SortKey: "source", Width: 12),
        new("รอบที่ใช้", r => r.Rounds, CellKind.Number, "rounds", Width: 10),
        new("แก้ไขล่าสุด", r => DateOnly.FromDateTime(r.UpdatedAt.ToOffset(ThaiDate.ThailandOffset).DateTime), CellKind.Date, "updated", Width: 14));

    private static readonly SortMap<FrameworkRow> Sorts = new SortMap<FrameworkRow>("code")
        .Add("code", r => r.Summary.Code).Add("name", r => r.Summary.Name).Add("revision", r => r.Summary.Revision, r => r.Summary.Code)
        .Add("indicators", r => r.Summary.Indicators, r => r.Summary.Code).Add("source", r => r.Source, r => r.Summary.Code)
        .Add("rounds", r => r.Rounds, r => r.Summary.Code).Add("updated", r => r.UpdatedAt);

    public bool CanEdit => Policies.Allows(Policies.SystemAdmin, scope.Role);
    public TableView View { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        IEnumerable<FrameworkRow> rows = await RowsAsync(db, HttpContext.RequestAborted);
        if (list.Search is { } q)
            rows = rows.Where(r => r.Summary.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Summary.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        var sorted = Sorts.Apply(rows.AsQueryable(), list).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, sorted, "assessment-frameworks", null)).ToActionResult();
        var page = sorted.ToPaged(list);
        View = Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    /// <summary>Frameworks are few and their documents small: read them whole and summarise in memory.</summary>
    public static async Task<List<FrameworkRow>> RowsAsync(AppDbContext db, CancellationToken ct)
    {
        var all = await db.Frameworks.AsNoTracking().ToListAsync(ct);
        // Rounds of every area count: a framework is install-wide, and a round elsewhere still pins its revision.
        var rounds = await db.AssessmentRounds.IgnoreQueryFilters().GroupBy(r => r.FrameworkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. all.GroupBy(f => f.Code).Select(g =>
        {
            var current = g.MaxBy(f => f.Revision)!;
            var used = rounds.GetValueOrDefault(current.Id);
            return new FrameworkRow(AssessmentApi.Summary(current, used > 0), g.Count(), used, current.UpdatedAt);
        })];
    }
}
