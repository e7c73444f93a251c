namespace Phatthana.Web.Features.Organisation.Networks;

public static class NetworkText
{
    public const string Role = "ตำแหน่ง";
    public const string Metric = "ตัวชี้วัด";

    public static string Label(NetworkRoleKind role) => role switch
    {
        NetworkRoleKind.Chair => "ประธาน",
        NetworkRoleKind.Committee => "กรรมการ",
        NetworkRoleKind.Secretary => "เลขานุการ",
        _ => role.ToString(),
    };

    public static string Label(GoalMetric metric) => metric switch
    {
        GoalMetric.OnetAboveNational => "O-NET เฉลี่ยสูงกว่าระดับประเทศ (คะแนน)",
        GoalMetric.OnetGain => "O-NET เฉลี่ยสูงขึ้นจากปีก่อน (ร้อยละ)",
        GoalMetric.QaPassed => "โรงเรียนผ่านการประกันคุณภาพ (ร้อยละ)",
        GoalMetric.Other => "อื่น ๆ (กรอกผลเอง)",
        _ => metric.ToString(),
    };

    /// <summary>The goal's wording when none is typed, as seed 000 writes its goals.</summary>
    public static string DefaultTitle(GoalMetric metric, decimal target) => metric switch
    {
        GoalMetric.OnetAboveNational => target == 0 ? "O-NET เฉลี่ยสูงกว่าระดับประเทศ" : $"O-NET เฉลี่ยสูงกว่าระดับประเทศ {target:0.##} คะแนน",
        GoalMetric.OnetGain => $"O-NET เฉลี่ยสูงขึ้นจากปีก่อน ร้อยละ {target:0.##}",
        GoalMetric.QaPassed => $"ผ่านการประกันคุณภาพ ร้อยละ {target:0.##}",
        _ => $"เป้าหมาย {target:0.##}",
    };

    public static bool IsOnet(GoalMetric metric) => metric is GoalMetric.OnetAboveNational or GoalMetric.OnetGain;
}
