using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>Every area's manpower summary for one year, for those who see more than one area.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class NationalModel(AppDbContext db, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<AreaManpowerRow> Sorts = new SortMap<AreaManpowerRow>("code")
        .Add("code", r => r.Area).Add("name", r => r.Name).Add("schools", r => r.Summary.Schools).Add("shortage", r => r.Summary.ShortagePosts)
        .Add("surplus", r => r.Summary.SurplusPosts).Add("net", r => r.Summary.NetSurplus).Add("percent", r => r.Summary.NetSurplusPercent);

    [FromQuery] public string? AcademicYear { get; set; }
    public NationalManpower? Result { get; private set; }
    public string? Problem { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    /// <summary>The "รวม" line of the rows shown (a search narrows it with them).</summary>
    public static AreaManpowerRow Total(IReadOnlyList<AreaManpowerRow> rows) =>
        new("", "รวม", new ManpowerSummary(rows.Sum(r => r.Summary.Schools), rows.Sum(r => r.Summary.ShortageSchools), rows.Sum(r => r.Summary.ShortagePosts),
            rows.Sum(r => r.Summary.SurplusSchools), rows.Sum(r => r.Summary.SurplusPosts), rows.Sum(r => r.Summary.ExactSchools),
            rows.Sum(r => r.Summary.RequiredPosts), rows.Sum(r => r.Summary.ActualPosts), rows.Sum(r => r.Summary.NetSurplus),
            rows.Sum(r => r.Summary.RequiredPosts) is var req and > 0 ? Math.Round(rows.Sum(r => r.Summary.NetSurplus) * 100m / req, 2, MidpointRounding.AwayFromZero) : 0m),
            rows.Sum(r => r.MissingStudentCounts));

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var outcome = await NationalManpower.ComputeAsync(db, AcademicYear, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            if (TableResults.WantsFile(Request)) return outcome.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", outcome.Errors.Select(e => e.Message));
            Response.StatusCode = string.IsNullOrWhiteSpace(AcademicYear) ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = Result = outcome.Value!;
        AcademicYear = result.AcademicYear.ToString();
        IEnumerable<AreaManpowerRow> rows = result.Areas;
        if (list.Search is { } q) rows = rows.Where(r => r.Area.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        var sorted = Sorts.Apply(rows.AsQueryable(), list).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, NationalManpower.Table, [.. sorted, Total(sorted)],
                $"manpower-areas-{result.AcademicYear}", null, $"ปีการศึกษา {result.AcademicYear} · เกณฑ์: {result.RuleSet}")).ToActionResult();
        var page = sorted.ToPaged(list);
        Table = NationalManpower.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
