using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Development;

/// <summary>What the analysis groups people by: their school, its network, their position, a subject area they teach, their standing.</summary>
public enum NeedsBreakdown { School, Network, Position, Subject, Standing }

public sealed record MethodCount(DevelopmentMethod Method, int People);

/// <summary>A topic of the year's needs: how many people ask for it, its score, the share of all respondents, the methods they prefer.</summary>
public sealed record TopicNeed(int Rank, Guid TopicId, string Topic, PositionGroup Group, SubjectArea? SubjectArea, string? Competency, int People, int Score,
    int FirstChoice, decimal SharePercent, IReadOnlyList<MethodCount> Methods, int FromPlans, int FromSurveys);

public sealed record GroupTopic(Guid TopicId, string Topic, int People, int Score);

/// <summary>One line of a breakdown: a school (or a network, position …), its respondents and its top topics.</summary>
public sealed record GroupNeeds(string Group, string? SchoolCode, int Respondents, IReadOnlyList<GroupTopic> Topics);

/// <summary>A competency of the catalogue against the self-assessments of the year's counted plans.</summary>
public sealed record CompetencyGap(string Code, string Name, PositionGroup Group, CompetencyKind Kind, int ExpectedLevel, int Assessed, int Below,
    decimal? BelowPercent, decimal? MeanLevel)
{
    /// <summary>How far the mean self-assessed level is below the expected one (negative: above it).</summary>
    public decimal? MeanGap => MeanLevel is { } m ? ExpectedLevel - m : null;
}

