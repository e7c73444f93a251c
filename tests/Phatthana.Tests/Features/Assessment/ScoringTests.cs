using Phatthana.Web.Features.Assessment;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>Both scoring rules on every level they give, with the reason shown to people.</summary>
public sealed class ScoringTests
{
    private static IndicatorDef Indicator(ScoringRule rule, int items) =>
        new(1, "ตัวชี้วัดทดสอบ", rule, Enumerable.Range(1, items).Select(n => new ItemDef(n, $"ประเด็นที่ {n}")).ToList());

    /// <summary>Seed 003's rule for four items: all clear → 5, 3 → 4, 2 → 3, 1 → 2, none → 1.</summary>
    private static readonly ScoringRule FourItems = new(ScoringRule.CountKind,
        [new CountLevel(5, 4), new CountLevel(4, 3), new CountLevel(3, 2), new CountLevel(2, 1), new CountLevel(1, 0)]);

    private static Dictionary<int, ItemAnswer> Answers(params EvidenceClarity[] evidence) =>
        evidence.Select((e, i) => (e, i)).ToDictionary(x => x.i + 1, x => new ItemAnswer(x.e != EvidenceClarity.None, x.e, false));

    [Theory]
    [InlineData(4, 5)]
    [InlineData(3, 4)]
    [InlineData(2, 3)]
    [InlineData(1, 2)]
    [InlineData(0, 1)]
    public void Count_gives_the_highest_level_whose_minimum_of_clear_items_is_reached(int clear, int level)
    {
        var evidence = Enumerable.Range(0, 4).Select(i => i < clear ? (i % 2 == 0 ? EvidenceClarity.Clear : EvidenceClarity.ClearAndVerified) : EvidenceClarity.Unclear).ToArray();
        var result = Scoring.Compute(Indicator(FourItems, 4), Answers(evidence));
        Assert.Equal(level, result.Level);
        Assert.Equal(5, result.MaxLevel);
        Assert.Equal($"ชัดเจน {clear} จาก 4 ข้อ → ระดับ {level}", result.Reason);
    }

    [Fact]
    public void Count_counts_only_clear_evidence_and_unanswered_items_count_as_none()
    {
        // Done with unclear evidence does not count; item 4 never answered.
        var answers = new Dictionary<int, ItemAnswer>
        {
            [1] = new(true, EvidenceClarity.Clear, false), [2] = new(true, EvidenceClarity.Unclear, true), [3] = new(true, EvidenceClarity.ClearAndVerified, false),
        };
        Assert.Equal(3, Scoring.Compute(Indicator(FourItems, 4), answers).Level);
    }

    [Fact]
    public void Count_below_every_minimum_is_level_zero()
    {
        var rule = new ScoringRule(ScoringRule.CountKind, [new CountLevel(3, 3), new CountLevel(2, 2), new CountLevel(1, 1)]);
        Assert.Equal(0, Scoring.Compute(Indicator(rule, 3), Answers(EvidenceClarity.Unclear, EvidenceClarity.None, EvidenceClarity.Unclear)).Level);
    }

    private static readonly ScoringRule Rubric = new(ScoringRule.RubricKind);

    [Fact]
    public void Rubric_is_zero_until_every_item_is_done()
    {
        var answers = new Dictionary<int, ItemAnswer>
        {
            [1] = new(true, EvidenceClarity.ClearAndVerified, true), [2] = new(true, EvidenceClarity.ClearAndVerified, true), [3] = new(false, EvidenceClarity.None, false),
        };
        var result = Scoring.Compute(Indicator(Rubric, 3), answers);
        Assert.Equal((0, 4), (result.Level, result.MaxLevel));
        Assert.Contains("ดำเนินการ 2 จาก 3 ข้อ", result.Reason);
        Assert.Equal(0, Scoring.Compute(Indicator(Rubric, 3), new Dictionary<int, ItemAnswer>()).Level);
    }

    [Fact]
    public void Rubric_four_needs_every_item_clear_and_verified_with_results_used_to_improve()
    {
        var all = Enumerable.Range(1, 3).ToDictionary(n => n, _ => new ItemAnswer(true, EvidenceClarity.ClearAndVerified, true));
        Assert.Equal(4, Scoring.Compute(Indicator(Rubric, 3), all).Level);
        // One item's results not used: not 4 but 3 (clear evidence exists).
        all[2] = all[2] with { ResultsUsed = false };
        Assert.Equal(3, Scoring.Compute(Indicator(Rubric, 3), all).Level);
        // One item only Clear (not verified): 3.
        all[2] = new ItemAnswer(true, EvidenceClarity.Clear, true);
        Assert.Equal(3, Scoring.Compute(Indicator(Rubric, 3), all).Level);
    }

