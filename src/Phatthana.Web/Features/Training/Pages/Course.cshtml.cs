using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// A course: what it is, its sessions (รุ่น), and for those who run training a form to add a session; a course made from a
/// development need shows them the people asking for it, to be registered into one of its sessions at once.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CourseModel(AppDbContext db, UserScope user, SaveCourse save, NeedCourses needs, DisplayFormat fmt) : PageModel
{
    public sealed class AskersForm
    {
        /// <summary>The session's id; text, so a tampered value is answered in Thai like a missing one.</summary>
        public string? Session { get; set; }
        /// <summary>When given, askers outside the course's target group are registered too, with this reason.</summary>
        public string? OverrideReason { get; set; }
    }

    [BindProperty] public SessionForm Session { get; set; } = new();
    [BindProperty] public AskersForm Askers { get; set; } = new();
    /// <summary>Which form was sent, so its messages show with it.</summary>
    public string? Sent { get; private set; }
    /// <summary>The topic the course was made from, when it was.</summary>
    public string? NeedTopic { get; private set; }
    public int AskerCount { get; private set; }
    public TableView? AskerTable { get; private set; }
    public IReadOnlyList<(Guid Id, string Label)> SessionChoices { get; private set; } = [];
    public Course Course { get; private set; } = null!;
    public Area Area { get; private set; } = null!;
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);
    public TableView Sessions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Sent = "session";
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

    /// <summary>Registers every asker not yet in the course into the chosen session and says how many of each result.</summary>
    public async Task<IActionResult> OnPostAskersAsync(Guid id)
    {
        Sent = "askers";
        if (!CanRun) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        Guid? session = string.IsNullOrWhiteSpace(Askers.Session) ? null : Guid.TryParse(Askers.Session, out var chosen) ? chosen : Guid.Empty;
        var outcome = await needs.RegisterAsync(Course, session, Askers.OverrideReason, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Askers));
            if (outcome.NotFoundDetail is { } detail) ModelState.AddModelError("", detail);
            return Page();
        }
        TempData["Flash"] = outcome.Value!.Summary("ลงทะเบียนผู้ที่ต้องการพัฒนาหัวข้อนี้");
        return Redirect($"/courses/{id}#need");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } course) return false;
        Course = course;
        Area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == course.AreaId);
        var sessions = await TrainingRows.Sessions(db, Area.Id, DateOnly.MinValue, DateOnly.MaxValue).Where(s => s.CourseId == id)
            .OrderBy(s => s.StartDate).ThenBy(s => s.Name).ToListAsync();
        Sessions = TrainingRows.SessionsTable.ToView(sessions, fmt);
        if (course.NeedTopicId is { } topic)
        {
            NeedTopic = await db.DevelopmentTopics.AsNoTracking().Where(t => t.Id == topic).Select(t => t.Name).FirstOrDefaultAsync();
            // The people are shown to those who may register them; others see which need the course answers.
            if (CanRun)
            {
                var askers = await needs.AskersAsync(course, HttpContext.RequestAborted);
                (AskerCount, AskerTable) = (askers.Count, NeedCourses.AskersTable.ToView(askers, fmt));
                SessionChoices = sessions.Select(s => (s.Id, $"{s.Name} · {fmt.Date(s.StartDate)} · {TrainingText.Label(s.Status)} · ลงทะเบียน {fmt.N(s.Registered)}/{fmt.N(s.Capacity)}")).ToList();
            }
        }
        return true;
    }
}
