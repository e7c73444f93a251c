using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using T = Phatthana.Web.Features.Development.DevelopmentText;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>The survey pages' tables, declared once for the page, its workbook and the API's ?format=xlsx.</summary>
public static class SurveyTables
{
    public static TableSpec<NeedsSurveyDto> Surveys(Func<NeedsSurveyDto, string?>? link) => new("สำรวจความต้องการในการพัฒนา",
        new("แบบสำรวจ", s => s.Name, Link: link, Width: 40, Wrap: true),
        new("ปีงบประมาณ", s => s.FiscalYear.ToString(), Width: 12),
        new("ช่วงเวลารับคำตอบ", s => Window(s.OpensOn, s.ClosesOn), Width: 30, Wrap: true),
        new("กลุ่มเป้าหมาย", s => s.TargetPositions.Count == 0 ? "ทุกตำแหน่ง" : string.Join(", ", s.TargetPositions.Select(PersonnelText.Label)), Width: 30, Wrap: true),
        new("เป้าหมาย (คน)", s => s.Summary.Targeted, CellKind.Number, Width: 14),
        new("ส่งแผน", s => s.Summary.WithPlan, CellKind.Number, Width: 12),
        new("ตอบแบบสั้น", s => s.Summary.Answered, CellKind.Number, Width: 12),
        new("ยังไม่ตอบ", s => s.Summary.Neither, CellKind.Number, Width: 12),
        new("สถานะ", s => s.Open ? "เปิดรับ" : "ปิดรับ", Width: 10));

    /// <param name="answer">Where "การตอบ" leads: the plan that answers, or the short form (for those who may answer for the person).</param>
    public static TableSpec<SurveyPerson> People(Func<SurveyPerson, string?>? person, Func<SurveyPerson, string?>? answer, NationalIdDisclosure ids) => new("บุคลากรกลุ่มเป้าหมาย",
        new("ชื่อ", p => p.Name, Link: person, Width: 30),
        new("เลขประจำตัวประชาชน", p => ids.Show(p.NationalId), Width: 18, OnScreen: false),
        new("ตำแหน่ง", p => PersonnelText.Label(p.Position), Width: 22),
        new("สถานที่ปฏิบัติงาน", p => p.Workplace, Width: 36, Wrap: true),
        new("การตอบ", p => SurveyTargets.Label(p.Answer) + (p.PlanStatus is { } s ? $" ({T.Label(s)})" : ""), Link: answer, Width: 30));

    /// <summary>"1 ต.ค. 2568 – 31 ต.ค. 2568", "ตั้งแต่ …", "ถึง …" or "ตลอดปีงบประมาณ".</summary>
    public static string Window(DateOnly? opens, DateOnly? closes) => (opens, closes) switch
    {
        ({ } o, { } c) => $"{ThaiDate.Short(o)} – {ThaiDate.Short(c)}",
        ({ } o, null) => $"ตั้งแต่ {ThaiDate.Short(o)}",
        (null, { } c) => $"ถึง {ThaiDate.Short(c)}",
        _ => "ไม่กำหนด",
    };

    /// <summary>An ?answer= filter: blank is everyone; false when it is not one of Plan, Form, None.</summary>
    public static bool TryReadAnswer(string? text, out SurveyAnswer? answer)
    {
        answer = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Enum.TryParse<SurveyAnswer>(text, ignoreCase: true, out var a) || !Enum.IsDefined(a) || int.TryParse(text, out _)) return false;
        answer = a;
        return true;
    }
}
