using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>A new course; from the needs analysis (<c>?needTopic=&amp;fiscalYear=</c>) it starts filled in from that need and stays linked to it.</summary>
[Authorize(Policy = Policies.RunTraining)]
public sealed class NewCourseModel(RouteScope route, SaveCourse save, NeedCourses needs) : CourseFormModel
{
    public const string UnknownNeed = "ไม่พบความต้องการในการพัฒนาที่เลือก — กรอกหลักสูตรตามปกติ หรือเลือกใหม่จากหน้าความต้องการในการพัฒนา";

    public Area Area => route.Area;
    public override string CancelHref => $"/areas/{Area.Code}/courses";
    /// <summary>The need the course is made from, when it is.</summary>
    public CourseDraft? Need { get; private set; }
    public string? NeedProblem { get; private set; }

    public async Task OnGetAsync([FromQuery] string? needTopic, [FromQuery] string? fiscalYear)
    {
        Input = new CourseInput { Method = nameof(DevelopmentMethod.Training), PassPercent = 60 };
        if (string.IsNullOrWhiteSpace(needTopic)) return;
        Need = Guid.TryParse(needTopic, out var topic) && SchoolCalendar.TryReadYear(fiscalYear, out var year)
            ? await needs.DraftAsync(Area.Id, topic, year, HttpContext.RequestAborted)
            : null;
        if (Need is null) NeedProblem = UnknownNeed;
        else Input = Need.Input;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var outcome = await save.CreateAsync(Area, Input);
            if (outcome.Succeeded)
            {
                TempData["Flash"] = $"เพิ่มหลักสูตร {outcome.Value!.Name} แล้ว — เพิ่มรุ่นได้ที่หน้านี้";
                return Redirect($"/courses/{outcome.Value.Id}");
            }
            outcome.CopyTo(ModelState, nameof(Input));
        }
        // The note on the need stays above the form while it is corrected (the form's own values are kept as sent).
        if (Guid.TryParse(Input.NeedTopic, out var topic) && Input.NeedFiscalYear is { } year && SchoolCalendar.IsPlausibleBuddhistYear(year))
            Need = await needs.DraftAsync(Area.Id, topic, year, HttpContext.RequestAborted);
        return Page();
    }
}
