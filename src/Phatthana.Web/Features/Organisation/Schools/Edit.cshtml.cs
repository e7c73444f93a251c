using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Schools;

[Authorize(Policy = Policies.AreaAdmin)]
public sealed class EditModel(AppDbContext db, RouteScope route, SaveSchool save) : SchoolFormModel(db)
{
    [BindProperty] public int Version { get; set; }
    public School School => route.School;

    public async Task OnGetAsync()
    {
        var school = await Db.Schools.AsNoTracking().Include(s => s.District).Include(s => s.Network).SingleAsync(s => s.Id == School.Id);
        Input = SchoolInput.From(school);
        Version = school.Version;
        await LoadChoicesAsync(school.AreaId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(School.AreaId);
            return Page();
        }
        var school = await Db.Schools.Include(s => s.District).Include(s => s.Network).SingleAsync(s => s.Id == School.Id);
        var outcome = await save.UpdateAsync(school, Input, Version);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกการแก้ไขแล้ว";
            return Redirect($"/schools/{outcome.Value!.Code}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        await LoadChoicesAsync(School.AreaId);
        return Page();
    }
}
