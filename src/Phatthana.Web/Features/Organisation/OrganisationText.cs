namespace Phatthana.Web.Features.Organisation;

/// <summary>The Organisation feature's Thai wording, in one place for review by a Thai reader.</summary>
public static class OrganisationText
{
    public const string Areas = "สำนักงานเขตพื้นที่การศึกษา";
    public const string Area = "เขตพื้นที่การศึกษา";
    public const string AreaCode = "รหัสเขตพื้นที่";
    public const string AreaName = "ชื่อสำนักงานเขตพื้นที่";
    public const string AreaKindLabel = "ประเภทเขตพื้นที่";
    public const string Province = "จังหวัด";

    public const string Schools = "สถานศึกษา";
    public const string School = "สถานศึกษา";
    public const string SchoolCode = "รหัสสถานศึกษา (10 หลัก)";
    public const string SmisCode = "รหัส SMIS (8 หลัก)";
    public const string ObecCode = "รหัส OBEC (6 หลัก)";
    public const string SchoolName = "ชื่อสถานศึกษา";
    public const string SchoolTypeLabel = "ประเภทสถานศึกษา";
    public const string District = "อำเภอ";
    public const string Districts = "อำเภอ";
    public const string Network = "กลุ่มเครือข่าย";
    public const string Networks = "กลุ่มเครือข่ายสถานศึกษา";
    public const string Division = "กลุ่มงาน";
    public const string Divisions = "กลุ่มงานใน สพท.";
    public const string Chair = "ประธานเครือข่าย";
    public const string Secretary = "เลขานุการเครือข่าย";
    public const string Goals = "เป้าหมายของเครือข่าย";
    public const string Name = "ชื่อ";

    public const string StudentCounts = "จำนวนนักเรียน";
    public const string AcademicYear = "ปีการศึกษา";
    public const string Grade = "ชั้น";
    public const string Boys = "ชาย";
    public const string Girls = "หญิง";
    public const string Students = "นักเรียน";
    public const string Classrooms = "ห้องเรียน";

    public static string Label(AreaKind kind) => kind switch
    {
        AreaKind.Primary => "ประถมศึกษา (สพป.)",
        AreaKind.Secondary => "มัธยมศึกษา (สพม.)",
        _ => kind.ToString(),
    };

    public static string Label(SchoolType type) => type switch
    {
        SchoolType.Primary => "ประถมศึกษา",
        SchoolType.ExtendedOpportunity => "ขยายโอกาสทางการศึกษา",
        SchoolType.Secondary => "มัธยมศึกษา",
        _ => type.ToString(),
    };

    public static string Label(Grade grade) => grade switch
    {
        Organisation.Grade.K1 => "อ.1",
        Organisation.Grade.K2 => "อ.2",
        Organisation.Grade.K3 => "อ.3",
        Organisation.Grade.V1 => "ปวช.1",
        Organisation.Grade.V2 => "ปวช.2",
        Organisation.Grade.V3 => "ปวช.3",
        _ => (grade.ToString()[0] == 'P' ? "ป." : "ม.") + grade.ToString()[1..],
    };

    public const string DuplicateSchoolCode = "รหัสสถานศึกษานี้มีอยู่แล้วในระบบ";
    public const string DuplicateSmisCode = "รหัส SMIS นี้เป็นของสถานศึกษาอื่นแล้ว";
    public const string DuplicateObecCode = "รหัส OBEC นี้เป็นของสถานศึกษาอื่นแล้ว";
    public const string DuplicateAreaCode = "รหัสเขตพื้นที่นี้มีอยู่แล้วในระบบ";
    public const string DuplicateName = "ชื่อนี้มีอยู่แล้วในเขตพื้นที่นี้";
    public const string InUse = "ลบไม่ได้ เพราะยังมีข้อมูลอื่นอ้างถึง";
}
