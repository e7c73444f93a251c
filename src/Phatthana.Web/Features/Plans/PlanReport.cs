using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// A plan as seed 004 prints it: ยุทธศาสตร์ | กิจกรรม/โครงการ | ตัวชี้วัด | ค่าเป้าหมาย of each year — and beside each target what
/// was achieved so far (actual, achievement, light), so the same table serves the plan and its follow-up.
/// </summary>
public static class PlanReport
{
    public static async Task<Report> BuildAsync(HttpContext http, PlanDto plan, Guid areaId)
    {
        var area = await http.RequestServices.GetRequiredService<Data.AppDbContext>().Areas.FindAsync(areaId);
        var years = Enumerable.Range(plan.StartFiscalYear, plan.EndFiscalYear - plan.StartFiscalYear + 1).ToList();
        var columns = new List<ReportColumn>
        {
            new("ยุทธศาสตร์", CellKind.Text, 34, Wrap: true), new("กิจกรรม/โครงการ", CellKind.Text, 40, Wrap: true), new("ตัวชี้วัด", CellKind.Text, 44, Wrap: true),
        };
        columns.AddRange(years.Select(y => new ReportColumn($"ค่าเป้าหมาย {y}", CellKind.Text, 18, Wrap: true)));
        var rows = new List<ReportRow>();
        foreach (var s in plan.Strategies)
        {
            var strategy = $"ยุทธศาสตร์ที่ {s.Number} {s.Name}";
            var kpis = plan.Kpis.Where(k => k.StrategyId == s.Id || (k.ProjectId is { } p && plan.Projects.Any(x => x.Id == p && x.StrategyId == s.Id))).ToList();
            var projects = string.Join("\n", plan.Projects.Where(p => p.StrategyId == s.Id).Select(p => $"• {p.Name} ({p.FiscalYear})"));
            if (kpis.Count == 0) rows.Add(new ReportRow([strategy, projects, "—", .. years.Select(_ => (object?)"")]));
            foreach (var (k, i) in kpis.Select((k, i) => (k, i)))
                rows.Add(new ReportRow([i == 0 ? strategy : "", i == 0 ? projects : "", Name(k, plan), .. k.Years.Select(y => (object?)Cell(k, y))]));
        }
        foreach (var k in plan.Kpis.Where(k => k.StrategyId is null && k.ProjectId is null))
            rows.Add(new ReportRow(["ทั้งแผน", "", Name(k, plan), .. k.Years.Select(y => (object?)Cell(k, y))]));
        var report = await ReportResults.StartAsync(http, plan.Name, area, $"plan-{plan.Id:N}");
        return report with
        {
            Subtitles = [$"{PlansText.Label(plan.Kind)} ปีงบประมาณ {(plan.StartFiscalYear == plan.EndFiscalYear ? plan.StartFiscalYear.ToString() : $"{plan.StartFiscalYear}–{plan.EndFiscalYear}")}",
                "ค่าเป้าหมาย / ผล (ร้อยละของเป้าหมาย) — ผลของตัวชี้วัดที่ผูกกับข้อมูลในระบบคำนวณ ณ วันที่พิมพ์"],
            Orientation = PageOrientation.Landscape,
            Blocks = [new TableBlock(new ReportTable("แผนพัฒนา", columns, rows) { ShowTitle = false }), new SignatureBlock([new Signer("ผู้จัดทำแผน"), new Signer("ผู้อนุมัติแผน")])],
        };
    }

    private static string Name(KpiDto k, PlanDto plan) =>
        k.Name + (k.MetricName is not null ? " (คำนวณจากข้อมูลในระบบ)" : "") + (k.ProjectId is { } p ? $" — {plan.Projects.FirstOrDefault(x => x.Id == p)?.Name}" : "");

    /// <summary>"80 / ผล 64.00 (80.00 %) ใกล้บรรลุ": the target, then what was achieved so far when there is an actual.</summary>
    public static string Cell(KpiDto k, KpiYearDto y)
    {
        var unit = k.Unit == KpiUnit.Percent ? "ร้อยละ " : "";
        var target = y.Target is { } t ? $"{unit}{t:0.##}" : "—";
        return y.Actual is { } a ? $"{target}\nผล {a:0.##}" + (y.Achievement is { } ach ? $" ({ach:0.##}%) {PlansText.Label(y.Light)}" : "") : target;
    }
}
