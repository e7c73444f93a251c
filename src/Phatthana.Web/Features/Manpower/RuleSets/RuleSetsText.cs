namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>Thai wording of the rule-set pages and messages, kept together so a Thai reader can review it in one place.</summary>
public static class RuleSetsText
{
    public const string Name = "ชื่อเกณฑ์";
    public const string EffectiveFromYear = "ปีการศึกษาที่เริ่มใช้ (พ.ศ.)";
    public const string EffectiveYears = "ใช้กับปีการศึกษา";
    public const string Reference = "หนังสือเวียนอ้างอิง";
    public const string Status = "สถานะ";
    public const string UpdatedAt = "แก้ไขล่าสุด";
    public const string InForceNow = "ใช้อยู่ขณะนี้";
    public const string NewSet = "เพิ่มเกณฑ์ชุดใหม่";
    public const string CopySet = "สร้างชุดใหม่จากเกณฑ์นี้";

    public const string SmallSchool = "โรงเรียนขนาดเล็ก (คิดจากนักเรียนทั้งโรงเรียน)";
    public const string BandNumber = "ช่วงที่";
    public const string StudentsFrom = "นักเรียนตั้งแต่ (คน)";
    public const string StudentsTo = "ถึง (คน)";
    public const string Teachers = "ครู (คน)";
    public const string SmallSchoolAdministrators = "ผู้บริหารของโรงเรียนขนาดเล็ก (คน)";

    public const string PerLevel = "โรงเรียนที่ใหญ่กว่านั้น: คิดรายระดับจากห้องเรียนมาตรฐานและนักเรียน";
    public const string Level = "ระดับ";
    public const string ClassSize = "ขนาดห้องเรียนมาตรฐาน (คน)";
    public const string Method = "วิธีคิด";
    public const string StudentsPerTeacher = "นักเรียนต่อครู (คน)";
    public const string TeachersPerRoom = "ครูต่อห้อง (คน)";
    public const string RemainderForExtraRoom = "เศษนักเรียนที่เพิ่มห้องเรียน 1 ห้อง (คนขึ้นไป)";
    public const string MinimumRoomsPerGrade = "ห้องเรียนขั้นต่ำของชั้นที่มีนักเรียน (ห้อง)";
    public const string Rounding = "การปัดเศษจำนวนครูรวม";

    public const string Administrators = "ผู้บริหาร (โรงเรียนที่คิดรายระดับ)";
    public const string Directors = "ผู้อำนวยการ (คน)";
    public const string Deputies = "รองผู้อำนวยการ (คน)";
    public const string DeputyStudentsTo = "ถึง (คน) — เว้นว่าง = ขึ้นไป";
    public const string AndAbove = "ขึ้นไป";

    public const string DuplicateYear = "มีเกณฑ์ที่เริ่มใช้ปีการศึกษานี้อยู่แล้ว — แก้ไขเกณฑ์ชุดนั้น หรือเลือกปีอื่น";
    public const string LastSet = "ลบไม่ได้ เพราะเป็นเกณฑ์อัตรากำลังชุดสุดท้ายในระบบ การคำนวณอัตรากำลังต้องมีเกณฑ์อย่างน้อย 1 ชุด — เพิ่มเกณฑ์ชุดใหม่ก่อน แล้วจึงลบชุดนี้";
    public const string TooLarge = "เกณฑ์มีรายละเอียดมากเกินกว่าที่ระบบเก็บได้ กรุณาลดจำนวนช่วงนักเรียน";
    public const string BlankRowHint = "เว้นว่างทั้งแถว หรือเลือก \"ลบ\" เพื่อตัดช่วงนั้นออก · แถวว่างด้านล่างใช้เพิ่มช่วงใหม่ (บันทึกแล้วจะมีแถวว่างเพิ่มให้อีก)";

    /// <summary>The method's name in the editor's drop-down (the formula is spelled out under the table).</summary>
    public static string MethodShort(LevelMethod method) => method switch
    {
        LevelMethod.Ratio => "เฉลี่ยจากห้องเรียนและนักเรียน",
        LevelMethod.PerRoom => "ครูต่อห้องเรียน",
        _ => method.ToString(),
    };

    public static string Years(int from, int? until) =>
        until is { } u ? (u == from ? $"{from}" : $"{from}–{u}") : $"{from} เป็นต้นไป";

    public static string MissingCell(string label) => $"กรุณากรอก{label} หรือเว้นว่างทั้งแถว";
}
