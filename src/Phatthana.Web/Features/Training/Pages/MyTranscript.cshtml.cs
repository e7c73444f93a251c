using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>"ประวัติการพัฒนาของฉัน": the signed-in person's transcript, found by the national ID on their account.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyTranscriptModel(AppDbContext db, UserScope scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? fiscalYear)
    {
        if (scope.SelfNationalId is not { Length: > 0 } id) return Page();
        var person = await db.People.AsNoTracking().Where(p => p.NationalId == id)
            .OrderByDescending(p => p.Status == PersonStatus.Active).ThenByDescending(p => p.UpdatedAt)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (person is not { } found) return Page();
        return Redirect($"/people/{found}/transcript" + (string.IsNullOrWhiteSpace(fiscalYear) ? "" : "?fiscalYear=" + Uri.EscapeDataString(fiscalYear)));
    }
}
