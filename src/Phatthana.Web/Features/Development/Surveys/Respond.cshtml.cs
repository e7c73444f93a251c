using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>
/// The short form for one person: up to <see cref="SurveyAnswers.MaxTopics"/> topics of their group, one a row in priority
/// order, each with the methods they prefer. When they cannot answer (closed, outside the target group, a handed-in plan)
/// it says why — and links to the plan that answers for them.
/// </summary>
[Authorize(Policy = Policies.WriteIdPlans)]
public sealed class RespondModel(AppDbContext db, RouteScope route, IdPlans plans, SurveyAnswers answers, NationalIdDisclosure ids) : PageModel
{
    public sealed class Row
    {
        public string? Topic { get; set; }
        public List<string> Methods { get; set; } = [];
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    public Person Person => route.Person;
    public NeedsSurvey Survey { get; private set; } = null!;
    public Refusal? Refusal { get; private set; }
    public IReadOnlyList<DevelopmentTopic> Topics { get; private set; } = [];
    public bool Answered { get; private set; }

    public static string Link(Guid survey, Guid person) => $"/needs-surveys/{survey}/respond/{person}";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var saved = await NeedsSurveysApi.AnswersAsync(db, answers, ids, Survey, Person);
        Answered = saved.Answers.Count > 0;
        Rows = Enumerable.Range(1, SurveyAnswers.MaxTopics).Select(p => saved.Answers.FirstOrDefault(a => a.Priority == p) is { } a
            ? new Row { Topic = a.TopicId.ToString(), Methods = a.Methods.Select(m => m.ToString()).ToList() } : new Row()).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!plans.MayWrite(Person)) return Forbid();
        // A row's place is its priority; empty rows are left out, so the use case numbers only the rows sent.
        var sent = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => !string.IsNullOrWhiteSpace(x.Row.Topic)).ToList();
        var outcome = await answers.SaveAsync(Survey, Person, [.. sent.Select(x => (SurveyAnswerInput?)new SurveyAnswerInput(x.Row.Topic, x.Index + 1, [.. x.Row.Methods]))]);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกคำตอบของ {Person.FullName} แล้ว {outcome.Value!.Count} หัวข้อ — แก้ไขและบันทึกใหม่ได้จนกว่าจะปิดรับคำตอบ";
            return Redirect(Link(Survey.Id, Person.Id));
        }
        if (outcome.ForbiddenReason is not null) return Forbid();
        outcome.CopyRowsTo(ModelState, nameof(Rows), [.. sent.Select(x => x.Index)]);
        Answered = await db.NeedResponses.AnyAsync(r => r.SurveyId == Survey.Id && r.PersonId == Person.Id);
        while (Rows.Count < SurveyAnswers.MaxTopics) Rows.Add(new Row());
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await NeedsSurveysApi.Find(db, id) is not { } survey || survey.AreaId != Person.AreaId) return false;
        Survey = survey;
        Refusal = await answers.WhyNotAsync(survey, Person, HttpContext.RequestAborted);
        var group = PositionGroups.Of(Person.Position);
        // A retired topic the person chose stays on their form, marked, so saving again asks them to choose another.
        var chosen = db.NeedResponses.Where(r => r.SurveyId == survey.Id && r.PersonId == Person.Id).Select(r => r.TopicId);
        Topics = (await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == Person.AreaId && t.Group == group && (t.Active || chosen.Contains(t.Id))).ToListAsync())
            .OrderBy(t => t.Name, Shared.Thai.ThaiText.Comparer).ToList();
        return true;
    }
}
