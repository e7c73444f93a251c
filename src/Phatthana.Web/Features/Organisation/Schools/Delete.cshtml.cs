using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Schools;

/// <summary>Asks first, then deletes the school with its student counts.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class DeleteModel(AppDbContext db, RouteScope route, SaveSchool save) : PageModel
{
    public School School => route.School;
    public int CountRows { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => CountRows = await db.StudentCounts.CountAsync(c => c.SchoolId == School.Id);

    public async Task<IActionResult> OnPostAsync()
    {
        var school = await db.Schools.SingleAsync(s => s.Id == School.Id);
        var outcome = await save.DeleteAsync(school);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"ลบ{School.Name}แล้ว";
            return Redirect($"/areas/{route.Area.Code}/schools");
        }
        Error = outcome.Conflict?.Message;
        CountRows = await db.StudentCounts.CountAsync(c => c.SchoolId == School.Id);
        return Page();
    }
}
