using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>Adds (id "new", the group from the tab) or edits one competency; the group is fixed, the rest sent as the API sends it.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class CompetencyModel(AppDbContext db, RouteScope route, SaveCompetency save) : PageModel
{
    [BindProperty] public CompetencyInput Input { get; set; } = new();
    public Area Area => route.Area;
    public Competency? Existing { get; private set; }
    public PositionGroup Group { get; private set; }
    /// <summary>Why it cannot be deleted; null when it can.</summary>
    public string? WhyNotDelete { get; private set; }
    public string Back => IndexModel.Link(Area.Code, Group);

    public async Task<IActionResult> OnGetAsync(string id, string? group)
    {
        if (!await LoadAsync(id, group)) return NotFound();
        Input = Existing is { } c
            ? new CompetencyInput
            {
                Code = c.Code, Name = c.Name, Kind = c.Kind.ToString(), Group = c.Group.ToString(), ExpectedLevel = c.ExpectedLevel, SortOrder = c.SortOrder,
                Description = c.Description, Active = c.Active, Version = c.Version,
            }
            : new CompetencyInput { Group = Group.ToString(), Kind = nameof(CompetencyKind.Functional), ExpectedLevel = 3, Active = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? group)
    {
        if (!await LoadAsync(id, group ?? Input.Group)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = Existing is { } c ? await save.UpdateAsync(c, Input) : await save.CreateAsync(Area, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกสมรรถนะ {outcome.Value!.Code} {outcome.Value.Name} แล้ว";
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
            return checks.IsValid;
        }
        if (!Guid.TryParse(id, out var key) || await db.Competencies.FirstOrDefaultAsync(c => c.Id == key && c.AreaId == Area.Id) is not { } found) return false;
        (Existing, Group) = (found, found.Group);
        WhyNotDelete = await save.WhyNotDeleteAsync(found, HttpContext.RequestAborted);
        return true;
    }
}
