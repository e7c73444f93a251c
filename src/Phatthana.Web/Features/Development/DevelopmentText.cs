namespace Phatthana.Web.Features.Development;

/// <summary>Thai labels of development needs and ID Plans, in one place for a Thai reader to review.</summary>
public static class DevelopmentText
{
    public const string IdPlan = "แผนพัฒนาตนเอง (ID Plan)";

    public static string Label(PositionGroup group) => group switch
    {
        PositionGroup.Teachers => "ครู",
        PositionGroup.Administrators => "ผู้บริหารสถานศึกษา",
        PositionGroup.Supervisors => "ศึกษานิเทศก์",
        PositionGroup.EducationPersonnel => "บุคลากรทางการศึกษา",
        _ => group.ToString(),
    };

    public static string Label(CompetencyKind kind) => kind == CompetencyKind.Core ? "สมรรถนะหลัก" : "สมรรถนะประจำสายงาน";

    public static string Label(IdPlanStatus status) => status switch
    {
        IdPlanStatus.Draft => "ร่าง",
        IdPlanStatus.Submitted => "ส่งแล้ว รอพิจารณา",
        IdPlanStatus.Approved => "อนุมัติแล้ว",
        IdPlanStatus.Returned => "ส่งคืนให้แก้ไข",
        _ => status.ToString(),
    };

    /// <summary>ระดับสมรรถนะ 1–5 as a self-assessment scale.</summary>
    public static string LevelLabel(int level) => level switch
    {
        1 => "1 — ต้องพัฒนามาก",
        2 => "2 — ต้องพัฒนา",
        3 => "3 — พอใช้",
        4 => "4 — ดี",
        5 => "5 — ดีมาก",
        _ => level.ToString(),
    };
}
