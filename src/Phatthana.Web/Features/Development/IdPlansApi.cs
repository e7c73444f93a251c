using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development;

public sealed record CompetencyLevelDto(Guid Id, string Code, string Name, CompetencyKind Kind, int ExpectedLevel, int? Level)
{
    /// <summary>How far the person puts themself below the expected level (0 when at or above it; none when not assessed).</summary>
    public int? Gap => Level is { } l ? Math.Max(0, ExpectedLevel - l) : null;
}

public sealed record NeedDto(Guid TopicId, string Topic, int Priority, IReadOnlyList<Training.DevelopmentMethod> Methods, DateOnly? PlannedStart, DateOnly? PlannedEnd,
    string? ExpectedOutcome);

/// <summary>An ID Plan as everyone reads it: every competency of the person's group (assessed or not) and the needs in priority order.</summary>
public sealed record IdPlanDto(Guid? Id, string NationalId, string Person, string Position, string? School, int FiscalYear, IdPlanStatus Status, string? Goal,
    DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? ReturnComment, int Version,
    IReadOnlyList<CompetencyLevelDto> Competencies, IReadOnlyList<NeedDto> Needs);

public sealed record DecisionInput(string? Comment, int? Version);

public static class IdPlansApi
{
    public static RouteGroupBuilder MapIdPlansApi(this RouteGroupBuilder api)
    {
        var plan = api.MapGroup("/people/{person}/id-plans/{fiscalYear:int}").WithTags("Development");
        plan.MapGet("", Get).RequireAuthorization(Policies.SignedIn)
            .WithSummary("A person's ID Plan of a fiscal year (พ.ศ.): every competency of their group with their level, and their needs").Returns<IdPlanDto>();
        plan.MapPut("", Save).RequireAuthorization(Policies.WriteIdPlans)
            .WithSummary("Save the plan as a draft: {goal?, competencies: [{competency, level 1–5}], needs: [{topic, priority, methods?, plannedStart?, plannedEnd?, expectedOutcome?}], version?}")
            .Returns<IdPlanDto>();
        plan.MapPost("/submit", Submit).RequireAuthorization(Policies.WriteIdPlans).WithSummary("Hand the plan to the director (never empty)").Returns<IdPlanDto>();
        plan.MapPost("/approve", Approve).RequireAuthorization(Policies.DecideIdPlans)
            .WithSummary("Approve a submitted plan (the person's director or area staff; never one's own)").Returns<IdPlanDto>();
        plan.MapPost("/return", Return).RequireAuthorization(Policies.DecideIdPlans).WithSummary("Return a submitted plan with a comment: {comment}").Returns<IdPlanDto>();
        plan.MapPost("/copy-previous", Copy).RequireAuthorization(Policies.WriteIdPlans).WithSummary("Start this year's plan from last year's").Returns<IdPlanDto>();
        return api;
    }

    /// <summary>A fiscal year in a path, or why not (a Buddhist-era year, 2500–2700).</summary>
    public static Outcome<int> Year(int fiscalYear) => SchoolCalendar.IsPlausibleBuddhistYear(fiscalYear)
        ? Outcome<int>.Ok(fiscalYear)
        : Outcome<int>.Invalid([SchoolCalendar.BadYear("fiscalYear", "ปีงบประมาณ", fiscalYear.ToString())]);

