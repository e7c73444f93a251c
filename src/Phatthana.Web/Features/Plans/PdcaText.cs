using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

/// <summary>Thai words of the PDCA reports, in one place for a Thai reader to review.</summary>
public static class PdcaText
{
    public const string ProjectTitle = "รายงานผลการดำเนินงานโครงการตามวงจรคุณภาพ (PDCA)";
    public const string PlanTitle = "สรุปผลการดำเนินงานตามแผนตามวงจรคุณภาพ (PDCA)";
    public const string P = "๑. การวางแผน (Plan)";
    public const string D = "๒. การดำเนินงาน (Do)";
    public const string C = "๓. การตรวจสอบและประเมินผล (Check)";
    public const string A = "๔. การปรับปรุงและพัฒนา (Act)";
    public const string CheckNotes = "ผลการตรวจสอบ ปัญหาและอุปสรรค";
    public const string ActNotes = "การปรับปรุงและพัฒนา (สิ่งที่จะเปลี่ยน)";
    public const string NoCheckNotes = "ยังไม่ได้บันทึกผลการตรวจสอบ ปัญหาและอุปสรรค";
    public const string NoActNotes = "ยังไม่ได้บันทึกการปรับปรุงและพัฒนา";
    public const string OnSchedule = "เป็นไปตามระยะเวลาที่กำหนด";
    public const string Behind = "ล่าช้ากว่าแผน";

    public static string Label(ActivityProgress progress) => progress switch
    {
        ActivityProgress.OnSchedule => "แล้วเสร็จตามแผน",
        ActivityProgress.Late => "แล้วเสร็จล่าช้ากว่าแผน",
        ActivityProgress.Overdue => "ล่าช้ากว่าแผน (ยังไม่แล้วเสร็จ)",
        ActivityProgress.InProgress => "อยู่ระหว่างดำเนินการ",
        _ => "ยังไม่ถึงกำหนด",
    };

    /// <summary>"1 ต.ค. 2568 – 30 ก.ย. 2569", or what is known of it.</summary>
    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{ThaiDate.Short(s)} – {ThaiDate.Short(e)}",
        ({ } s, null) => $"ตั้งแต่ {ThaiDate.Short(s)}",
        (null, { } e) => $"ถึง {ThaiDate.Short(e)}",
        _ => "ไม่ได้ระบุ",
    };

    /// <summary>A KPI's value with its unit: "ร้อยละ 72.5", "1,200", "15,000.00 บาท".</summary>
    public static string Value(KpiUnit unit, decimal? value) => value is not { } v ? "—" : unit switch
    {
        KpiUnit.Percent => $"ร้อยละ {ThaiNumber.Format(v, v == Math.Round(v) ? 0 : 2)}",
        KpiUnit.Baht => $"{ThaiNumber.Format(v, 2)} บาท",
        _ => ThaiNumber.Format(v, v == Math.Round(v) ? 0 : 2),
    };
}