/// <summary>
/// ความต้องการในการพัฒนา of a fiscal year (read by <see cref="YearNeeds"/>): topics ranked by the people asking, then by their
/// score (<see cref="YearNeeds.Score"/>), then by name; one breakdown with each group's top topics; and the competency gaps —
/// per competency the people who assessed themselves in a counted plan, how many put themselves below the expected level, and
/// their mean level. Percentages have two decimals.
/// </summary>
public sealed record NeedsAnalysis(int FiscalYear, NeedsBreakdown By, int Respondents, int FromPlans, int FromSurveys, IReadOnlyList<TopicNeed> Topics,
    IReadOnlyList<GroupNeeds> Groups, IReadOnlyList<CompetencyGap> Gaps)
{
    public const int TopicsPerGroup = 3;
    public const string NoSchool = "สำนักงานเขตพื้นที่การศึกษา";
    public const string Unspecified = "ไม่ระบุ";

    public static async Task<NeedsAnalysis> BuildAsync(AppDbContext db, Guid areaId, int fiscalYear, NeedsFilter filter, NeedsBreakdown by, CancellationToken ct = default)
    {
        var data = await YearNeeds.ReadAsync(db, areaId, fiscalYear, filter, ct);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == areaId)
            .Select(t => new { t.Id, t.Name, t.Group, t.SubjectArea, Competency = db.Competencies.Where(c => c.Id == t.CompetencyId).Select(c => c.Code).FirstOrDefault() })
            .ToDictionaryAsync(t => t.Id, t => (t.Name, t.Group, t.SubjectArea, t.Competency), ct);
        return Of(data, topics, by, await GapsAsync(db, areaId, fiscalYear, filter, ct));
    }

    /// <summary>The figures from the needs read (pure, so the ranking and breakdowns are tested on their own).</summary>
    public static NeedsAnalysis Of(YearNeedsData data, IReadOnlyDictionary<Guid, (string Name, PositionGroup Group, SubjectArea? Subject, string? Competency)> topics,
        NeedsBreakdown by, IReadOnlyList<CompetencyGap> gaps)
    {
        var asks = data.Asks.Where(a => data.People.ContainsKey(a.PersonId) && topics.ContainsKey(a.TopicId)).ToList();
        var respondents = asks.Select(a => a.PersonId).Distinct().Count();
        var ranked = Rank(asks, topics).Select((t, i) =>
        {
            var of = asks.Where(a => a.TopicId == t.TopicId).ToList();
            var topic = topics[t.TopicId];
            var methods = of.SelectMany(a => a.Methods).GroupBy(m => m).Select(g => new MethodCount(g.Key, g.Count()))
                .OrderByDescending(m => m.People).ThenBy(m => m.Method).ToList();
            return new TopicNeed(i + 1, t.TopicId, t.Topic, topic.Group, topic.Subject, topic.Competency, t.People, t.Score, of.Count(a => a.Priority == 1),
                Percent(t.People, respondents), methods, of.Count(a => a.FromPlan), of.Count(a => !a.FromPlan));
        }).ToList();
        var groups = asks.SelectMany(a => GroupsOf(data.People[a.PersonId], by).Select(g => (Group: g, Ask: a)))
            .GroupBy(x => x.Group)
            .OrderBy(g => g.Key.Order).ThenBy(g => g.Key.Label, ThaiText.Comparer)
            .Select(g => new GroupNeeds(g.Key.Label, g.Key.SchoolCode, g.Select(x => x.Ask.PersonId).Distinct().Count(),
                Rank(g.Select(x => x.Ask).ToList(), topics).Take(TopicsPerGroup).ToList()))
            .ToList();
        return new NeedsAnalysis(data.FiscalYear, by, respondents, asks.Where(a => a.FromPlan).Select(a => a.PersonId).Distinct().Count(),
            asks.Where(a => !a.FromPlan).Select(a => a.PersonId).Distinct().Count(), ranked, groups, gaps);
    }

    /// <summary>People asking, then score, then the topic's name in Thai order.</summary>
    private static IEnumerable<GroupTopic> Rank(IReadOnlyList<Ask> asks, IReadOnlyDictionary<Guid, (string Name, PositionGroup, SubjectArea?, string?)> topics) =>
        asks.GroupBy(a => a.TopicId)
            .Select(g => new GroupTopic(g.Key, topics[g.Key].Name, g.Count(), g.Sum(a => a.Score)))
            .OrderByDescending(t => t.People).ThenByDescending(t => t.Score).ThenBy(t => t.Topic, ThaiText.Comparer);

    private sealed record GroupKey(int Order, string Label, string? SchoolCode);

    /// <summary>The groups a person falls in: one, except by subject area, where someone teaching two subjects counts in both.</summary>
    private static IEnumerable<GroupKey> GroupsOf(Asker p, NeedsBreakdown by) => by switch
    {
        NeedsBreakdown.School => [p.SchoolCode is null ? new(1, NoSchool, null) : new(0, p.School!, p.SchoolCode)],
        NeedsBreakdown.Network => [p.SchoolCode is null ? new(2, NoSchool, null) : p.Network is null ? new(1, "ไม่ระบุกลุ่มเครือข่าย", null) : new(0, p.Network, null)],
        NeedsBreakdown.Position => [new((int)p.Position, PT.Label(p.Position), null)],
        NeedsBreakdown.Subject => p.Subjects.Count == 0 ? [new(int.MaxValue, "ไม่ระบุกลุ่มสาระ", null)] : p.Subjects.Distinct().Select(s => new GroupKey((int)s, PT.Label(s), null)),
        _ => [p.Standing is { } s ? new((int)s, PT.Label(s), null) : new(int.MaxValue, Unspecified, null)],
    };

    /// <summary>Per competency, in one grouped query over the counted plans' self-assessments of the people asked about.</summary>
    private static async Task<List<CompetencyGap>> GapsAsync(AppDbContext db, Guid areaId, int fiscalYear, NeedsFilter filter, CancellationToken ct)
    {
        var levels = await (from c in db.IdPlanCompetencies.AsNoTracking()
                            join p in YearNeeds.CountedPlans(db, areaId, fiscalYear) on c.PlanId equals p.Id
                            join person in YearNeeds.PeopleOf(db, areaId, filter) on p.PersonId equals person.Id
                            join k in db.Competencies.AsNoTracking() on c.CompetencyId equals k.Id
                            group new { c.Level, k.ExpectedLevel } by c.CompetencyId into g
                            select new { Id = g.Key, Assessed = g.Count(), Below = g.Sum(x => x.Level < x.ExpectedLevel ? 1 : 0), Sum = g.Sum(x => x.Level) })
            .ToDictionaryAsync(x => x.Id, ct);
        var catalogue = await db.Competencies.AsNoTracking().Where(c => c.AreaId == areaId && (filter.Group == null || c.Group == filter.Group)).ToListAsync(ct);
        return catalogue.Where(c => c.Active || levels.ContainsKey(c.Id))
            .OrderBy(c => c.Group).ThenBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => levels.TryGetValue(c.Id, out var l)
                ? new CompetencyGap(c.Code, c.Name, c.Group, c.Kind, c.ExpectedLevel, l.Assessed, l.Below, Percent(l.Below, l.Assessed),
                    Math.Round((decimal)l.Sum / l.Assessed, 2, MidpointRounding.AwayFromZero))
                : new CompetencyGap(c.Code, c.Name, c.Group, c.Kind, c.ExpectedLevel, 0, 0, null, null))
            .ToList();
    }

    public static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
