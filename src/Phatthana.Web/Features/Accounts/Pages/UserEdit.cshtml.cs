using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Shell;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Accounts.Pages;

/// <summary>Create ("/users/new") or edit a user: role, areas, school, status, and a new password when given.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class UserEditModel(AppDbContext db, SaveUser save, UserScope scope) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new() { IsActive = true };
    public bool IsNew { get; private set; }
    public IReadOnlyList<AreaChoice> AreaChoices { get; private set; } = [];
    public IEnumerable<Role> RoleChoices => Enum.GetValues<Role>().Where(r => scope.AllAreas || r != Role.SystemAdmin);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        IsNew = id == "new";
        if (!IsNew)
        {
            if (!await save.Manageable().AnyAsync(u => u.Id == id)) return NotFound();
            var dto = await SaveUser.ToDtoAsync(db, id);
            Input = new UserInput { Email = dto.Email, DisplayName = dto.DisplayName, Role = dto.Role, Areas = [.. dto.Areas], School = dto.School, IsActive = dto.IsActive, NationalId = dto.NationalId };
        }
        await LoadChoicesAsync();
        // Staff of a single area add users to that area; start with it ticked.
        if (IsNew && AreaChoices.Count == 1) Input.Areas = [AreaChoices[0].Code];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        IsNew = id == "new";
        if (!IsNew && !await save.Manageable().AnyAsync(u => u.Id == id)) return NotFound();
        Input.IsActive ??= false; // an unticked checkbox sends nothing
        if (ModelState.IsValid)
        {
            var outcome = IsNew ? await save.CreateAsync(Input) : await save.UpdateAsync(id, Input);
            if (outcome.Succeeded)
            {
                TempData["Flash"] = $"บันทึกผู้ใช้ {outcome.Value!.DisplayName} แล้ว";
                return Redirect("/users");
            }
            if (outcome.ForbiddenReason is not null) Response.StatusCode = StatusCodes.Status403Forbidden;
            outcome.CopyTo(ModelState, nameof(Input));
        }
        await LoadChoicesAsync();
        return Page();
    }

    private async Task LoadChoicesAsync() =>
        AreaChoices = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new AreaChoice(a.Code, a.Name)).ToListAsync();
}
