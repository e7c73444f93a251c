using Phatthana.Web.Features.Plans;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Tests.Shared;

/// <summary>
/// The fiscal year's months and quarters, the curve spread over months, the month a year is judged at, the curve's checks, and
/// the follow-up's sums and flags (behind the curve, over the allocation) at their edges.
/// </summary>
public sealed class BudgetRulesTests
{
    [Fact]
    public void A_fiscal_year_runs_October_to_September_in_four_quarters()
    {
        var months = BudgetRules.Months(2570);
        Assert.Equal(12, months.Count);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 1)), (months[0], months[^1]));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4], months.Select(BudgetRules.Quarter));
        Assert.Equal(("2026-10", "ต.ค. 2569"), (BudgetRules.Key(months[0]), BudgetRules.Label(months[0])));
    }

    [Theory]
    [InlineData("2026-11", true, 2026, 11)]
    [InlineData(" 2027-09 ", true, 2027, 9)]
    [InlineData("2026-13", false, 0, 0)]
    [InlineData("2569-10", false, 0, 0)] // พ.ศ. where the API writes ค.ศ. is out of any range a date takes
    [InlineData("11/2026", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    [InlineData(null, false, 0, 0)]
    public void Months_are_read_as_the_API_writes_them(string? text, bool ok, int year, int month)
    {
        Assert.Equal(ok, BudgetRules.TryReadMonth(text, out var read));
        if (ok) Assert.Equal(new DateOnly(year, month, 1), read);
    }

    [Fact]
    public void The_default_curve_is_spread_evenly_over_each_quarters_months()
    {
        Assert.Equal([10m, 20m, 30m, 37.33m, 44.67m, 52m, 60.33m, 68.67m, 77m, 84.67m, 92.33m, 100m], BudgetRules.MonthlyTargets(BudgetRules.DefaultCurve));
        // A flat quarter stays flat; a curve may end below 100.
        Assert.Equal([0m, 0m, 0m, 10m, 20m, 30m, 30m, 30m, 30m, 40m, 50m, 60m], BudgetRules.MonthlyTargets([0m, 30m, 30m, 60m]));
    }

    [Theory]
    [InlineData("2026-09-30", -1)] // before the year
    [InlineData("2026-10-31", -1)] // October under way: no month has ended
    [InlineData("2026-11-01", 0)]  // October has ended
    [InlineData("2027-01-15", 2)]  // December is the last month ended
    [InlineData("2027-09-30", 10)] // September is under way
    [InlineData("2027-10-01", 11)] // the year is over
    [InlineData("2030-01-01", 11)]
    public void A_year_is_judged_at_its_last_month_ended(string today, int judged) =>
        Assert.Equal(judged, BudgetRules.JudgedMonth(2570, DateOnly.Parse(today)));

    private static (IReadOnlyList<decimal>? Curve, List<FieldError> Errors) Read(params (int? Quarter, decimal? Percent)[] rows)
    {
        var checks = new Checks();
        var curve = BudgetRules.ReadCurve([.. rows.Select(r => (QuarterTargetInput?)new QuarterTargetInput(r.Quarter, r.Percent))], checks);
        return (curve, [.. checks.Errors]);
    }

    [Fact]
    public void A_curve_has_all_four_quarters_in_any_order()
    {
        var (curve, errors) = Read((4, 100), (2, 50), (1, 25), (3, 75));
        Assert.Empty(errors);
        Assert.Equal([25m, 50m, 75m, 100m], curve);
        Assert.Equal([10m, 10m, 10m, 10m], Read((1, 10), (2, 10), (3, 10), (4, 10)).Curve); // level is still cumulative
    }

    [Fact]
    public void A_curve_that_is_not_cumulative_lacks_a_quarter_or_is_out_of_range_is_refused()
    {
        var (curve, errors) = Read((1, 30), (2, 52), (3, 45), (4, 100));
        Assert.Null(curve);
        Assert.Equal("[2].percent", Assert.Single(errors).Field);
        Assert.Contains("ร้อยละสะสม", errors[0].Message);

        (curve, errors) = Read((1, 30), (2, 52), (4, 100));
        Assert.Null(curve);
        Assert.Contains("ยังขาดไตรมาส 3", Assert.Single(errors).Message);

        (_, errors) = Read((1, 30), (1, 40), (5, 10), (2, -1), (3, 100.5m), (4, null), (3, 12.345m));
        Assert.Equal(["[1].quarter", "[2].quarter", "[3].percent", "[4].percent", "[5].percent", "[6].percent", "[6].quarter"], errors.Select(e => e.Field));
        Assert.Contains("ไตรมาส 1 ซ้ำกัน", errors[0].Message);
        Assert.Contains("ทศนิยม", errors[5].Message);
        Assert.Contains("ไม่เกิน 2 ตำแหน่ง", Read((1, 12.345m), (2, 52), (3, 77), (4, 100)).Errors.Single().Message);
        Assert.Single(Read().Errors);
    }

    private static readonly Guid P1 = Guid.NewGuid(), P2 = Guid.NewGuid(), P3 = Guid.NewGuid();

    private static BudgetProject Project(Guid id, decimal operations, decimal investment = 0, ProjectStatus status = ProjectStatus.InProgress) =>
        new(id, id.ToString()[..4], Guid.Empty, "แผน", Guid.Empty, 1, status,
            Enum.GetValues<BudgetCategory>().ToDictionary(c => c, c => c switch { BudgetCategory.Operations => operations, BudgetCategory.Investment => investment, _ => 0m }));

    private static BudgetEntry Money(Guid project, string month, decimal committed, decimal disbursed, BudgetCategory category = BudgetCategory.Operations) =>
        new(project, category, DateOnly.Parse(month + "-01"), committed, disbursed);

    [Fact]
    public void The_follow_up_sums_per_category_month_and_project_and_flags_who_is_behind_or_over()
    {
        // Judged at the end of November (target 20 %): P1 disbursed 25 % by then, P2 15 %, P3 is over in investment.
        var projects = new[] { Project(P1, 100_000), Project(P2, 200_000), Project(P3, 0, investment: 50_000) };
        var entries = new[]
        {
            Money(P1, "2026-10", 0, 10_000), Money(P1, "2026-11", 5_000, 15_000), Money(P1, "2026-12", 0, 40_000),
            Money(P2, "2026-11", 100_000, 30_000),
            Money(P3, "2026-10", 30_000, 30_000, BudgetCategory.Investment),
        };
        var f = BudgetFollowUp.Of(2570, projects, entries, CurveDto.Of(2570, null), new DateOnly(2026, 12, 7));

        Assert.Equal(("2026-11", 20m, 3), (f.JudgedMonth, f.JudgedTarget, f.MonthsBegun));
        Assert.Equal((350_000m, 135_000m, 125_000m, 90_000m), (f.Total.Allocated, f.Total.Committed, f.Total.Disbursed, f.Total.Remaining));
        var operations = f.Categories.Single(c => c.Category == BudgetCategory.Operations);
        Assert.Equal((300_000m, 105_000m, 95_000m, 100_000m, 31.67m), (operations.Allocated, operations.Committed, operations.Disbursed, operations.Remaining, operations.DisbursedPercent));
        var investment = f.Categories.Single(c => c.Category == BudgetCategory.Investment);
        Assert.Equal((10_000m, null), (investment.OverBy, f.Categories.Single(c => c.Category == BudgetCategory.Other).DisbursedPercent));

        Assert.Equal([40_000m, 85_000m, 125_000m, 125_000m], f.Months.Take(4).Select(m => m.CumulativeDisbursed));
        Assert.Equal([11.43m, 24.29m, 35.71m], f.Months.Take(3).Select(m => m.CumulativePercent));
        Assert.Equal([true, true, true], f.Months.Take(3).Select(m => m.Reached));
        Assert.Equal(24.29m, f.JudgedPercent);

        var (p1, p2, p3) = (f.Projects.Single(p => p.Id == P1), f.Projects.Single(p => p.Id == P2), f.Projects.Single(p => p.Id == P3));
        Assert.Equal((25m, false, 65m), (p1.JudgedPercent, p1.BehindCurve, p1.DisbursedPercent)); // December's money is not judged yet
        Assert.Equal((15m, true), (p2.JudgedPercent, p2.BehindCurve));
        Assert.Equal([BudgetCategory.Investment], p3.OverAllocated);
        Assert.Equal((-10_000m, false), (p3.Remaining, p3.BehindCurve)); // 60 % disbursed, above the curve
        Assert.Equal((1, 1), (f.ProjectsBehind, f.ProjectsOverAllocated));
    }

    [Fact]
    public void Nothing_is_judged_before_a_month_ends_nor_a_project_without_a_budget_or_cancelled()
    {
        var projects = new[] { Project(P1, 100_000, status: ProjectStatus.Cancelled), Project(P2, 0) };
        var early = BudgetFollowUp.Of(2570, projects, [], CurveDto.Of(2570, null), new DateOnly(2026, 10, 20));
        Assert.Equal((null, null, 1), (early.JudgedMonth, early.JudgedTarget, early.MonthsBegun));
        Assert.All(early.Projects, p => Assert.False(p.BehindCurve));

        var late = BudgetFollowUp.Of(2570, projects, [], CurveDto.Of(2570, [0, 50, 80, 100]), new DateOnly(2027, 12, 1));
        Assert.Equal(("2027-09", 100m, 12), (late.JudgedMonth, late.JudgedTarget, late.MonthsBegun));
        Assert.Equal(0m, late.Projects.Single(p => p.Id == P1).JudgedPercent);
        Assert.False(late.Projects.Single(p => p.Id == P1).BehindCurve); // cancelled
        Assert.Null(late.Projects.Single(p => p.Id == P2).JudgedPercent);  // no budget to measure against
        Assert.False(late.Curve.IsDefault);
        Assert.Equal(("2026-12", 0m), (late.Curve.Quarters[0].EndMonth, late.Curve.Months[2].Percent));
    }
}
