using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>A course: what it is, its sessions (รุ่น), and for those who run training a form to add a session.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CourseModel(AppDbContext db, UserScope user, SaveCourse save, DisplayFormat fmt) : PageModel
{
    [BindProperty] public SessionForm Session { get; set; } = new();
    public Course Course { get; private set; } = null!;
    public Area Area { get; private set; } = null!;
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);
    public TableView Sessions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!CanRun) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (input, errors) = Session.Read();
        if (errors.Count > 0)
        {
            Outcome<TrainingSession>.Invalid(errors).CopyTo(ModelState, nameof(Session));
            return Page();
        }
        var outcome = await save.AddSessionAsync(Course, input);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Session));
            return Page();
        }
        TempData["Flash"] = $"เพิ่ม{outcome.Value!.Name} ของหลักสูตร {Course.Name} แล้ว";
        return Redirect($"/sessions/{outcome.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } course) return false;
        Course = course;
        Area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == course.AreaId);
        var sessions = await TrainingRows.Sessions(db, Area.Id, DateOnly.MinValue, DateOnly.MaxValue).Where(s => s.CourseId == id)
            .OrderBy(s => s.StartDate).ThenBy(s => s.Name).ToListAsync();
        Sessions = TrainingRows.SessionsTable.ToView(sessions, fmt);
        return true;
    }
}
