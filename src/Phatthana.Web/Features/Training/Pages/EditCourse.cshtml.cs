using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Training.Pages;

[Authorize(Policy = Policies.RunTraining)]
public sealed class EditCourseModel(AppDbContext db, SaveCourse save) : CourseFormModel
{
    public Course Course { get; private set; } = null!;
    public override string CancelHref => $"/courses/{Course.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id) is not { } course) return NotFound();
        Course = course;
        Input = From(course);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.Courses.FirstOrDefaultAsync(c => c.Id == id) is not { } course) return NotFound();
        Course = course;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.UpdateAsync(course, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกหลักสูตร {course.Name} แล้ว";
            return Redirect($"/courses/{course.Id}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }
}
