using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;

namespace Phatthana.Web.Features.Development;

/// <summary>Who asked, with what the needs analysis breaks people down by.</summary>
public sealed record Asker(Guid Id, string NationalId, string Name, string? SchoolCode, string? School, string? Network, Position Position, AcademicStanding? Standing,
    IReadOnlyList<SubjectArea> Subjects);

/// <summary>One person asking for one topic: from their ID Plan, or (when they have no plan that counts) a survey's short form.</summary>
public sealed record Ask(Guid PersonId, Guid TopicId, int Priority, IReadOnlyList<DevelopmentMethod> Methods, bool FromPlan)
{
    public int Score => YearNeeds.Score(Priority);
}

/// <summary>The part of the area asked about: one school, one group of positions, or all the caller sees; optionally one topic's askers.</summary>
public sealed record NeedsFilter(Guid? SchoolId = null, PositionGroup? Group = null, Guid? TopicId = null);

/// <summary>The needs of a fiscal year: one line per person and topic, and the people who asked.</summary>
public sealed record YearNeedsData(int FiscalYear, IReadOnlyList<Ask> Asks, IReadOnlyDictionary<Guid, Asker> People);

/// <summary>
/// The one reader of a fiscal year's development needs, for the analysis, its API and the course made from a need.
/// <list type="bullet">
/// <item>The needs of the year's ID Plans that are Submitted or Approved; a draft or a returned plan does not count yet.</item>
/// <item>Answers to the year's needs surveys (<see cref="NeedResponse"/>) of people who have no such plan that year — a plan,
/// once handed in, speaks for its person.</item>
/// <item>A person counts once per topic: answers to two surveys of the year on one topic are one need, at its best priority,
/// with the methods of both.</item>
/// <item>Only active people, as far as the caller sees them (a director: their school), narrowed by the filter.</item>
/// </list>
/// Three queries (people, plan needs, survey answers), whatever the size of the area.
/// </summary>
public static class YearNeeds
{
    /// <summary>The priority rule: 1st = 3 points, 2nd = 2, 3rd or lower = 1 — a topic's score is the sum over the people asking.</summary>
    public static int Score(int priority) => priority switch { 1 => 3, 2 => 2, _ => 1 };

    public const string ScoreRule = "คะแนนความสำคัญ: ลำดับที่ 1 = 3 คะแนน, ลำดับที่ 2 = 2 คะแนน, ลำดับที่ 3 ลงไป = 1 คะแนน รวมทุกคนที่ต้องการ";

    public static async Task<YearNeedsData> ReadAsync(AppDbContext db, Guid areaId, int fiscalYear, NeedsFilter filter, CancellationToken ct = default)
    {
        var people = PeopleOf(db, areaId, filter);
        var plans = CountedPlans(db, areaId, fiscalYear);
        var planNeeds = db.IdPlanNeeds.AsNoTracking();
        var responses = db.NeedResponses.AsNoTracking();
        if (filter.TopicId is { } topic) (planNeeds, responses) = (planNeeds.Where(n => n.TopicId == topic), responses.Where(r => r.TopicId == topic));
        var fromPlans = await (from n in planNeeds
                               join p in plans on n.PlanId equals p.Id
                               join person in people on p.PersonId equals person.Id
                               select new { p.PersonId, n.TopicId, n.Priority, n.Methods }).ToListAsync(ct);
        var fromSurveys = await (from r in responses
                                 join s in db.NeedsSurveys.AsNoTracking() on r.SurveyId equals s.Id
                                 join person in people on r.PersonId equals person.Id
                                 where s.AreaId == areaId && s.FiscalYear == fiscalYear && !plans.Any(p => p.PersonId == r.PersonId)
                                 select new { r.PersonId, r.TopicId, r.Priority, r.Methods }).ToListAsync(ct);
        var asks = fromPlans.Select(a => new Ask(a.PersonId, a.TopicId, a.Priority, a.Methods, true))
            .Concat(fromSurveys.Select(a => new Ask(a.PersonId, a.TopicId, a.Priority, a.Methods, false)))
            .GroupBy(a => (a.PersonId, a.TopicId))
            .Select(g => g.Count() == 1 ? g.First() : new Ask(g.Key.PersonId, g.Key.TopicId, g.Min(a => a.Priority),
                [.. g.SelectMany(a => a.Methods).Distinct().Order()], g.Any(a => a.FromPlan)))
            .ToList();
        var ids = asks.Select(a => a.PersonId).ToHashSet();
        var facts = await people.Where(p => ids.Contains(p.Id)).Select(p => new
        {
            p.Id, p.NationalId, p.Title, p.FirstName, p.LastName, SchoolCode = p.School != null ? p.School.Code : null, School = p.School != null ? p.School.Name : null,
            Network = p.School != null && p.School.Network != null ? p.School.Network.Name : null, p.Position, p.AcademicStanding, p.TeachingSubjectAreas,
        }).ToListAsync(ct);
        return new YearNeedsData(fiscalYear, asks, facts.ToDictionary(p => p.Id,
            p => new Asker(p.Id, p.NationalId, $"{p.Title}{p.FirstName} {p.LastName}", p.SchoolCode, p.School, p.Network, p.Position, p.AcademicStanding, p.TeachingSubjectAreas)));
    }

    /// <summary>The plans whose needs count: the year's Submitted and Approved ones (the query filters decide whose the caller sees).</summary>
    public static IQueryable<IdPlan> CountedPlans(AppDbContext db, Guid areaId, int fiscalYear) =>
        db.IdPlans.AsNoTracking().Where(p => p.AreaId == areaId && p.FiscalYear == fiscalYear
                                             && (p.Status == IdPlanStatus.Submitted || p.Status == IdPlanStatus.Approved));

    /// <summary>Active people of the area the caller sees, narrowed to a school and a group of positions.</summary>
    public static IQueryable<Person> PeopleOf(AppDbContext db, Guid areaId, NeedsFilter filter)
    {
        var people = db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active);
        if (filter.SchoolId is { } school) people = people.Where(p => p.SchoolId == school);
        if (filter.Group is { } group)
        {
            var positions = PositionGroups.Members(group).ToList();
            people = people.Where(p => positions.Contains(p.Position));
        }
        return people;
    }
}
