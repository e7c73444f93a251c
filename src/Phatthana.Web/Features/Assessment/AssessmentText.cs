using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Assessment;

/// <summary>Thai labels of the self-assessment, in one place for a Thai reader to review.</summary>
public static class AssessmentText
{
    public const string Title = "การประเมินตนเอง";

    public static string Label(EvidenceClarity clarity) => clarity switch
    {
        EvidenceClarity.None => "ไม่มีร่องรอยหลักฐาน",
        EvidenceClarity.Unclear => "มีหลักฐานแต่ไม่ชัดเจน",
        EvidenceClarity.Clear => "มีร่องรอยหลักฐานปรากฏชัดเจน",
        EvidenceClarity.ClearAndVerified => "หลักฐานชัดเจนและตรวจสอบได้",
        _ => clarity.ToString(),
    };

    public static string Label(RoundStatus status) => status switch
    {
        RoundStatus.Open => "กำลังดำเนินการ",
        RoundStatus.Submitted => "ส่งแล้ว",
        RoundStatus.Reviewed => "ผู้ประเมินพิจารณาแล้ว",
        RoundStatus.Closed => "ปิดรอบแล้ว",
        _ => status.ToString(),
    };

    /// <summary>Why a round's pages show no forms, or null while it is open.</summary>
    public static string? ReadOnlyNote(RoundStatus status) => status switch
    {
        RoundStatus.Open => null,
        RoundStatus.Closed => "รอบการประเมินนี้ปิดแล้ว แสดงผล ณ วันที่ส่ง",
        _ => Rounds.ReadOnly,
    };

    /// <summary>The level's change since the previous round: ▲ up, ▼ down, = the same; empty when there is nothing to compare.</summary>
    public static string Trend(int level, int? previous) => previous switch
    {
        null => "",
        var p when level > p => "▲",
        var p when level < p => "▼",
        _ => "=",
    };

    public static string TrendLabel(int level, int? previous) => previous switch
    {
        null => "ไม่มีผลครั้งก่อน",
        var p when level > p => $"สูงขึ้นจากระดับ {p}",
        var p when level < p => $"ลดลงจากระดับ {p}",
        var p => $"เท่าเดิม (ระดับ {p})",
    };

    public const string ItemsDone = "ดำเนินการแล้ว";
    public const string Results = "ผลการดำเนินงาน";
    public const string SuccessFactors = "ปัจจัยความสำเร็จ / Best Practice";
    public const string Problems = "ปัญหา อุปสรรค";
    public const string Improvements = "จุดที่ควรพัฒนา";
    public const string Approach = "แนวทางการพัฒนา";
    public const string ResultsUsed = "การนำผลไปใช้ปรับปรุง";
}

/// <summary>
/// The six-month rounds of a fiscal year as the offices name them: ครั้งที่ 1/2570 is October–March of fiscal year 2570,
/// ครั้งที่ 2/2570 April–September.
/// </summary>
public sealed record HalfYear(int FiscalYear, int Half)
{
    public string Name => $"ครั้งที่ {Half}/{FiscalYear}";
    public DateOnly Start => Half == 1 ? SchoolCalendar.FiscalYearStart(FiscalYear) : new DateOnly(ThaiDate.ToGregorianYear(FiscalYear), 4, 1);
    public DateOnly End => Half == 1 ? new DateOnly(ThaiDate.ToGregorianYear(FiscalYear), 3, 31) : SchoolCalendar.FiscalYearEnd(FiscalYear);
    public HalfYear Previous => Half == 2 ? new(FiscalYear, 1) : new(FiscalYear - 1, 2);

    public static HalfYear Of(DateOnly date) => new(SchoolCalendar.FiscalYearOf(date), date.Month is >= 4 and <= 9 ? 2 : 1);
}
