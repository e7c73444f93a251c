using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.DataQuality;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>Every post of the area in one list: vacant or filled, by school, or those a data-quality finding names.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class RegisterModel(AppDbContext db, RouteScope route, DisplayFormat fmt, NationalIdDisclosure disclosure, DataQualityChecks quality) : PageModel
{
    private static readonly SortMap<PostDto> Sorts = new SortMap<PostDto>("school")
        .Add("school", p => p.SchoolName).Add("number", p => p.PositionNumber).Add("type", p => p.PostType).Add("occupant", p => p.OccupantName);

    [BindProperty(SupportsGet = true)] public bool? Vacant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Issue { get; set; }
    public IssueKind? Finding { get; private set; }
    public Area Area => route.Area;
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var rows = PostsApi.Rows(db, Area.Id);
        if (Vacant is { } v) rows = rows.Where(p => (p.OccupantId == null) == v);
        Finding = DataQualityChecks.Kind(Issue) is { Subject: IssueSubject.Post } kind ? kind : null;
        if (Finding is not null && await quality.PostsWithAsync(Area.Id, Finding.Key) is { } ids) rows = rows.Where(p => ids.Contains(p.Id));
        if (list.Search is { } q) rows = rows.Where(p => p.PositionNumber.Contains(q) || p.SchoolName.Contains(q) || (p.OccupantName != null && p.OccupantName.Contains(q)));
        var sorted = Sorts.Apply(rows, list);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, PostsApi.Table, PostsApi.Disclose(await sorted.ToListAsync(), disclosure),
                $"posts-register-{Area.Code}", Area, Finding?.Label ?? (Vacant == true ? "อัตราว่าง" : ""))).ToActionResult();
        var page = await sorted.ToPagedAsync(list);
        Table = PostsApi.Table.ToView(PostsApi.Disclose(page.Items, disclosure), fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
