using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>Asks before a registration is cancelled; its seat then goes to the first on the waitlist.</summary>
[Authorize(Policy = Policies.RegisterTraining)]
public sealed class CancelModel(AppDbContext db, Registrations registrations) : PageModel
{
    [FromQuery] public Guid Registration { get; set; }
    public TrainingSession Session { get; private set; } = null!;
    public Registration Target { get; private set; } = null!;
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await registrations.CancelAsync(Session, Target);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "");
            return Page();
        }
        TempData["Flash"] = $"ยกเลิกการลงทะเบียนของ{Name}แล้ว";
        return Redirect($"/sessions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return false;
        // Only a registration of someone the caller may see: a teacher their own, a director their staff's.
        var hit = await db.Registrations.Where(r => r.Id == Registration && r.SessionId == id)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r, Name = p.Title + p.FirstName + " " + p.LastName }).FirstOrDefaultAsync();
        if (hit is null) return false;
        Session = session;
        Target = hit.r;
        Name = hit.Name;
        return true;
    }
}
