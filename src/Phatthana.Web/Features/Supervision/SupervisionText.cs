using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Supervision;

/// <summary>Thai labels and messages of supervision, in one place for a Thai reader to review.</summary>
public static class SupervisionText
{
    public const string Visits = "การนิเทศ ติดตาม";
    public const string Summary = "สรุปผลการนิเทศ";
    public const string Overdue = "การติดตามผลที่เลยกำหนด";
    public const string WholeSchool = "ภาพรวมสถานศึกษา";
    public const string NotOwnVisit = "ศึกษานิเทศก์แก้ไขหรือลบได้เฉพาะบันทึกการนิเทศของตนเอง";

    public static string Label(SupervisionLevel level) => level switch
    {
        SupervisionLevel.Excellent => "ดีเยี่ยม",
        SupervisionLevel.VeryGood => "ดีมาก",
        SupervisionLevel.Good => "ดี",
        SupervisionLevel.Fair => "พอใช้",
        _ => "ปรับปรุง",
    };

    public static string Label(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "รอติดตาม",
        FollowUpStatus.Done => "ติดตามแล้ว",
        _ => "ไม่ต้องติดตาม",
    };

    public static string Label(SubjectArea? area) => area is { } a ? PersonnelText.Label(a) : WholeSchool;

    public static string Semester(int semester, int academicYear) => $"ภาคเรียนที่ {semester}/{academicYear}";

    /// <summary>Levels from the best down, as seed 003 lists them.</summary>
    public static readonly SupervisionLevel[] LevelsBestFirst =
        [SupervisionLevel.Excellent, SupervisionLevel.VeryGood, SupervisionLevel.Good, SupervisionLevel.Fair, SupervisionLevel.NeedsImprovement];
}
