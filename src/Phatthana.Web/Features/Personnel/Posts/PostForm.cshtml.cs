using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.Posts;

public sealed record OccupantChoice(string NationalId, string Label);

/// <summary>Adds a post ("new") or edits one of a school's register; the occupant is picked from the school's active staff.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class PostFormModel(AppDbContext db, RouteScope route, SavePost save) : PageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public School School => route.School;
    public bool IsNew { get; private set; }
    public string? Number { get; private set; }
    public IReadOnlyList<OccupantChoice> Occupants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? positionNumber)
    {
        IsNew = positionNumber is null;
        if (!IsNew)
        {
            if (await PostsApi.FindAsync(db, School, positionNumber!) is not { } post) return NotFound();
            Number = post.PositionNumber;
            Version = post.Version;
            var occupant = post.OccupantId is { } id ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.NationalId).FirstOrDefaultAsync() : null;
            Input = new PostInput { PositionNumber = post.PositionNumber, PostType = post.PostType, Occupant = occupant };
        }
        await LoadOccupantsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? positionNumber)
    {
        IsNew = positionNumber is null;
        Post? post = null;
        if (!IsNew && (post = await PostsApi.FindAsync(db, School, positionNumber!)) is null) return NotFound();
        Number = post?.PositionNumber;
        if (ModelState.IsValid)
        {
            var outcome = IsNew ? await save.CreateAsync(School, Input) : await save.UpdateAsync(post!, School, Input, Version);
            if (outcome.Succeeded)
            {
                TempData["Flash"] = $"บันทึกอัตราเลขที่ {outcome.Value!.PositionNumber} แล้ว";
                return Redirect($"/schools/{School.Code}/posts");
            }
            outcome.CopyTo(ModelState, nameof(Input));
        }
        await LoadOccupantsAsync();
        return Page();
    }

    /// <summary>The school's active civil servants who hold no post yet, and the present occupant.</summary>
    private async Task LoadOccupantsAsync()
    {
        var current = Input.Occupant;
        var people = await db.People.AsNoTracking()
            .Where(p => p.SchoolId == School.Id && p.Status == PersonStatus.Active &&
                        (p.NationalId == current || !db.Posts.Any(x => x.OccupantId == p.Id)))
            .Select(p => new { p.NationalId, p.Title, p.FirstName, p.LastName, p.Position }).ToListAsync();
        Occupants = people.Where(p => People.PersonRules.PostTypeFor(p.Position) is not null || p.NationalId == current)
            .OrderBy(p => p.FirstName, Shared.Thai.ThaiText.Comparer)
            .Select(p => new OccupantChoice(p.NationalId, $"{p.Title}{p.FirstName} {p.LastName} ({PersonnelText.Label(p.Position)})")).ToList();
    }
}
