using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>Asks first, then deletes a record entered by mistake (people who leave are kept with their status instead).</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class DeleteModel(AppDbContext db, RouteScope route, SavePerson save) : PageModel
{
    public Person Person => route.Person;
    public string? PositionNumber { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() =>
        PositionNumber = await db.Posts.Where(p => p.OccupantId == Person.Id).Select(p => p.PositionNumber).FirstOrDefaultAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await save.DeleteAsync(await db.People.SingleAsync(p => p.Id == Person.Id));
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"ลบ{Person.FullName}แล้ว";
            return Redirect($"/areas/{route.Area.Code}/people");
        }
        Error = outcome.Conflict?.Message;
        return Page();
    }
}
