using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>ครูสอนไม่ตรงวิชาเอก of the area: who, where, their major and what they teach; counts by subject taught.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class OutOfMajorModel(AppDbContext db, RouteScope route, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<OutOfMajorRow> Sorts = new SortMap<OutOfMajorRow>("school")
        .Add("school", r => r.School, r => r.Name).Add("name", r => r.Name).Add("major", r => r.Major, r => r.School);

    public Area Area => route.Area;
    [FromQuery] public SubjectArea? Major { get; set; }
    [FromQuery] public SubjectArea? Teaching { get; set; }
    public int Total { get; private set; }
    public int Schools { get; private set; }
    public IReadOnlyList<(SubjectArea Subject, int Count)> ByTaught { get; private set; } = [];
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var all = await SubjectAnalysis.OutOfMajorAsync(db, Area.Id, ct: HttpContext.RequestAborted);
        Total = all.Count;
        Schools = all.Select(r => r.SchoolId).Distinct().Count();
        ByTaught = SubjectAnalysis.Subjects.Select(s => (s, all.Count(r => r.TeachingSubjectAreas.Contains(s)))).Where(x => x.Item2 > 0).ToList();
        IEnumerable<OutOfMajorRow> rows = all;
        if (Major is { } m) rows = rows.Where(r => r.Major == m);
        if (Teaching is { } t) rows = rows.Where(r => r.TeachingSubjectAreas.Contains(t));
        if (list.Search is { } q) rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.SchoolName.Contains(q, StringComparison.OrdinalIgnoreCase) || r.School.Contains(q));
        var sorted = Sorts.Apply(rows.AsQueryable(), list).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, ManpowerApi.OutOfMajorTable, sorted, $"out-of-major-{Area.Code}", Area)).ToActionResult();
        var page = sorted.ToPaged(list);
        Table = ManpowerApi.OutOfMajorTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
