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

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>
/// สมรรถนะและหัวข้อการพัฒนา of one position group (a tab each): core and functional competencies, then the topics, with how
/// many plans use each; everyone signed in reads it, the area's staff add, edit, retire and delete, and start a group with
/// no competencies from the default set.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt) : PageModel
{
    public Area Area => route.Area;
    public PositionGroup Group { get; private set; }
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    /// <summary>How many competencies each group has, for the tabs.</summary>
    public IReadOnlyDictionary<PositionGroup, int> Counts { get; private set; } = new Dictionary<PositionGroup, int>();
    public TableView Core { get; private set; } = null!;
    public TableView Functional { get; private set; } = null!;
    public TableView Topics { get; private set; } = null!;
    public int TopicCount { get; private set; }
    public bool HasDefaults => DefaultCatalogue.Groups.Contains(Group);

    public static string Link(string area, PositionGroup group) => $"/areas/{area}/development/competencies?group={group}";

    public async Task<IActionResult> OnGetAsync(string? group)
    {
        if (!ReadGroup(group)) return NotFound();
        if (ReportResults.WantsFile(Request)) return (await CatalogueTables.FileAsync(HttpContext, Area, Group, HttpContext.RequestAborted)).ToActionResult();
        Counts = (await db.Competencies.AsNoTracking().Where(c => c.AreaId == Area.Id).GroupBy(c => c.Group).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Key, x => x.Count);
        var (competencies, topics) = await CatalogueTables.LoadAsync(db, Area.Id, Group, HttpContext.RequestAborted);
        Func<CompetencyRow, string?>? editCompetency = CanEdit ? r => $"/areas/{Area.Code}/development/competencies/{r.Competency.Id}" : null;
        Core = CatalogueTables.Competencies(DevelopmentText.Label(CompetencyKind.Core), editCompetency)
            .ToView(competencies.Where(c => c.Competency.Kind == CompetencyKind.Core), fmt);
        Functional = CatalogueTables.Competencies(DevelopmentText.Label(CompetencyKind.Functional), editCompetency)
            .ToView(competencies.Where(c => c.Competency.Kind == CompetencyKind.Functional), fmt);
        Topics = CatalogueTables.Topics(CanEdit ? r => $"/areas/{Area.Code}/development/topics/{r.Topic.Id}" : null).ToView(topics, fmt);
        TopicCount = topics.Count;
        return Page();
    }

    /// <summary>เพิ่มชุดเริ่มต้น: the default set of this group, only while it has no competencies.</summary>
    public async Task<IActionResult> OnPostDefaultsAsync(string? group)
    {
        if (!CanEdit) return Forbid();
        if (!ReadGroup(group)) return NotFound();
        var added = await DefaultCatalogue.EnsureAsync(db, Area.Id, HttpContext.RequestAborted, Group);
        TempData["Flash"] = added > 0 ? $"เพิ่มชุดเริ่มต้นของกลุ่ม{DevelopmentText.Label(Group)}แล้ว {added:#,0} รายการ — ตรวจสอบและแก้ไขให้ตรงกับเขตพื้นที่"
            : $"กลุ่ม{DevelopmentText.Label(Group)}มีสมรรถนะอยู่แล้ว จึงไม่ได้เพิ่มชุดเริ่มต้น";
        return Redirect(Link(Area.Code, Group));
    }

    private bool ReadGroup(string? text)
    {
        var checks = new Shared.Validation.Checks();
        Group = string.IsNullOrWhiteSpace(text) ? PositionGroup.Teachers : CatalogueChecks.Group(text, checks) ?? default;
        return checks.IsValid;
    }
}
