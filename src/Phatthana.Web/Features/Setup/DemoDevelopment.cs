using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Development.Surveys;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// The demo area's development needs (seed 002's ID Plans, seed 004's target of a plan for everyone): the default
/// catalogue; this fiscal year's ID Plans for about four in five teachers — half approved by their director, a quarter
/// waiting, some returned with a comment, some still drafts — and for some directors (decided by the area's staff); last
/// year's plans for half of them, so "copy last year" and year-over-year have something to show; this year's needs survey of
/// everyone, answered on the short form by part of those without a handed-in plan. teacher@'s plan is a draft begun (one
/// need, a few levels) and some of director@'s staff wait for a decision. Every plan and answer is built through the
/// app's own rules (<see cref="IdPlanRules"/>, <see cref="SurveyAnswers.Read"/>) and written in bulk, as an import is.
/// </summary>
public sealed partial class DemoDevelopment(AppDbContext db, TimeProvider time)
{
    public const string AreaStaff = "นางสาวพิมพ์ชนก ศรีสุข";

    private sealed record Catalogue(List<Competency> Competencies, List<DevelopmentTopic> Topics);

    public async Task SeedAsync(Area area, IReadOnlyList<Person> people, Person linkedTeacher, Person linkedDirector, Random random, CancellationToken ct = default)
    {
        await DefaultCatalogue.EnsureAsync(db, area.Id, ct);
        var competencies = await db.Competencies.AsNoTracking().Where(c => c.AreaId == area.Id).ToListAsync(ct);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == area.Id).ToListAsync(ct);
        var catalogue = Enum.GetValues<PositionGroup>().ToDictionary(g => g, g => new Catalogue(
            [.. competencies.Where(c => c.Group == g).OrderBy(c => c.Kind).ThenBy(c => c.SortOrder)], [.. topics.Where(t => t.Group == g)]));
        var today = ThaiDate.TodayInThailand(time);
        var year = SchoolCalendar.FiscalYearOf(today);
        var active = people.Where(p => p is { Status: PersonStatus.Active, SchoolId: not null }).ToList();
        var directorOf = active.Where(p => p.Position == Position.Director).GroupBy(p => p.SchoolId!.Value).ToDictionary(g => g.Key, g => g.First().FullName);
        var teachers = active.Where(p => p.Position is Position.Teacher or Position.AssistantTeacher or Position.ContractTeacher).OrderBy(_ => random.Next()).ToList();
        var leaders = active.Where(p => p.Position is Position.Director or Position.DeputyDirector).OrderBy(_ => random.Next()).ToList();
        var plans = new List<IdPlan>();

        IdPlan Add(Person p, int fiscalYear, IdPlanStatus status, Dictionary<Guid, int> levels, int needs, int? assessed = null)
        {
            var c = catalogue[PositionGroups.Of(p.Position)];
            var decider = PositionGroups.Of(p.Position) == PositionGroup.Administrators ? AreaStaff : directorOf.GetValueOrDefault(p.SchoolId!.Value, AreaStaff);
            var plan = Build(p, fiscalYear, status, c, levels, Needs(p, c.Topics, Gaps(c, levels), fiscalYear, needs, random), decider, assessed, random);
            plans.Add(plan);
            return plan;
        }

        // This year: four in five teachers; of them about half approved, a quarter submitted, one in ten returned, the rest drafts.
        var planners = teachers.Where(p => p.Id != linkedTeacher.Id).Take(teachers.Count * 4 / 5).ToList();
        var lastLevels = new Dictionary<Guid, Dictionary<Guid, int>>();
        for (var i = 0; i < planners.Count; i++)
        {
            var p = planners[i];
            var status = (i * 100 / planners.Count) switch { < 50 => IdPlanStatus.Approved, < 75 => IdPlanStatus.Submitted, < 85 => IdPlanStatus.Returned, _ => IdPlanStatus.Draft };
            // director@ has staff waiting for a decision.
            if (p.SchoolId == linkedDirector.SchoolId && i % 2 == 0) status = IdPlanStatus.Submitted;
            lastLevels[p.Id] = Levels(p, catalogue[PositionGroups.Of(p.Position)].Competencies, random);
            // A draft is a plan under way: part of the self-assessment done, a topic or two.
            var draft = status == IdPlanStatus.Draft;
            Add(p, year, status, Grown(lastLevels[p.Id], random), draft ? random.Next(1, 3) : random.Next(2, 5), draft ? random.Next(3, 10) : null);
        }
        // teacher@ has begun: a goal, a few levels, one need — the rest is theirs to write and submit.
        Add(linkedTeacher, year, IdPlanStatus.Draft, Levels(linkedTeacher, catalogue[PositionGroup.Teachers].Competencies, random), 1, assessed: 5);

