namespace Phatthana.Web.Features.Supervision;

/// <summary>One visit as the summary counts it.</summary>
public sealed record VisitFact(Guid SchoolId, Guid? NetworkId, DateOnly VisitedOn, SupervisionLevel Level);

/// <summary>"ระดับดีเยี่ยม จำนวน ๔๐ โรงเรียน คิดเป็นร้อยละ ๓๔.๑๙": a level, its schools and their share of the schools visited.</summary>
public sealed record LevelShare(SupervisionLevel Level, int Schools, decimal Percent);

/// <summary>
/// How the schools visited in a period stand, level by level — seed 003's "สรุปผลการนิเทศ". A school counts once, at the level
/// of its latest visit in the period (several visits on that day: the lowest of them, so a weak subject is not hidden by a
/// strong one); percentages are of the schools visited, two decimals, rounded half away from zero.
/// </summary>
public sealed record LevelDistribution(int Schools, int Visits, IReadOnlyList<LevelShare> Levels)
{
    public static readonly LevelDistribution Empty = Of([]);

    public static LevelDistribution Of(IEnumerable<VisitFact> visits)
    {
        var list = visits.ToList();
        var bySchool = SchoolLevels(list);
        var schools = bySchool.Count;
        var levels = SupervisionText.LevelsBestFirst
            .Select(l =>
            {
                var n = bySchool.Values.Count(x => x == l);
                return new LevelShare(l, n, Percent(n, schools));
            })
            .ToList();
        return new LevelDistribution(schools, list.Count, levels);
    }

    /// <summary>Each school's result in the period: the level of its latest visit (the lowest when several fall on that day).</summary>
    public static Dictionary<Guid, SupervisionLevel> SchoolLevels(IEnumerable<VisitFact> visits) =>
        visits.GroupBy(v => v.SchoolId).ToDictionary(g => g.Key, g =>
        {
            var last = g.Max(v => v.VisitedOn);
            return g.Where(v => v.VisitedOn == last).Min(v => v.Level);
        });

    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public LevelShare this[SupervisionLevel level] => Levels.First(l => l.Level == level);

    /// <summary>Schools at ดีมาก or above, as a share of the schools visited: the one figure the trend follows.</summary>
    public decimal VeryGoodOrBetterPercent => Percent(Levels.Where(l => l.Level >= SupervisionLevel.VeryGood).Sum(l => l.Schools), Schools);
}

/// <summary>Which way a figure moved against the period before.</summary>
public enum Trend { Up, Same, Down, New }

public static class TrendRules
{
    /// <summary>A school's level now against before; <see cref="Trend.New"/> when it was not visited before.</summary>
    public static Trend Of(SupervisionLevel now, SupervisionLevel? before) =>
        before is not { } b ? Trend.New : now > b ? Trend.Up : now < b ? Trend.Down : Trend.Same;

    public static string Label(Trend trend) => trend switch
    {
        Trend.Up => "ดีขึ้น",
        Trend.Down => "ลดลง",
        Trend.Same => "คงเดิม",
        _ => "ไม่มีผลภาคก่อน",
    };
}
