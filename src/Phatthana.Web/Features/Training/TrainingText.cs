namespace Phatthana.Web.Features.Training;

/// <summary>Thai labels of training.</summary>
public static class TrainingText
{
    public const string Courses = "หลักสูตร";
    public const string Sessions = "รุ่น";
    public const string DuplicateCourseCode = "รหัสหลักสูตรนี้มีอยู่แล้วในเขตพื้นที่";
    public const string AlreadyRegistered = "บุคลากรนี้ลงทะเบียนในรุ่นนี้แล้ว";
    public const string SessionClosed = "รุ่นนี้ปิดรับลงทะเบียนแล้ว";
    public const string ResultsApproved = "ผลการอบรมของรุ่นนี้อนุมัติแล้ว จึงแก้ไขไม่ได้ — ผู้รับผิดชอบหลักสูตรต้องยกเลิกการอนุมัติก่อน";

    public static string Label(DevelopmentMethod method) => method switch
    {
        DevelopmentMethod.Training => "อบรม",
        DevelopmentMethod.Workshop => "ประชุมเชิงปฏิบัติการ",
        DevelopmentMethod.Seminar => "สัมมนา",
        DevelopmentMethod.StudyVisit => "ศึกษาดูงาน",
        DevelopmentMethod.ETraining => "e-Training",
        DevelopmentMethod.Distance => "การศึกษาทางไกล",
        DevelopmentMethod.Plc => "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)",
        DevelopmentMethod.Coaching => "การนิเทศ/การโค้ช",
        _ => method.ToString(),
    };

    public static string Label(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "วางแผน",
        SessionStatus.Open => "เปิดรับลงทะเบียน",
        SessionStatus.Closed => "ปิดรับลงทะเบียน",
        SessionStatus.Completed => "เสร็จสิ้น",
        _ => status.ToString(),
    };

    public static string Label(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "ลงทะเบียนแล้ว",
        RegistrationStatus.Waitlisted => "รอที่ว่าง",
        RegistrationStatus.Cancelled => "ยกเลิก",
        _ => status.ToString(),
    };
}