        // Directors and deputies: three in five this year, decided by the area's staff; director@'s own waits for them.
        foreach (var (p, i) in leaders.Where(p => p.Id != linkedDirector.Id).Take(leaders.Count * 3 / 5).Append(linkedDirector).Select((p, i) => (p, i)))
        {
            var status = p.Id == linkedDirector.Id ? IdPlanStatus.Submitted : (i % 20) switch { < 9 => IdPlanStatus.Approved, < 15 => IdPlanStatus.Submitted, _ => IdPlanStatus.Draft };
            lastLevels[p.Id] = Levels(p, catalogue[PositionGroups.Of(p.Position)].Competencies, random);
            Add(p, year, status, Grown(lastLevels[p.Id], random), random.Next(2, 4));
        }

        // Last year: half of this year's planners had one (approved, a few never decided), and some who have none this year.
        var before = plans.Select(p => p.PersonId).Where(id => random.Next(100) < 50 && id != linkedTeacher.Id)
            .Concat(teachers.Where(p => !lastLevels.ContainsKey(p.Id) && p.Id != linkedTeacher.Id).Take(teachers.Count / 20).Select(p => p.Id)).ToList();
        var byId = active.ToDictionary(p => p.Id);
        foreach (var id in before)
        {
            var p = byId[id];
            var levels = lastLevels.GetValueOrDefault(id) ?? Levels(p, catalogue[PositionGroups.Of(p.Position)].Competencies, random);
            Add(p, year - 1, random.Next(100) < 92 ? IdPlanStatus.Approved : IdPlanStatus.Submitted, levels, random.Next(2, 5));
        }

