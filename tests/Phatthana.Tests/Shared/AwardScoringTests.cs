using Phatthana.Web.Features.Recognition;

namespace Phatthana.Tests.Shared;

/// <summary>The committee's arithmetic: a weighted sheet, the mean of sheets, competition ranks with ties, the cut for awards.</summary>
public sealed class AwardScoringTests
{
    private static readonly ScoringCriterion Work = new(Guid.NewGuid(), 40, 0, 10);
    private static readonly ScoringCriterion Conduct = new(Guid.NewGuid(), 35, 1, 5);
    private static readonly ScoringCriterion Service = new(Guid.NewGuid(), 25, 0, 20);
    private static readonly ScoringCriterion[] Criteria = [Work, Conduct, Service];

    private static Dictionary<Guid, decimal> Scores(decimal work, decimal conduct, decimal service) =>
        new() { [Work.Id] = work, [Conduct.Id] = conduct, [Service.Id] = service };

    [Theory]
    [InlineData(10, 5, 20, 100)]        // full marks on every criterion: the weights' total
    [InlineData(0, 1, 0, 7)]            // the floor of a 1–5 scale still counts its fifth: 35 × 1 / 5
    [InlineData(8, 4, 15, 78.75)]       // 32 + 28 + 18.75
    [InlineData(7.5, 3, 10, 63.5)]      // 30 + 21 + 12.5
    public void A_sheet_is_the_weighted_sum_of_score_over_maximum(decimal work, decimal conduct, decimal service, decimal expected) =>
        Assert.Equal(expected, AwardScoring.Sheet(Criteria, Scores(work, conduct, service)));

    [Fact]
    public void A_sheet_with_a_score_out_of_range_or_missing_is_no_sheet()
    {
        Assert.Null(AwardScoring.Sheet(Criteria, Scores(11, 5, 20)));   // above the maximum
        Assert.Null(AwardScoring.Sheet(Criteria, Scores(5, 0, 20)));    // below a minimum of 1
        Assert.Null(AwardScoring.Sheet(Criteria, new Dictionary<Guid, decimal> { [Work.Id] = 5, [Conduct.Id] = 3 }));
        Assert.Null(AwardScoring.Sheet([], new Dictionary<Guid, decimal>()));
        Assert.True(AwardScoring.InRange(Conduct, 1) && AwardScoring.InRange(Conduct, 5) && !AwardScoring.InRange(Conduct, 5.01m));
    }

    [Fact]
    public void The_total_is_the_mean_of_sheets_rounded_half_away_from_zero()
    {
        Assert.Equal(80.01m, AwardScoring.Total([80.005m, 80.005m]));
        Assert.Equal(71.67m, AwardScoring.Total([70m, 70m, 75m]));   // 71.666…
        Assert.Null(AwardScoring.Total([]));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_skips()
    {
        var (a, b, c, d, e) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ranked = AwardScoring.Rank([(a, 80m, 3), (b, 91.5m, 3), (c, 80m, 2), (d, null, 0), (e, 70.25m, 3)]);
        Assert.Equal([b, a, c, e, d], ranked.Select(r => r.Id));
        Assert.Equal(new int?[] { 1, 2, 2, 4, null }, ranked.Select(r => r.Rank));
        Assert.Equal([false, true, true, false, false], ranked.Select(r => r.Tied));
    }

    [Fact]
    public void Totals_that_read_the_same_are_tied_because_ranks_compare_the_rounded_total()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var ranked = AwardScoring.Rank([(a, AwardScoring.Total([85.004m]), 1), (b, AwardScoring.Total([84.996m]), 1)]);
        Assert.All(ranked, r => Assert.Equal((1, true), (r.Rank!.Value, r.Tied)));
    }

    [Fact]
    public void A_tie_at_the_cut_awards_everyone_in_it()
    {
        var ranked = AwardScoring.Rank([(Guid.NewGuid(), 90m, 3), (Guid.NewGuid(), 85m, 3), (Guid.NewGuid(), 85m, 3), (Guid.NewGuid(), 84m, 3)]);
        Assert.Equal([true, true, true, false], ranked.Select(r => AwardScoring.IsAwarded(r, awards: 2)));
        Assert.Equal([true, false, false, false], ranked.Select(r => AwardScoring.IsAwarded(r, awards: 1)));
    }

    [Fact]
    public void Weights_must_total_one_hundred() =>
        Assert.Equal((true, false), (AwardScoring.WeightsComplete([40, 35, 25]), AwardScoring.WeightsComplete([40, 35, 24.99m])));
}
