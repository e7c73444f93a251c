using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Surveys;

public sealed record NeedsSurveyDto(Guid Id, string Name, int FiscalYear, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<Position> TargetPositions, bool Open,
    int Version, SurveySummary Summary);

public sealed record SurveyPersonDto(string NationalId, string Name, Position Position, string? Workplace, SurveyAnswer Answer, IdPlanStatus? PlanStatus);

public sealed record AnswerDto(Guid TopicId, string Topic, int Priority, IReadOnlyList<DevelopmentMethod> Methods);

/// <summary>A person's short-form answers; <c>refusal</c> says why they cannot answer now (with <c>plan</c>, the page of the plan that answers for them).</summary>
public sealed record SurveyAnswersDto(Guid Survey, string NationalId, string Person, IReadOnlyList<AnswerDto> Answers, string? Refusal, string? Plan);

/// <summary>
/// Needs surveys: the area's staff run rounds; whoever reads people follows who has answered (their scope: a director, their
/// school); a person answers the short form as they write their ID Plan (oneself, a director for their staff, area staff).
/// </summary>
public static class NeedsSurveysApi
{
    public static RouteGroupBuilder MapNeedsSurveysApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}/needs-surveys").WithTags("Development");
        area.MapGet("", async (HttpContext http, string? fiscalYear, RouteScope scope, AppDbContext db, TimeProvider time) =>
            {
                int? year = null;
                if (fiscalYear is not null)
                {
                    var asked = TrainingApi.FiscalYear(fiscalYear, time);
                    if (!asked.Succeeded) return asked.ToApi(_ => TypedResults.NoContent());
                    year = asked.Value;
                }
                var rows = await ListAsync(db, time, scope.Area.Id, year, http.RequestAborted);
                return await TableResults.RespondAsync(http, SurveyTables.Surveys(null), rows, r => r, $"needs-surveys-{scope.Area.Code}", scope.Area);
            })
            .RequireAuthorization(Policies.ReadPeople).WithSummary("The area's needs surveys (?fiscalYear=2569), newest first, each with how its target group has answered (?format=xlsx)")
            .Returns<List<NeedsSurveyDto>>();
        area.MapPost("", async (NeedsSurveyInput input, RouteScope scope, AppDbContext db, TimeProvider time, SaveNeedsSurvey save) =>
            {
                var outcome = await save.CreateAsync(scope.Area, input);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/needs-surveys/{outcome.Value!.Id}", await ViewAsync(db, time, outcome.Value))
                    : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Start a needs survey: {name, fiscalYear (พ.ศ.), opensOn?, closesOn?, targetPositions?: [] (none = everyone)}").Writes<NeedsSurveyDto>(StatusCodes.Status201Created);

        var survey = api.MapGroup("/needs-surveys/{id:guid}").WithTags("Development");
        survey.MapGet("", async (Guid id, AppDbContext db, TimeProvider time) =>
                await Find(db, id) is { } s ? TypedResults.Ok(await ViewAsync(db, time, s)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.ReadPeople).WithSummary("A needs survey with how its target group has answered (those the caller sees)").Returns<NeedsSurveyDto>();
        survey.MapPut("", async (Guid id, NeedsSurveyInput input, AppDbContext db, TimeProvider time, SaveNeedsSurvey save) =>
            {
                if (await Find(db, id) is not { } s) return ApiResults.NotFound();
                var outcome = await save.UpdateAsync(s, input);
                return outcome.Succeeded ? TypedResults.Ok(await ViewAsync(db, time, s)) : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a needs survey (its fiscal year stays once anyone has answered); send the version you read")
            .Writes<NeedsSurveyDto>();
        survey.MapGet("/people", async (HttpContext http, Guid id, string? answer, AppDbContext db, NationalIdDisclosure ids) =>
            {
                if (await Find(db, id) is not { } s) return ApiResults.NotFound();
                if (!SurveyTables.TryReadAnswer(answer, out var only)) return ApiResults.Validation([new("answer", $"ไม่รู้จัก answer=\"{answer}\" — ใช้ได้: Plan, Form, None")]);
                var people = (await SurveyTargets.PeopleAsync(db, s, null, http.RequestAborted)).Where(p => only is null || p.Answer == only).ToList();
                return await TableResults.RespondAsync(http, SurveyTables.People(null, null, ids), people,
                    p => new SurveyPersonDto(ids.Show(p.NationalId), p.Name, p.Position, p.Workplace, p.Answer, p.PlanStatus), $"needs-survey-people", null, s.Name);
            })
            .RequireAuthorization(Policies.ReadPeople)
            .WithSummary("The survey's target group with how each answered (?answer=Plan|Form|None; ?format=xlsx): who has neither a handed-in plan nor a short form")
            .Returns<List<SurveyPersonDto>>();

        var responses = survey.MapGroup("/responses/{person}");
        responses.MapGet("", async (Guid id, RouteScope route, AppDbContext db, SurveyAnswers answers, NationalIdDisclosure ids) =>
                await Find(db, id) is { } s && s.AreaId == route.Person.AreaId ? TypedResults.Ok(await AnswersAsync(db, answers, ids, s, route.Person)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("A person's short-form answers, and why they cannot answer now when they cannot").Returns<SurveyAnswersDto>();
        responses.MapPut("", async (Guid id, List<SurveyAnswerInput?>? input, RouteScope route, AppDbContext db, SurveyAnswers answers, NationalIdDisclosure ids) =>
            {
                if (await Find(db, id) is not { } s || s.AreaId != route.Person.AreaId) return ApiResults.NotFound();
                var outcome = await answers.SaveAsync(s, route.Person, input);
                return outcome.Succeeded ? TypedResults.Ok(await AnswersAsync(db, answers, ids, s, route.Person)) : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.WriteIdPlans)
            .WithSummary($"Answer the short form for a person, replacing their answers: [{{topic, priority 1–{SurveyAnswers.MaxTopics}, methods?}}]; 409 outside the window, outside the target group, or when their plan of the year is handed in")
            .Writes<SurveyAnswersDto>();
        return api;
    }

    public static Task<NeedsSurvey?> Find(AppDbContext db, Guid id) => db.NeedsSurveys.FirstOrDefaultAsync(s => s.Id == id);

    public static bool IsOpen(NeedsSurvey s, TimeProvider time)
    {
        var today = ThaiDate.TodayInThailand(time);
        return (s.OpensOn is null || s.OpensOn <= today) && (s.ClosesOn is null || today <= s.ClosesOn);
    }

    public static async Task<NeedsSurveyDto> ViewAsync(AppDbContext db, TimeProvider time, NeedsSurvey s, CancellationToken ct = default) =>
        new(s.Id, s.Name, s.FiscalYear, s.OpensOn, s.ClosesOn, s.TargetPositions, IsOpen(s, time), s.Version,
            SurveyTargets.Summarise(await SurveyTargets.PeopleAsync(db, s, null, ct)));

    /// <summary>The area's surveys (of one fiscal year when asked), newest first.</summary>
    public static async Task<List<NeedsSurveyDto>> ListAsync(AppDbContext db, TimeProvider time, Guid areaId, int? fiscalYear, CancellationToken ct = default)
    {
        var surveys = await db.NeedsSurveys.AsNoTracking().Where(s => s.AreaId == areaId && (fiscalYear == null || s.FiscalYear == fiscalYear))
            .OrderByDescending(s => s.FiscalYear).ThenByDescending(s => s.OpensOn).ThenBy(s => s.Name).ToListAsync(ct);
        var list = new List<NeedsSurveyDto>();
        foreach (var s in surveys) list.Add(await ViewAsync(db, time, s, ct));
        return list;
    }

    public static async Task<SurveyAnswersDto> AnswersAsync(AppDbContext db, SurveyAnswers answers, NationalIdDisclosure ids, NeedsSurvey s, Person person)
    {
        var rows = await (from r in db.NeedResponses.AsNoTracking()
                          where r.SurveyId == s.Id && r.PersonId == person.Id
                          join t in db.DevelopmentTopics.AsNoTracking() on r.TopicId equals t.Id
                          orderby r.Priority
                          select new AnswerDto(r.TopicId, t.Name, r.Priority, r.Methods)).ToListAsync();
        var refusal = await answers.WhyNotAsync(s, person);
        return new SurveyAnswersDto(s.Id, ids.Show(person.NationalId), person.FullName, rows, refusal?.Message, refusal?.PlanLink);
    }
}
