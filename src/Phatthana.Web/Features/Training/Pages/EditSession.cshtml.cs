using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>Changes a session: dates, venue, capacity, status and registration window.</summary>
[Authorize(Policy = Policies.RunTraining)]
public sealed class EditSessionModel(AppDbContext db, SaveCourse save) : PageModel
{
    [BindProperty] public SessionForm Session { get; set; } = new();
    public TrainingSession Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return NotFound();
        Current = session;
        Session = SessionForm.From(session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return NotFound();
        Current = session;
        if (!ModelState.IsValid) return Page();
        var (input, errors) = Session.Read();
        var outcome = errors.Count > 0 ? Outcome<TrainingSession>.Invalid(errors) : await save.UpdateSessionAsync(session, input);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Session));
            return Page();
        }
        TempData["Flash"] = $"บันทึก{session.Name}แล้ว";
        return Redirect($"/sessions/{id}");
    }
}
