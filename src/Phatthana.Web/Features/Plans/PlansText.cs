namespace Phatthana.Web.Features.Plans;

/// <summary>Thai labels of plans, projects, KPIs and budgets, in one place for a Thai reader to review.</summary>
public static class PlansText
{
    public const string Plans = "แผนพัฒนา";

    public static string Label(BudgetCategory category) => category switch
    {
        BudgetCategory.Personnel => "งบบุคลากร",
        BudgetCategory.Operations => "งบดำเนินงาน",
        BudgetCategory.Investment => "งบลงทุน",
        BudgetCategory.Subsidy => "งบเงินอุดหนุน",
        _ => "งบรายจ่ายอื่น",
    };

    public static string Label(PlanKind kind) => kind == PlanKind.MultiYear ? "แผนระยะยาว" : "แผนปฏิบัติการประจำปี";

    public static string Label(KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => "ร้อยละ",
        KpiUnit.Count => "จำนวน",
        _ => "บาท",
    };

    public static string Label(KpiDirection direction) => direction == KpiDirection.HigherIsBetter ? "ยิ่งมากยิ่งดี" : "ยิ่งน้อยยิ่งดี";

    public static string Label(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => "ยังไม่เริ่ม",
        ProjectStatus.InProgress => "กำลังดำเนินการ",
        ProjectStatus.Completed => "เสร็จสิ้น",
        _ => "ยกเลิก",
    };

    public static string Label(TrafficLight light) => light switch
    {
        TrafficLight.Green => "บรรลุเป้าหมาย",
        TrafficLight.Amber => "ใกล้บรรลุ",
        TrafficLight.Red => "ต่ำกว่าเป้าหมาย",
        _ => "ยังไม่มีผล",
    };
}