    /// <summary>The plan as read: the person's group's competencies (retired ones only where assessed) and the needs by priority.</summary>
    public static async Task<IdPlanDto> ViewAsync(AppDbContext db, NationalIdDisclosure ids, Person person, int fiscalYear, CancellationToken ct = default)
    {
        var plan = await db.IdPlans.AsNoTracking().Include(p => p.Competencies).Include(p => p.Needs).ThenInclude(n => n.Topic).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.PersonId == person.Id && p.FiscalYear == fiscalYear, ct);
        var group = PositionGroups.Of(person.Position);
        var levels = plan?.Competencies.ToDictionary(c => c.CompetencyId, c => c.Level) ?? [];
        var catalogue = await db.Competencies.AsNoTracking().Where(c => c.AreaId == person.AreaId && c.Group == group && (c.Active || levels.Keys.Contains(c.Id)))
            .ToListAsync(ct);
        var school = person.SchoolId is { } s ? await db.Schools.AsNoTracking().Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return new IdPlanDto(plan?.Id, ids.Show(person.NationalId), person.FullName, PersonnelText.Label(person.Position), school, fiscalYear,
            plan?.Status ?? IdPlanStatus.Draft, plan?.Goal, plan?.SubmittedAt, plan?.DecidedAt, plan?.DecidedBy, plan?.ReturnComment, plan?.Version ?? 0,
            catalogue.OrderBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Code)
                .Select(c => new CompetencyLevelDto(c.Id, c.Code, c.Name, c.Kind, c.ExpectedLevel, levels.TryGetValue(c.Id, out var l) ? l : null)).ToList(),
            (plan?.Needs ?? []).OrderBy(n => n.Priority)
                .Select(n => new NeedDto(n.TopicId, n.Topic!.Name, n.Priority, n.Methods, n.PlannedStart, n.PlannedEnd, n.ExpectedOutcome)).ToList());
    }

    private static async Task<IResult> Get(int fiscalYear, RouteScope route, AppDbContext db, NationalIdDisclosure ids)
    {
        if (Year(fiscalYear) is { Succeeded: false } bad) return bad.ToApi(_ => TypedResults.NoContent());
        return TypedResults.Ok(await ViewAsync(db, ids, route.Person, fiscalYear));
    }

    private static async Task<IResult> Save(int fiscalYear, IdPlanInput? input, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids)
    {
        if (Year(fiscalYear) is { Succeeded: false } bad) return bad.ToApi(_ => TypedResults.NoContent());
        var outcome = await plans.SaveAsync(route.Person, fiscalYear, input);
        return outcome.Succeeded ? TypedResults.Ok(await ViewAsync(db, ids, route.Person, fiscalYear)) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static Task<IResult> Submit(int fiscalYear, DecisionInput? input, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids) =>
        StepAsync(fiscalYear, route, plans, db, ids, plan => plans.SubmitAsync(route.Person, plan, input?.Version));

    private static Task<IResult> Approve(int fiscalYear, DecisionInput? input, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids) =>
        StepAsync(fiscalYear, route, plans, db, ids, plan => plans.ApproveAsync(route.Person, plan, input?.Version));

    private static Task<IResult> Return(int fiscalYear, DecisionInput? input, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids) =>
        StepAsync(fiscalYear, route, plans, db, ids, plan => plans.ReturnAsync(route.Person, plan, input?.Comment, input?.Version));

    private static async Task<IResult> Copy(int fiscalYear, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids)
    {
        if (Year(fiscalYear) is { Succeeded: false } bad) return bad.ToApi(_ => TypedResults.NoContent());
        var outcome = await plans.CopyPreviousAsync(route.Person, fiscalYear);
        return outcome.Succeeded ? TypedResults.Ok(await ViewAsync(db, ids, route.Person, fiscalYear)) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> StepAsync(int fiscalYear, RouteScope route, IdPlans plans, AppDbContext db, NationalIdDisclosure ids,
        Func<IdPlan, Task<Outcome<IdPlan>>> step)
    {
        if (Year(fiscalYear) is { Succeeded: false } bad) return bad.ToApi(_ => TypedResults.NoContent());
        if (await plans.FindAsync(route.Person.Id, fiscalYear) is not { } plan)
            return ApiResults.NotFound($"ยังไม่มีแผนพัฒนาตนเองปีงบประมาณ {fiscalYear}");
        var outcome = await step(plan);
        return outcome.Succeeded ? TypedResults.Ok(await ViewAsync(db, ids, route.Person, fiscalYear)) : outcome.ToApi(_ => TypedResults.NoContent());
    }
}