        var (survey, answers) = Survey(area.Id, year, active, plans, catalogue, linkedTeacher, today, random);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // In chunks, as an import writes: the change tracker stays small, so each row costs the same.
        foreach (var chunk in plans.Chunk(100))
        {
            db.IdPlans.AddRange(chunk);
            await BulkInsert.SaveChangesAsync(db, ct);
            db.ChangeTracker.Clear();
        }
        db.NeedsSurveys.Add(survey);
        db.NeedResponses.AddRange(answers);
        await BulkInsert.SaveChangesAsync(db, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A plan as the app would take it: the input read by the save's rules, and anything handed in complete enough to hand in.</summary>
    private IdPlan Build(Person p, int fiscalYear, IdPlanStatus status, Catalogue c, Dictionary<Guid, int> levels, List<NeedInput?> needs, string decider, int? assessed,
        Random random)
    {
        var group = PositionGroups.Of(p.Position);
        var input = new IdPlanInput(Goal(p, random), [.. c.Competencies.Take(assessed ?? c.Competencies.Count).Select(x => (CompetencyLevelInput?)new CompetencyLevelInput(x.Code, levels[x.Id]))],
            needs, null);
        var (lines, read, errors) = IdPlanRules.Read(c.Competencies, c.Topics, group, fiscalYear, input);
        var plan = new IdPlan { AreaId = p.AreaId, SchoolId = p.SchoolId, PersonId = p.Id, FiscalYear = fiscalYear, Status = status, Goal = input.Goal };
        plan.Competencies = [.. lines.Select(l => new IdPlanCompetency { AreaId = p.AreaId, PlanId = plan.Id, CompetencyId = l.Id, Level = l.Level })];
        plan.Needs = [.. read.Select(n => new IdPlanNeed
        {
            AreaId = p.AreaId, PlanId = plan.Id, TopicId = n.TopicId, Priority = n.Priority, Methods = n.Methods, PlannedStart = n.Start, PlannedEnd = n.End, ExpectedOutcome = n.Outcome,
        })];
        if (status != IdPlanStatus.Draft) errors.AddRange(IdPlanRules.WhyNotSubmit(plan, c.Competencies.Where(x => x.Active)));
        if (errors.Count > 0) throw new InvalidOperationException($"Demo ID Plan of {p.FullName}: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        if (status == IdPlanStatus.Draft) return plan;

        // Handed in during the year's first weeks (last year's by December), decided a few days later, never after now.
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(SchoolCalendar.FiscalYearStart(fiscalYear).ToDateTime(new TimeOnly(9, 0)), ThaiDate.ThailandOffset);
        var span = Math.Max(1, Math.Min(70, (now - start).TotalDays - 3));
        plan.SubmittedAt = Min(start.AddDays(random.NextDouble() * span).AddMinutes(random.Next(0, 420)), now.AddHours(-2)).ToUniversalTime();
        if (status == IdPlanStatus.Submitted) return plan;
        plan.DecidedAt = Min(plan.SubmittedAt.Value.AddDays(1 + random.NextDouble() * 6), now.AddHours(-1)).ToUniversalTime();
        plan.DecidedBy = decider;
        if (status == IdPlanStatus.Returned) plan.ReturnComment = ReturnComments[random.Next(ReturnComments.Length)];
        return plan;
    }

    /// <summary>This year's survey of everyone; the short form answered by about half of those whose plan does not answer for them.</summary>
    private static (NeedsSurvey, List<NeedResponse>) Survey(Guid areaId, int year, List<Person> active, List<IdPlan> plans, Dictionary<PositionGroup, Catalogue> catalogue,
        Person linkedTeacher, DateOnly today, Random random)
    {
        var input = new NeedsSurveyInput
        {
            Name = $"สำรวจความต้องการในการพัฒนาครูและบุคลากรทางการศึกษา ปีงบประมาณ {year}", FiscalYear = year,
            OpensOn = SchoolCalendar.FiscalYearStart(year), ClosesOn = today.AddDays(30),
        };
        if (SaveNeedsSurvey.Read(input).Errors is { Count: > 0 } bad) throw new InvalidOperationException("Demo survey: " + bad[0].Message);
        var survey = new NeedsSurvey { AreaId = areaId, Name = input.Name, FiscalYear = year, OpensOn = input.OpensOn, ClosesOn = input.ClosesOn };
        var answered = plans.Where(p => p.FiscalYear == year && SurveyTargets.CountingStatuses.Contains(p.Status)).Select(p => p.PersonId).ToHashSet();
        var answers = new List<NeedResponse>();
        foreach (var p in active.Where(p => !answered.Contains(p.Id) && p.Id != linkedTeacher.Id && random.Next(100) < 50))
        {
            var c = catalogue[PositionGroups.Of(p.Position)];
            if (c.Topics.Count == 0) continue;
            var needs = Needs(p, c.Topics, new Dictionary<Guid, int>(), year, random.Next(2, 5), random);
            var (lines, errors) = SurveyAnswers.Read(c.Topics, PositionGroups.Of(p.Position), [.. needs.Select(n => (SurveyAnswerInput?)new SurveyAnswerInput(n!.Topic, n.Priority, n.Methods))]);
            if (errors.Count > 0) throw new InvalidOperationException($"Demo survey answer of {p.FullName}: {errors[0].Message}");
            answers.AddRange(lines.Select(l => new NeedResponse
            {
                AreaId = areaId, SchoolId = p.SchoolId, PersonId = p.Id, SurveyId = survey.Id, TopicId = l.TopicId, Priority = l.Priority, Methods = l.Methods,
            }));
        }
        return (survey, answers);
    }

    /// <summary>A year on: one level in four rises.</summary>
    private static Dictionary<Guid, int> Grown(Dictionary<Guid, int> last, Random random) => last.ToDictionary(kv => kv.Key, kv => Math.Min(5, kv.Value + (random.Next(4) == 0 ? 1 : 0)));

    private static Dictionary<Guid, int> Gaps(Catalogue c, Dictionary<Guid, int> levels) => c.Competencies.ToDictionary(x => x.Id, x => x.ExpectedLevel - levels[x.Id]);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
