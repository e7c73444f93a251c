using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>What the add and edit course pages share: the bound input, sent as the API sends it.</summary>
public abstract class CourseFormModel : PageModel
{
    [BindProperty] public CourseInput Input { get; set; } = new();
    public abstract string CancelHref { get; }

    public static CourseInput From(Course c) => new()
    {
        Code = c.Code, Name = c.Name, Method = c.Method.ToString(), Hours = c.Hours, PassPercent = c.PassPercent, Objectives = c.Objectives,
        Provider = c.Provider, CostPerPerson = c.CostPerPerson, TargetPositions = c.TargetPositions.Select(p => p.ToString()).ToList(),
        TargetSubjectAreas = c.TargetSubjectAreas.Select(s => s.ToString()).ToList(), Version = c.Version,
    };
}
