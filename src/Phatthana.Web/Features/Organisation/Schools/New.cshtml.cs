using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Schools;

[Authorize(Policy = Policies.AreaAdmin)]
public sealed class NewModel(AppDbContext db, RouteScope route, SaveSchool save) : SchoolFormModel(db)
{
    public Area Area => route.Area;

    public Task OnGetAsync() => LoadChoicesAsync(Area.Id);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(Area.Id);
            return Page();
        }
        var outcome = await save.CreateAsync(Area, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"เพิ่ม{outcome.Value!.Name}แล้ว";
            return Redirect($"/schools/{outcome.Value.Code}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        await LoadChoicesAsync(Area.Id);
        return Page();
    }
}
