using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Training.Pages;

[Authorize(Policy = Policies.RunTraining)]
public sealed class NewCourseModel(RouteScope route, SaveCourse save) : CourseFormModel
{
    public Area Area => route.Area;
    public override string CancelHref => $"/areas/{Area.Code}/courses";

    public void OnGet() => Input = new CourseInput { Method = nameof(DevelopmentMethod.Training), PassPercent = 60 };

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await save.CreateAsync(Area, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"เพิ่มหลักสูตร {outcome.Value!.Name} แล้ว — เพิ่มรุ่นได้ที่หน้านี้";
            return Redirect($"/courses/{outcome.Value.Id}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }
}
