using Phatthana.Web.Features.Supervision;
using Phatthana.Web.Shared.Thai;
using L = Phatthana.Web.Features.Supervision.SupervisionLevel;

namespace Phatthana.Tests.Shared;

/// <summary>The semester of a date at its edges, and seed 003's level shares worked out by hand.</summary>
public sealed class SupervisionRulesTests
{
    [Theory]
    [InlineData(2026, 5, 16, 2569, 1)] // the academic year's first day
    [InlineData(2026, 10, 31, 2569, 1)]
    [InlineData(2026, 11, 1, 2569, 2)]
    [InlineData(2027, 3, 31, 2569, 2)]
    [InlineData(2027, 5, 15, 2569, 2)] // the day before the next year begins
    [InlineData(2026, 5, 15, 2568, 2)]
    public void A_date_falls_in_one_semester_of_one_academic_year(int y, int m, int d, int academicYear, int semester)
    {
        var date = new DateOnly(y, m, d);
        Assert.Equal((academicYear, semester), (SchoolCalendar.AcademicYearOf(date), SchoolCalendar.SemesterOf(date)));
    }

    [Fact]
    public void The_semester_before_the_first_is_the_last_years_second()
    {
        Assert.Equal((2568, 2), SchoolCalendar.PreviousSemester(2569, 1));
        Assert.Equal((2569, 1), SchoolCalendar.PreviousSemester(2569, 2));
        Assert.Equal(new SupervisionPeriod(2568, null), new SupervisionPeriod(2569, null).Previous);
    }

    private static VisitFact Visit(int school, int day, L level) => new(new Guid(school, 0, 0, new byte[8]), null, new DateOnly(2025, 6, day), level);

    [Fact]
    public void Seed_003s_four_tasks_summary_comes_out_as_printed()
    {
        // 40 ดีเยี่ยม, 41 ดีมาก, 30 ดี, 6 พอใช้ of 117 schools → 34.19, 35.04, 25.64, 5.13 (seed 003, ๔ งาน).
        var visits = Enumerable.Range(0, 117).Select(i => Visit(i, 1, i < 40 ? L.Excellent : i < 81 ? L.VeryGood : i < 111 ? L.Good : L.Fair));
        var d = LevelDistribution.Of(visits);
        Assert.Equal(117, d.Schools);
        Assert.Equal([34.19m, 35.04m, 25.64m, 5.13m, 0m], d.Levels.Select(l => l.Percent).ToArray());
        Assert.Equal([L.Excellent, L.VeryGood, L.Good, L.Fair, L.NeedsImprovement], d.Levels.Select(l => l.Level).ToArray());
        Assert.Equal(69.23m, d.VeryGoodOrBetterPercent); // 81 / 117
    }

    [Fact]
    public void A_school_counts_once_at_its_latest_visit_the_lowest_of_that_day()
    {
        var d = LevelDistribution.Of([
            Visit(1, 1, L.NeedsImprovement), Visit(1, 20, L.Excellent),   // later and better: ดีเยี่ยม
            Visit(2, 5, L.VeryGood), Visit(2, 5, L.Fair),                 // same day: พอใช้
            Visit(3, 9, L.Good),
        ]);
        Assert.Equal((3, 5), (d.Schools, d.Visits));
        Assert.Equal((1, 33.33m), (d[L.Excellent].Schools, d[L.Excellent].Percent));
        Assert.Equal((1, 33.33m), (d[L.Fair].Schools, d[L.Fair].Percent));
        Assert.Equal((0, 0m), (d[L.NeedsImprovement].Schools, d[L.NeedsImprovement].Percent));
        Assert.Equal(0, LevelDistribution.Empty.Schools);
        Assert.All(LevelDistribution.Empty.Levels, l => Assert.Equal(0m, l.Percent));
    }

    [Theory]
    [InlineData(L.Good, L.Fair, Trend.Up)]
    [InlineData(L.Good, L.Good, Trend.Same)]
    [InlineData(L.Fair, L.Excellent, Trend.Down)]
    [InlineData(L.Fair, null, Trend.New)]
    public void A_schools_trend_follows_its_level(L now, L? before, Trend expected) => Assert.Equal(expected, TrendRules.Of(now, before));
}
