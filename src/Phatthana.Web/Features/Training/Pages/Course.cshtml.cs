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
    /// <summary>A session as the form sends it: dates as people type them (วว/ดด/ปปปป in พ.ศ.).</summary>
    public sealed class SessionForm
    {
        public string? Name { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? Venue { get; set; }
        public int? Capacity { get; set; }
        public string? Status { get; set; }
        public string? Trainers { get; set; }
    }

    [BindProperty] public SessionForm Session { get; set; } = new() { Status = nameof(SessionStatus.Open) };
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
        var errors = new List<FieldError>();
        var start = ReadDate(Session.StartDate, "startDate", "วันเริ่ม", errors);
        var end = ReadDate(Session.EndDate, "endDate", "วันสิ้นสุด", errors);
        var input = new SessionInput
        {
            Name = Session.Name, StartDate = start, EndDate = end, Venue = Session.Venue, Capacity = Session.Capacity, Status = Session.Status, Trainers = Session.Trainers,
        };
        // A date that could not be read is reported as such, not as missing.
        errors.AddRange(SaveCourse.ReadSession(input, out _).Where(e => !errors.Any(d => d.Field == e.Field)));
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

    private static DateOnly? ReadDate(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"{label} \"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 15/01/2569"));
        return null;
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
