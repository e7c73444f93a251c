using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>A school's register of posts (บัญชี จ.18) with its totals.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt, NationalIdDisclosure disclosure) : PageModel
{
    public School School => route.School;
    public Area Area => route.Area;
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public PostTotalsDto Totals { get; private set; } = null!;
    public TableView Table { get; private set; } = null!;

    /// <summary>The page's table: the school column is left out (it is this school), edit links for area staff.</summary>
    private TableSpec<PostDto> PageTable => new(PostsApi.Table.Title,
        [.. PostsApi.Table.Columns.Where(c => c.Header != PersonnelText.School)
            .Select(c => c.SortKey == "number" && CanEdit ? c with { Link = p => $"/schools/{School.Code}/posts/{Uri.EscapeDataString(p.PositionNumber)}/edit" } : c with { SortKey = null })]);

    public async Task<IActionResult> OnGetAsync()
    {
        var rows = PostsApi.Disclose(await PostsApi.OfSchoolAsync(db, School), disclosure);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, PostsApi.Table, rows, $"posts-{School.Code}", Area, School.Name)).ToActionResult();
        Totals = new PostTotalsDto(School.Code, School.Name, rows.Count, rows.Count(r => r.OccupantId is not null),
            rows.Count(r => r.OccupantId is null), rows.Count(r => r.PostType == PostType.Administrator), rows.Count(r => r.PostType == PostType.Teacher));
        Table = PageTable.ToView(rows, fmt);
        return Page();
    }
}
