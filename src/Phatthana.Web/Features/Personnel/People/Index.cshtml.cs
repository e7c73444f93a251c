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

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>The area's personnel registry: search by name or ID, filters, sort, pages, exports; IDs masked by role.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt,
    NationalIdDisclosure disclosure, DataQualityChecks quality) : PageModel
{
    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    public PeopleFilter Filter { get; private set; } = new();
    public Area Area => route.Area;
    public bool CanCreate => Policies.Allows(Policies.SchoolData, scope.Role);
    public IReadOnlyList<SchoolRef> Schools { get; private set; } = [];
    public IReadOnlyList<string> Networks { get; private set; } = [];
    public IssueKind? Issue { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list, [FromQuery] PeopleFilter filter)
    {
        List = list;
        Filter = filter;
        // The page starts with the people who work here now; "all" shows those who left too.
        if (string.IsNullOrEmpty(Request.Query["status"])) Filter.Status = nameof(PersonStatus.Active);
        Issue = DataQualityChecks.Kind(filter.Issue) is { Subject: IssueSubject.Person } kind ? kind : null;
        var only = Issue is null ? null : await quality.PeopleWithAsync(Area.Id, Issue.Key);
        var rows = PersonRows.Sorts.Apply(PersonRows.Query(db, Area.Id, Filter, List.Search, disclosure.RevealsAll, only), List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, PersonRows.Table, PersonRows.Disclose(await rows.ToListAsync(), disclosure),
                $"people-{Area.Code}", Area, Subtitles())).ToActionResult();

        var page = await rows.ToPagedAsync(List);
        Table = PersonRows.Table.ToView(PersonRows.Disclose(page.Items, disclosure), fmt);
        Pager = PagerModel.From(page);
        Schools = (await SchoolFinder.ForAreaAsync(db, Area.Id)).All.OrderBy(s => s.Name, ThaiText.Comparer).ToList();
        Networks = await AreaLookups.NetworkNamesAsync(db, Area.Id);
        return Page();
    }

    /// <summary>The filters in force, in Thai, under the title of an exported file.</summary>
    private string[] Subtitles()
    {
        var parts = new List<string>();
        if (Filter.School is { Length: > 0 } s) parts.Add($"สถานศึกษา {s}");
        if (Filter.Network is { Length: > 0 } n) parts.Add(n);
        if (Filter.Position is { } p) parts.Add(PersonnelText.Label(p));
        if (Filter.Standing is { } st) parts.Add(PersonnelText.Label(st));
        if (Filter.Subject is { } sub) parts.Add($"สอน{PersonnelText.Label(sub)}");
        if (Enum.TryParse<PersonStatus>(Filter.Status, out var status)) parts.Add(PersonnelText.Label(status));
        if (Issue is not null) parts.Add(Issue.Label);
        return parts.Count == 0 ? [] : [string.Join(" · ", parts)];
    }
}
