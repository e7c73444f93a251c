namespace Phatthana.Web.Features.Development;

/// <summary>Thai labels of development needs and ID Plans, in one place for a Thai reader to review.</summary>
public static class DevelopmentText
{
    public const string IdPlan = "แผนพัฒนาตนเอง (ID Plan)";

    // The catalogue (สมรรถนะและหัวข้อการพัฒนา).
    public const string Catalogue = "สมรรถนะและหัวข้อการพัฒนา";
    public const string Group = "กลุ่มตำแหน่ง";
    public const string Kind = "ประเภทสมรรถนะ";
    public const string CompetencyCode = "รหัสสมรรถนะ";
    public const string CompetencyName = "ชื่อสมรรถนะ";
    public const string Description = "คำอธิบาย";
    public const string ExpectedLevel = "ระดับที่คาดหวัง";
    public const string SortOrder = "ลำดับ";
    public const string TopicName = "ชื่อหัวข้อการพัฒนา";
    public const string BuildsCompetency = "สมรรถนะที่พัฒนา";
    public const string SubjectAreaLabel = "กลุ่มสาระการเรียนรู้";
    public const string InUse = "ใช้อยู่";
    public const string Retired = "เลิกใช้แล้ว";
    public const string GroupFixed = "ย้ายไปกลุ่มตำแหน่งอื่นไม่ได้ เพราะแผนของบุคลากรกลุ่มนี้อ้างถึงอยู่ — เพิ่มใหม่ในกลุ่มนั้นแทน";
    public const string RetireInstead = "ใช้ \"เลิกใช้\" แทน: แผนและคำตอบเดิมยังเห็นรายการนี้ แต่จะไม่มีให้เลือกในแผนใหม่";

    public static string DuplicateCompetencyCode(string code, PositionGroup group) => $"รหัสสมรรถนะ {code} มีอยู่แล้วในกลุ่ม{Label(group)}";

    public static string DuplicateTopicName(PositionGroup group) => $"มีหัวข้อการพัฒนาชื่อนี้แล้วในกลุ่ม{Label(group)}";

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
