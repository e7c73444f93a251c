using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development.Pages;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>
/// One survey round: who it asks and how they answered — a handed-in ID Plan of the year, the short form, or neither —
/// filtered by school and by answer, each person linked to their profile and to the plan or the short form.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class DetailsModel(AppDbContext db, RouteScope route, UserScope scope, TimeProvider time, NationalIdDisclosure ids, DisplayFormat fmt) : PageModel
{
    [FromQuery] public string? School { get; set; }
    [FromQuery] public string? Answer { get; set; }
    public Area Area => route.Area;
    public NeedsSurvey Survey { get; private set; } = null!;
    public bool Open { get; private set; }
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public SurveySummary Summary { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Schools { get; private set; } = [];
    public SchoolRef? SelectedSchool { get; private set; }
    public SurveyAnswer? Only { get; private set; }
    public List<FieldError> Errors { get; } = [];
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] ListQuery list)
    {
        if (await NeedsSurveysApi.Find(db, id) is not { } survey || survey.AreaId != Area.Id) return NotFound();
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Survey = survey;
        Open = NeedsSurveysApi.IsOpen(survey, time);
        Schools = (await db.Schools.AsNoTracking().Where(s => s.AreaId == Area.Id).Select(s => new { s.Code, s.Name }).ToListAsync())
            .OrderBy(s => s.Name, ThaiText.Comparer).Select(s => (s.Code, s.Name)).ToList();
        if (!string.IsNullOrWhiteSpace(School))
        {
            SelectedSchool = (await SchoolFinder.ForCodesAsync(db, Area.Id, [School])).Find(School, out _);
            if (SelectedSchool is null) Errors.Add(new("school", SchoolFinder.Unknown(School)));
        }
        if (!SurveyTables.TryReadAnswer(Answer, out var only)) Errors.Add(new("answer", $"ไม่รู้จักการตอบ \"{Answer}\""));
        Only = only;
        if (Errors.Count > 0)
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var people = await SurveyTargets.PeopleAsync(db, survey, SelectedSchool?.Id, HttpContext.RequestAborted);
        Summary = SurveyTargets.Summarise(people);
        IEnumerable<SurveyPerson> rows = people.Where(p => Only is null || p.Answer == Only);
        if (list.Search is { } q) rows = rows.Where(p => p.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || (p.Workplace ?? "").Contains(q, StringComparison.OrdinalIgnoreCase));
        var mayAnswer = Policies.Allows(Policies.WriteIdPlans, scope.Role);
        var spec = SurveyTables.People(p => $"/people/{p.Id}",
            p => p.Answer == SurveyAnswer.Plan ? PlanModel.Link(p.Id, survey.FiscalYear) : mayAnswer ? RespondModel.Link(survey.Id, p.Id) : null, ids);
        var filtered = rows.ToList();
        if (format is not null)
            return (await TableResults.FileAsync(HttpContext, spec, filtered, $"needs-survey-{Area.Code}-{survey.FiscalYear}", Area, Subtitle)).ToActionResult();
        var page = filtered.ToPaged(list);
        Table = spec.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public string Subtitle => $"{Survey.Name} · ปีงบประมาณ {Survey.FiscalYear}" + (SelectedSchool is { } s ? $" · {s.Name}" : "") + (Only is { } a ? $" · {SurveyTargets.Label(a)}" : "");

    /// <summary>This page with the answer filter set to <paramref name="answer"/> (null: everyone), the school kept.</summary>
    public string Filter(SurveyAnswer? answer) => QueryLinks.With(Request, ("answer", answer?.ToString()), ("page", null));
}
