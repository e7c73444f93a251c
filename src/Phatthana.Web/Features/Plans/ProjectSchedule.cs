namespace Phatthana.Web.Features.Plans;

/// <summary>Where an activity stands against its planned dates.</summary>
public enum ActivityProgress { NotStarted, InProgress, OnSchedule, Late, Overdue }

/// <summary>
/// Seed 000's "เป็นไปตามระยะเวลาที่กำหนด", decided here and nowhere else. An activity is <b>overdue</b> when its end date has
/// passed (today is after it) and it is not done; done after its end date it was <b>late</b> (finished, but behind its plan).
/// A project is <b>behind schedule</b> when it is neither completed nor cancelled and either one of its activities is overdue
/// or its own period has ended; otherwise — completed, or running within its dates — it is on schedule. A cancelled project
/// is neither. Activities finished late do not hold a project behind once they are done.
/// </summary>
public static class ProjectSchedule
{
    public static ActivityProgress Of(ProjectActivity a, DateOnly today) => a.DoneOn switch
    {
        { } done => done > a.EndDate ? ActivityProgress.Late : ActivityProgress.OnSchedule,
        null when today > a.EndDate => ActivityProgress.Overdue,
        null when today >= a.StartDate => ActivityProgress.InProgress,
        _ => ActivityProgress.NotStarted,
    };

    /// <summary>Not done and its end date has passed.</summary>
    public static bool IsOverdue(ProjectActivity a, DateOnly today) => Of(a, today) == ActivityProgress.Overdue;

    /// <summary>Behind its plan: overdue, or done after its end date (the project page flags both).</summary>
    public static bool IsLate(ProjectActivity a, DateOnly today) => Of(a, today) is ActivityProgress.Late or ActivityProgress.Overdue;

    public static bool IsBehind(ProjectStatus status, DateOnly? endDate, int overdueActivities, DateOnly today) =>
        status is not (ProjectStatus.Completed or ProjectStatus.Cancelled) && (overdueActivities > 0 || endDate is { } end && today > end);

    public static bool IsBehind(PlanProject project, IEnumerable<ProjectActivity> activities, DateOnly today) =>
        IsBehind(project.Status, project.EndDate, activities.Count(a => IsOverdue(a, today)), today);
}