    [Fact]
    public void Rubric_three_when_some_item_is_clear_two_when_all_unclear_one_otherwise()
    {
        ItemAnswer Done(EvidenceClarity e) => new(true, e, false);
        Assert.Equal(3, Scoring.Compute(Indicator(Rubric, 3), new Dictionary<int, ItemAnswer> { [1] = Done(EvidenceClarity.None), [2] = Done(EvidenceClarity.Clear), [3] = Done(EvidenceClarity.Unclear) }).Level);
        var two = Scoring.Compute(Indicator(Rubric, 3), new Dictionary<int, ItemAnswer> { [1] = Done(EvidenceClarity.Unclear), [2] = Done(EvidenceClarity.Unclear), [3] = Done(EvidenceClarity.Unclear) });
        Assert.Equal(2, two.Level);
        Assert.Contains("ไม่ชัดเจนทุกข้อ", two.Reason);
        Assert.Equal(1, Scoring.Compute(Indicator(Rubric, 3), new Dictionary<int, ItemAnswer> { [1] = Done(EvidenceClarity.Unclear), [2] = Done(EvidenceClarity.None), [3] = Done(EvidenceClarity.Unclear) }).Level);
        Assert.Equal(1, Scoring.Compute(Indicator(Rubric, 2), new Dictionary<int, ItemAnswer> { [1] = Done(EvidenceClarity.None), [2] = Done(EvidenceClarity.None) }).Level);
    }

    [Fact]
    public void The_shipped_frameworks_read_cleanly_and_keep_the_seeds_rules()
    {
        var documents = ShippedFrameworks.Documents().ToList();
        Assert.Equal(["ESA2557-S1", "OBEC-S5-55-56"], documents.Select(d => d.Code).Order());
        foreach (var d in documents) Assert.True(FrameworkDocument.Read(d).Succeeded, d.Code);
        var esa = FrameworkDocument.Read(documents.Single(d => d.Code == "ESA2557-S1")).Value.Definition;
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], esa.Indicators().Select(x => IndicatorDef.Key(x.Standard, x.Indicator)));
        Assert.Equal("การบริหารจัดการองค์การสู่ความเป็นเลิศ", esa.Standards[0].Name);
        // Seed 003: six items for indicator 1 (all → 5 … fewer than 3 → 1), four for the others (all → 5 … none → 1).
        Assert.Equal([6, 4, 4, 4], esa.Indicators().Select(x => x.Indicator.Items.Count));
        Assert.Equal([6, 5, 4, 3, 0], esa.Find("1.1")!.Value.Indicator.Rule.Levels!.Select(l => l.MinClear));
        Assert.Equal([4, 3, 2, 1, 0], esa.Find("1.2")!.Value.Indicator.Rule.Levels!.Select(l => l.MinClear));
        var rubric = FrameworkDocument.Read(documents.Single(d => d.Code == "OBEC-S5-55-56")).Value.Definition;
        Assert.All(rubric.Indicators(), x => Assert.Equal(ScoringRule.RubricKind, x.Indicator.Rule.Kind));
        Assert.Contains(rubric.Standards, s => s.Name.StartsWith("ประเด็นที่ 5.5"));
    }

    [Fact]
    public void A_count_rule_whose_levels_are_not_monotonic_is_refused_naming_its_path()
    {
        var input = new FrameworkInput("T-1", "ทดสอบ", [new StandardInput(1, "มาตรฐาน", [new IndicatorInput(1, "ตัวชี้วัด",
            new RuleInput("Count", [new CountLevelInput(3, 2), new CountLevelInput(2, 2), new CountLevelInput(1, 0)]),
            [new ItemInput(1, "ก"), new ItemInput(2, "ข")])])]);
        var read = FrameworkDocument.Read(input);
        Assert.False(read.Succeeded);
        var error = Assert.Single(read.Errors);
        Assert.Equal("standards[0].indicators[0].rule.levels", error.Field);
        Assert.Contains("ไม่เรียงลำดับ", error.Message);
    }

    [Theory]
    [InlineData("Average", "rule.kind")]
    [InlineData("Count", "rule.levels[0].minClear")]
    public void Other_bad_rules_are_refused(string kind, string field)
    {
        var input = new FrameworkInput("T-1", "ทดสอบ", [new StandardInput(1, "มาตรฐาน", [new IndicatorInput(1, "ตัวชี้วัด",
            new RuleInput(kind, [new CountLevelInput(2, 5), new CountLevelInput(1, 0)]), [new ItemInput(1, "ก"), new ItemInput(1, "ข")])])]);
        var read = FrameworkDocument.Read(input);
        Assert.Contains(read.Errors, e => e.Field == "standards[0].indicators[0]." + field);
        Assert.Contains(read.Errors, e => e.Field == "standards[0].indicators[0].items[1].number" && e.Message.Contains("ซ้ำ"));
    }
}
