using Phatthana.Web.Features.Plans;

namespace Phatthana.Tests.Shared;

/// <summary>Seed 000's "on schedule" (ProjectSchedule): activities against their dates, and a project behind or not, at the edges.</summary>
public sealed class ProjectScheduleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static ProjectActivity Activity(int startIn, int endIn, int? doneIn = null) => new()
    {
        Name = "กิจกรรม", StartDate = Today.AddDays(startIn), EndDate = Today.AddDays(endIn), DoneOn = doneIn is { } d ? Today.AddDays(d) : null,
    };

    [Theory]
    [InlineData(1, 5, null, ActivityProgress.NotStarted)]
    [InlineData(0, 5, null, ActivityProgress.InProgress)]   // starts today
    [InlineData(-5, 0, null, ActivityProgress.InProgress)]  // ends today: not overdue yet
    [InlineData(-5, -1, null, ActivityProgress.Overdue)]    // ended yesterday, not done
    [InlineData(-5, -1, -1, ActivityProgress.OnSchedule)]   // done on its end date
    [InlineData(-5, -2, -1, ActivityProgress.Late)]         // done a day after it
    [InlineData(-5, 5, -3, ActivityProgress.OnSchedule)]    // done early
    public void An_activity_against_its_dates(int start, int end, int? done, ActivityProgress expected) =>
        Assert.Equal(expected, ProjectSchedule.Of(Activity(start, end, done), Today));

    [Fact]
    public void Overdue_is_not_done_after_the_end_date_and_late_includes_done_late()
    {
        Assert.True(ProjectSchedule.IsOverdue(Activity(-5, -1), Today));
        Assert.False(ProjectSchedule.IsOverdue(Activity(-5, -2, -1), Today));
        Assert.True(ProjectSchedule.IsLate(Activity(-5, -2, -1), Today));
        Assert.False(ProjectSchedule.IsLate(Activity(-5, 0), Today));
    }

    private static PlanProject Project(ProjectStatus status, int? endIn) =>
        new() { Name = "โครงการ", Status = status, EndDate = endIn is { } e ? Today.AddDays(e) : null };

    [Theory]
    [InlineData(ProjectStatus.InProgress, 30, false)]
    [InlineData(ProjectStatus.InProgress, 0, false)]     // its last day
    [InlineData(ProjectStatus.InProgress, -1, true)]     // period ended, not completed
    [InlineData(ProjectStatus.Planned, -1, true)]
    [InlineData(ProjectStatus.Completed, -1, false)]     // completed after its period: done, not behind
    [InlineData(ProjectStatus.Cancelled, -1, false)]     // cancelled: neither
    [InlineData(ProjectStatus.InProgress, null, false)]  // no end date and nothing overdue
    public void A_project_by_its_period(ProjectStatus status, int? endIn, bool behind) =>
        Assert.Equal(behind, ProjectSchedule.IsBehind(Project(status, endIn), [Activity(-10, 10)], Today));

    [Fact]
    public void A_project_with_an_overdue_activity_is_behind_until_it_is_done_or_the_project_is_completed()
    {
        var running = Project(ProjectStatus.InProgress, 60);
        Assert.True(ProjectSchedule.IsBehind(running, [Activity(-30, -10, -12), Activity(-10, -1)], Today));
        // Done late: no longer holds the project behind.
        Assert.False(ProjectSchedule.IsBehind(running, [Activity(-30, -10, -12), Activity(-10, -2, -1)], Today));
        Assert.False(ProjectSchedule.IsBehind(Project(ProjectStatus.Completed, 60), [Activity(-10, -1)], Today));
        Assert.False(ProjectSchedule.IsBehind(Project(ProjectStatus.Cancelled, 60), [Activity(-10, -1)], Today));
        Assert.False(ProjectSchedule.IsBehind(running, [], Today));
    }
}
