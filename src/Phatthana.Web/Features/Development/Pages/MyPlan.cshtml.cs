using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Development.Pages;

/// <summary>"แผนพัฒนาตนเองของฉัน": this fiscal year's plan of the signed-in person, found by the national ID on their account.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyPlanModel(AppDbContext db, UserScope scope, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.SelfNationalId is not { Length: > 0 } id) return Page();
        var person = await db.People.AsNoTracking().Where(p => p.NationalId == id)
            .OrderByDescending(p => p.Status == PersonStatus.Active).ThenByDescending(p => p.UpdatedAt)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (person is not { } found) return Page();
        return Redirect(PlanModel.Link(found, SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time))));
    }
}
