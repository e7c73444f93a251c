using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

[Authorize(Policy = Policies.SchoolData)]
public sealed class EditModel(AppDbContext db, RouteScope route, SavePerson save) : PersonFormModel(db)
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    public Person Person => route.Person;
    public override bool IsNew => false;

    public async Task OnGetAsync()
    {
        var person = await Db.People.AsNoTracking().Include(p => p.School).Include(p => p.Division).SingleAsync(p => p.Id == Person.Id);
        Input = From(person);
        Version = person.Version;
        await LoadChoicesAsync(person.AreaId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var person = await Db.People.SingleAsync(p => p.Id == Person.Id);
            var outcome = await save.UpdateAsync(person, Input, Version, Note);
            if (outcome.Succeeded)
            {
                Flash($"บันทึกข้อมูล{person.FullName}แล้ว", outcome.Value!.Notes);
                return Redirect($"/people/{person.Id}");
            }
            outcome.CopyTo(ModelState, nameof(Input));
        }
        await LoadChoicesAsync(Person.AreaId);
        return Page();
    }
}
