namespace Phatthana.Web.Features.Manpower;

/// <summary>Thai labels of the manpower analysis.</summary>
public static class ManpowerText
{
    public const string Title = "อัตรากำลังครูและผู้บริหารตามเกณฑ์ ก.ค.ศ.";
    public const string ShippedDefaultNote = "ค่าเริ่มต้น — ตรวจสอบกับหนังสือเวียน ก.ค.ศ. ที่ใช้";
    public const string RuleSets = "เกณฑ์อัตรากำลัง (ก.ค.ศ.)";
    public const string Shortage = "ขาดเกณฑ์";
    public const string Surplus = "เกินเกณฑ์";
    public const string Exact = "พอดีเกณฑ์";

    public static string Label(ManpowerStatus status) => status switch
    {
        ManpowerStatus.Shortage => Shortage,
        ManpowerStatus.Surplus => Surplus,
        ManpowerStatus.Exact => Exact,
        _ => status.ToString(),
    };

    public static string Label(StaffingLevel level) => level switch
    {
        StaffingLevel.PrePrimary => "ก่อนประถมศึกษา (อ.1–อ.3)",
        StaffingLevel.Primary => "ประถมศึกษา (ป.1–ป.6)",
        StaffingLevel.Secondary => "มัธยมศึกษา (ม.1–ม.6, ปวช.)",
        _ => level.ToString(),
    };

    public static string Label(LevelMethod method) => method switch
    {
        LevelMethod.Ratio => "เฉลี่ยจากห้องเรียนและนักเรียน: (ห้อง × ขนาดห้อง ÷ นักเรียนต่อครู + นักเรียน ÷ นักเรียนต่อครู) ÷ 2",
        LevelMethod.PerRoom => "ครูต่อห้องเรียน: ห้อง × ครูต่อห้อง",
        _ => method.ToString(),
    };

    public static string Label(StaffingRounding rounding) => rounding switch
    {
        StaffingRounding.HalfAwayFromZero => "ปัดเศษ .5 ขึ้น (6.5 → 7)",
        StaffingRounding.Up => "ปัดขึ้นทุกเศษ",
        StaffingRounding.Down => "ปัดเศษทิ้ง",
        _ => rounding.ToString(),
    };

    public static string Label(StaffingRule rule) => rule switch
    {
        StaffingRule.NoStudents => "ไม่มีนักเรียน — ไม่มีอัตราตามเกณฑ์",
        StaffingRule.SmallSchool => "เกณฑ์โรงเรียนขนาดเล็ก (คิดจากนักเรียนทั้งโรงเรียนเป็นช่วง)",
        StaffingRule.PerLevel => "เกณฑ์รายระดับ (ห้องเรียนมาตรฐานและนักเรียน)",
        _ => rule.ToString(),
    };

    /// <summary>"เกินเกณฑ์" / "ขาดเกณฑ์" / "พอดีเกณฑ์" for a net figure.</summary>
    public static string Net(int net) => net > 0 ? Surplus : net < 0 ? Shortage : Exact;

    public static string Band(StudentBand b) => $"นักเรียน {b.Min:#,0}–{b.Max:#,0} คน → ครู {b.Teachers} คน";

    public static string Band(DeputyBand b) =>
        b.Max is { } max ? $"นักเรียน {b.Min:#,0}–{max:#,0} คน → รองผู้อำนวยการ {b.Deputies} คน" : $"นักเรียน {b.Min:#,0} คนขึ้นไป → รองผู้อำนวยการ {b.Deputies} คน";
}
