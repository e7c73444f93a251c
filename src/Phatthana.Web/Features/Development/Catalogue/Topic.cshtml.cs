using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>Adds (id "new", the group from the tab) or edits one development topic: its name, the competency it builds, its subject area.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class TopicModel(AppDbContext db, RouteScope route, SaveTopic save) : PageModel
{
    [BindProperty] public TopicInput Input { get; set; } = new();
    public Area Area => route.Area;
    public DevelopmentTopic? Existing { get; private set; }
    public PositionGroup Group { get; private set; }
    /// <summary>The group's competencies to choose from (retired ones marked).</summary>
    public IReadOnlyList<Competency> Competencies { get; private set; } = [];
    public string? WhyNotDelete { get; private set; }
    public string Back => IndexModel.Link(Area.Code, Group);

    public async Task<IActionResult> OnGetAsync(string id, string? group)
    {
        if (!await LoadAsync(id, group)) return NotFound();
        Input = Existing is { } t
            ? new TopicInput
            {
                Name = t.Name, Group = t.Group.ToString(), Competency = t.CompetencyId?.ToString(), SubjectArea = t.SubjectArea?.ToString(), Active = t.Active,
                Version = t.Version,
            }
            : new TopicInput { Group = Group.ToString(), Active = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? group)
    {
        if (!await LoadAsync(id, group ?? Input.Group)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = Existing is { } t ? await save.UpdateAsync(t, Input) : await save.CreateAsync(Area, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกหัวข้อการพัฒนา {outcome.Value!.Name} แล้ว";
            return Redirect(Back);
        }
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    private async Task<bool> LoadAsync(string id, string? group)
    {
        if (id == "new")
        {
            var checks = new Shared.Validation.Checks();
            Group = string.IsNullOrWhiteSpace(group) ? PositionGroup.Teachers : CatalogueChecks.Group(group, checks) ?? default;
            if (!checks.IsValid) return false;
        }
        else if (Guid.TryParse(id, out var key) && await db.DevelopmentTopics.FirstOrDefaultAsync(t => t.Id == key && t.AreaId == Area.Id) is { } found)
        {
            (Existing, Group) = (found, found.Group);
            WhyNotDelete = await save.WhyNotDeleteAsync(found, HttpContext.RequestAborted);
        }
        else return false;
        Competencies = await db.Competencies.AsNoTracking().Where(c => c.AreaId == Area.Id && c.Group == Group)
            .OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync();
        return true;
    }
}
