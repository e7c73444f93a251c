namespace Phatthana.Web.Features.Assessment;

/// <summary>The self-assessment's Thai labels, one place for a Thai reader to review.</summary>
public static class AssessmentText
{
    public static string Label(EvidenceClarity clarity) => clarity switch
    {
        EvidenceClarity.None => "ไม่มีหลักฐาน",
        EvidenceClarity.Unclear => "หลักฐานไม่ชัดเจน",
        EvidenceClarity.Clear => "หลักฐานชัดเจน",
        EvidenceClarity.ClearAndVerified => "หลักฐานชัดเจนและตรวจสอบได้",
        _ => clarity.ToString(),
    };

    public static string Label(RoundStatus status) => status switch
    {
        RoundStatus.Open => "อยู่ระหว่างบันทึก (ยังไม่ส่ง)",
        RoundStatus.Submitted => "ส่งแล้ว",
        RoundStatus.Reviewed => "ผู้ประเมินพิจารณาแล้ว",
        RoundStatus.Closed => "ปิดรอบแล้ว",
        _ => status.ToString(),
    };
}
