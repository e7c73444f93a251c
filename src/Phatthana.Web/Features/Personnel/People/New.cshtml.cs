using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

[Authorize(Policy = Policies.SchoolData)]
public sealed class NewModel(AppDbContext db, RouteScope route, SavePerson save) : PersonFormModel(db)
{
    public Area Area => route.Area;

    public async Task OnGetAsync(string? school)
    {
        Input = new PersonInput { School = school, Status = PersonStatus.Active };
        await LoadChoicesAsync(Area.Id);
        if (Schools.Count == 1) Input.School = Schools[0].Code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await save.CreateAsync(Area, Input);
            if (outcome.Succeeded)
            {
                Flash($"เพิ่ม{outcome.Value!.Person.FullName}แล้ว", outcome.Value.Notes);
                return Redirect($"/people/{outcome.Value.Person.Id}");
            }
            outcome.CopyTo(ModelState, nameof(Input));
        }
        await LoadChoicesAsync(Area.Id);
        return Page();
    }
}
