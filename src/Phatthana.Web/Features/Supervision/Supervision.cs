using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Supervision;

/// <summary>
/// ผลการนิเทศ: the five quality levels seed 003 reports ("ระดับดีเยี่ยม (๕)" down to ปรับปรุง); the number is the level's score.
/// </summary>
public enum SupervisionLevel { NeedsImprovement = 1, Fair = 2, Good = 3, VeryGood = 4, Excellent = 5 }

/// <summary>Where the follow-up of a visit stands: none needed, still to be done, or done.</summary>
public enum FollowUpStatus { None, Open, Done }

/// <summary>
/// การนิเทศ: one supervisor's visit to one school on one day, with its focus (a subject area and a topic), the result level,
/// what was found and recommended, and the follow-up agreed. Counted in the academic year and semester of its date. Seen as
/// its school's rows are: a director sees their own school's visits.
/// </summary>
public sealed class SupervisionVisit : ISchoolOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>The supervisor's account (ศึกษานิเทศก์); kept as a name too, so the record reads the same after the account goes.</summary>
    public string? SupervisorUserId { get; set; }
    public required string SupervisorName { get; set; }
    public DateOnly VisitedOn { get; set; }
    /// <summary>ปีการศึกษา (พ.ศ.) of <see cref="VisitedOn"/>, stored so lists and summaries filter on it.</summary>
    public int AcademicYear { get; set; }
    /// <summary>ภาคเรียนที่ 1 or 2 of <see cref="VisitedOn"/>.</summary>
    public int Semester { get; set; }
    /// <summary>The กลุ่มสาระ in focus; null when the visit looks at the school as a whole (บริหารจัดการ, ประกันคุณภาพ).</summary>
    public SubjectArea? SubjectArea { get; set; }
    public required string Topic { get; set; }
    public SupervisionLevel Level { get; set; }
    public string? Findings { get; set; }
    public string? Recommendations { get; set; }
    public FollowUpStatus FollowUpStatus { get; set; }
    public DateOnly? FollowUpDue { get; set; }
    public string? FollowUpNote { get; set; }
    public DateOnly? FollowUpDoneOn { get; set; }
    public string? RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOverdue(DateOnly today) => FollowUpStatus == FollowUpStatus.Open && FollowUpDue is { } due && due < today;
}
