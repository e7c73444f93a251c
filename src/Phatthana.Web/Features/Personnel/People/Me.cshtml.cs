using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>"ประวัติของฉัน": the signed-in person's own record, found by the national ID on their account.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MeModel(AppDbContext db, UserScope scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.SelfNationalId is not { Length: > 0 } id) return Page();
        var person = await db.People.AsNoTracking().Where(p => p.NationalId == id)
            .OrderByDescending(p => p.Status == PersonStatus.Active).ThenByDescending(p => p.UpdatedAt)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        return person is { } found ? Redirect($"/people/{found}") : Page();
    }
}
