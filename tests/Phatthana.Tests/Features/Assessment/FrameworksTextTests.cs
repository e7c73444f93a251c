using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Assessment.Frameworks;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>The rules in words on the framework pages say what <see cref="Scoring"/> computes, and error paths read as places in Thai.</summary>
public sealed class FrameworksTextTests
{
    private static IndicatorDef Indicator(int items, params CountLevel[] levels) =>
        new(1, "ตัวชี้วัดทดสอบ", new ScoringRule(ScoringRule.CountKind, levels), [.. Enumerable.Range(1, items).Select(n => new ItemDef(n, $"ประเด็นที่ {n}"))]);

    [Fact]
    public void Seed_003s_six_item_rule_reads_level_by_level_and_in_one_line()
    {
        var indicator = Indicator(6, new(5, 6), new(4, 5), new(3, 4), new(2, 3), new(1, 0));
        Assert.Equal(
            [new RuleLine(5, "หลักฐานชัดเจนครบทั้ง 6 ข้อ"), new(4, "หลักฐานชัดเจน 5 ข้อ"), new(3, "หลักฐานชัดเจน 4 ข้อ"), new(2, "หลักฐานชัดเจน 3 ข้อ"), new(1, "หลักฐานชัดเจนน้อยกว่า 3 ข้อ")],
            FrameworksText.Explain(indicator));
        Assert.Equal("หลักฐานชัดเจน ≥ 6 ข้อ → ระดับ 5, ≥ 5 → 4, ≥ 4 → 3, ≥ 3 → 2, น้อยกว่า 3 → 1", FrameworksText.Summary(indicator.Rule));
    }

    [Fact]
    public void A_rule_with_gaps_and_no_floor_says_its_ranges_and_that_fewer_gives_level_0()
    {
        var indicator = Indicator(5, new(3, 4), new(2, 2));
        Assert.Equal([new RuleLine(3, "หลักฐานชัดเจน 4 ข้อขึ้นไป"), new(2, "หลักฐานชัดเจน 2–3 ข้อ"), new(0, "หลักฐานชัดเจนน้อยกว่า 2 ข้อ")], FrameworksText.Explain(indicator));
        Assert.Equal("หลักฐานชัดเจน ≥ 4 ข้อ → ระดับ 3, ≥ 2 → 2, น้อยกว่า 2 → 0", FrameworksText.Summary(indicator.Rule));
        Assert.Equal([new RuleLine(2, "หลักฐานชัดเจน 1 ข้อขึ้นไป"), new(1, "ไม่มีข้อใดมีหลักฐานชัดเจน")], FrameworksText.Explain(Indicator(3, new(2, 1), new(1, 0))));
    }

    public static TheoryData<int, CountLevel[]> Rules => new()
    {
        { 4, [new(5, 4), new(4, 3), new(3, 2), new(2, 1), new(1, 0)] },
        { 6, [new(4, 5), new(2, 2)] },
        { 2, [new(1, 2)] },
        { 3, [new(3, 3), new(1, 0)] },
    };

    /// <summary>Every count of clear items lands on a level the words name, and every level named is reached by some count.</summary>
    [Theory, MemberData(nameof(Rules))]
    public void The_levels_explained_are_exactly_those_the_rule_gives(int items, CountLevel[] levels)
    {
        var indicator = Indicator(items, levels);
        var given = Enumerable.Range(0, items + 1).Select(clear => Scoring.Compute(indicator,
            indicator.Items.ToDictionary(i => i.Number, i => new ItemAnswer(true, i.Number <= clear ? EvidenceClarity.Clear : EvidenceClarity.Unclear, false))).Level);
        Assert.Equal(given.Distinct().OrderDescending(), FrameworksText.Explain(indicator).Select(l => l.Level));
    }

    [Fact]
    public void The_rubric_names_its_five_outcomes()
    {
        var rubric = new IndicatorDef(1, "ตัวชี้วัด", new ScoringRule(ScoringRule.RubricKind), [new ItemDef(1, "ข้อ")]);
        Assert.Equal([4, 3, 2, 1, 0], FrameworksText.Explain(rubric).Select(l => l.Level));
        Assert.Contains("นำผลไปใช้ปรับปรุงทุกข้อ", FrameworksText.Explain(rubric)[0].Condition);
    }

    [Fact]
    public void An_error_path_reads_as_a_place_with_the_documents_own_numbers_when_it_has_them()
    {
        var document = new FrameworkInput("X", "กรอบ", [new StandardInput(2, "มาตรฐาน", [null, new IndicatorInput(3, "ตัวชี้วัด", null, [new ItemInput(7, "ข้อ")])])]);
        Assert.Equal("มาตรฐานที่ 2 › ตัวชี้วัดที่ 2.3 › ประเด็นข้อ 7 › ข้อความ", FrameworksText.Where("standards[0].indicators[1].items[0].text", document));
        Assert.Equal("มาตรฐานที่ 2 › ตัวชี้วัดลำดับที่ 1", FrameworksText.Where("standards[0].indicators[0]", document));
        Assert.Equal("มาตรฐานลำดับที่ 4 › ตัวชี้วัดลำดับที่ 1 › เกณฑ์การให้ระดับ › แถวที่ 3 › จำนวนข้อที่หลักฐานชัดเจน",
            FrameworksText.Where("standards[3].indicators[0].rule.levels[2].minClear", document));
        Assert.Equal("ชื่อ", FrameworksText.Where("name", null));
        Assert.Equal("", FrameworksText.Where("", document));
    }
}
