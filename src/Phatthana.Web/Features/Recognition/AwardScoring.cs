namespace Phatthana.Web.Features.Recognition;

/// <summary>A criterion as the scoring rules see it.</summary>
public sealed record ScoringCriterion(Guid Id, decimal Weight, int MinScore, int MaxScore);

/// <summary>A nominee's place in the ranking: the mean weighted score of the members who scored (null when none did).</summary>
public sealed record RankedNominee(Guid Id, decimal? Total, int? Rank, bool Tied, int Sheets);

/// <summary>
/// The committee's arithmetic, with no I/O. A member's sheet for a nominee is worth Σ weight × score ÷ maximum over the
/// criteria (so with weights totalling 100 a full sheet is 100); a nominee's total is the mean of the sheets given, rounded
/// to two decimals — the figure people see, and the one ranks compare, so two totals that read the same are tied. Ranks are
/// competition ranks (1, 2, 2, 4); the top <c>awards</c> ranks are awarded, so a tie at the cut awards everyone in it.
/// </summary>
public static class AwardScoring
{
    public const decimal FullWeight = 100m;

    /// <summary>Whether a score is one a member may give for the criterion.</summary>
    public static bool InRange(ScoringCriterion criterion, decimal score) => score >= criterion.MinScore && score <= criterion.MaxScore;

    /// <summary>One member's sheet: every criterion must be scored once, within its range; otherwise null.</summary>
    public static decimal? Sheet(IReadOnlyList<ScoringCriterion> criteria, IReadOnlyDictionary<Guid, decimal> scores)
    {
        if (criteria.Count == 0 || scores.Count != criteria.Count) return null;
        decimal sum = 0;
        foreach (var c in criteria)
        {
            if (!scores.TryGetValue(c.Id, out var s) || !InRange(c, s) || c.MaxScore <= 0) return null;
            sum += c.Weight * s / c.MaxScore;
        }
        return sum;
    }

    /// <summary>The mean of the sheets, two decimals (half away from zero, as people round); null when there are none.</summary>
    public static decimal? Total(IEnumerable<decimal> sheets)
    {
        var list = sheets.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Competition ranks by total, highest first: equal totals share the rank and are marked tied, the next rank skips.
    /// Nominees without a total come last, unranked. The order among equals is the order given (e.g. by name).
    /// </summary>
    public static IReadOnlyList<RankedNominee> Rank(IReadOnlyList<(Guid Id, decimal? Total, int Sheets)> nominees)
    {
        var scored = nominees.Where(n => n.Total is not null).OrderByDescending(n => n.Total!.Value).ToList();
        var counts = scored.GroupBy(n => n.Total!.Value).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<RankedNominee>(nominees.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var total = scored[i].Total!.Value;
            var rank = i > 0 && scored[i - 1].Total == total ? result[i - 1].Rank!.Value : i + 1;
            result.Add(new RankedNominee(scored[i].Id, total, rank, counts[total] > 1, scored[i].Sheets));
        }
        result.AddRange(nominees.Where(n => n.Total is null).Select(n => new RankedNominee(n.Id, null, null, false, n.Sheets)));
        return result;
    }

    /// <summary>Awarded: ranked within the first <paramref name="awards"/> places.</summary>
    public static bool IsAwarded(RankedNominee nominee, int awards) => nominee.Rank is { } r && r <= awards;

    /// <summary>The weights of a programme must total 100 and each be above zero; ranges must run low to high.</summary>
    public static bool WeightsComplete(IEnumerable<decimal> weights) => weights.Sum() == FullWeight;
}
