using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record TargetInput(int? FiscalYear, decimal? Target);

public sealed record KpiInput(string? Name, string? Unit, string? Direction, string? Strategy, string? Project, string? Metric, List<TargetInput?>? Targets,
    int? SortOrder, int? Version);

public sealed record ActualInput(decimal? Value, string? Note, string? Evidence);

/// <summary>
/// A KPI of a plan: of a strategy or a project of that plan (or the plan as a whole), its unit and direction, targets only for
/// the plan's years (a percentage 0–100, never negative), and — when bound to a live metric — a metric of the same unit
/// (one that needs a project only on a project's KPI). Actuals are entered per half-year for KPIs that are not bound.
/// </summary>
public sealed class SaveKpi(AppDbContext db, KpiMetrics metrics, UserScope scope)
{
    public async Task<Outcome<Kpi>> SaveAsync(DevelopmentPlan plan, Kpi? kpi, KpiInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<Kpi>.Invalid([new("", "กรุณาส่งตัวชี้วัด")]);
        var checks = new Checks().Text(input.Name, "name", "ชื่อตัวชี้วัด", DataSchema.TextLength);
        var unit = Parse<KpiUnit>(input.Unit, "unit", "หน่วยนับ", checks);
        var direction = Checks.Clean(input.Direction) is null ? KpiDirection.HigherIsBetter : Parse<KpiDirection>(input.Direction, "direction", "ทิศทาง", checks);
        Guid? strategy = null, project = null;
        if (Checks.Clean(input.Project) is { } p)
        {
            project = Guid.TryParse(p, out var pid) ? await db.PlanProjects.AsNoTracking().Where(x => x.Id == pid && x.PlanId == plan.Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct) : null;
            if (project is null) checks.Add("project", "ไม่พบโครงการนี้ในแผน");
        }
        if (Checks.Clean(input.Strategy) is { } s)
        {
            var q = db.PlanStrategies.AsNoTracking().Where(x => x.PlanId == plan.Id);
            q = Guid.TryParse(s, out var sid) ? q.Where(x => x.Id == sid) : int.TryParse(s, out var n) ? q.Where(x => x.Number == n) : q.Where(_ => false);
            strategy = await q.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            if (strategy is null) checks.Add("strategy", $"ไม่พบยุทธศาสตร์ \"{s}\" ในแผน");
        }
        string? metric = null;
        if (Checks.Clean(input.Metric) is { } m)
        {
            if (metrics.Find(m) is not { } found) checks.Add("metric", $"ไม่รู้จักตัววัด \"{m}\" — ใช้ได้: {string.Join(", ", metrics.All.Select(x => x.Key))}");
            else if (unit is { } u && found.Unit != u)
                checks.Add("metric", $"ตัววัด \"{found.Name}\" นับเป็น{PlansText.Label(found.Unit)} ไม่ตรงกับหน่วยนับของตัวชี้วัด ({PlansText.Label(u)})");
            else if (found.NeedsProject && Checks.Clean(input.Project) is null) checks.Add("metric", $"ตัววัด \"{found.Name}\" ใช้กับตัวชี้วัดของโครงการเท่านั้น — ระบุโครงการ");
            else metric = found.Key;
        }
        var targets = new Dictionary<int, decimal>();
        foreach (var (t, i) in (input.Targets ?? []).Select((t, i) => (t, i)))
        {
            var path = $"targets[{i}]";
            if (t?.FiscalYear is not { } year) { checks.Add(path + ".fiscalYear", "กรุณาระบุปีงบประมาณของค่าเป้าหมาย"); continue; }
            if (!plan.Covers(year)) checks.Add(path + ".fiscalYear", $"ปีงบประมาณ {year} อยู่นอกช่วงของแผน ({plan.StartFiscalYear}–{plan.EndFiscalYear})");
            else if (targets.ContainsKey(year)) checks.Add(path + ".fiscalYear", $"ค่าเป้าหมายปี {year} ซ้ำกัน");
            if (t.Target is not { } value) checks.Add(path + ".target", $"กรุณาระบุค่าเป้าหมายปี {year}");
            else if (!Fits(value, unit)) checks.Add(path + ".target", unit == KpiUnit.Percent ? "ค่าเป้าหมายร้อยละต้องอยู่ระหว่าง 0 ถึง 100" : "ค่าเป้าหมายต้องไม่ติดลบ");
            else targets.TryAdd(year, value);
        }
        if (!checks.IsValid) return Outcome<Kpi>.Invalid([.. checks.Errors]);

        if (kpi is null)
        {
            kpi = new Kpi { AreaId = plan.AreaId, PlanId = plan.Id, Name = "" };
            db.Kpis.Add(kpi);
        }
        else if (input.Version is { } v) db.Entry(kpi).Property(x => x.Version).OriginalValue = v;
        (kpi.Name, kpi.Unit, kpi.Direction, kpi.StrategyId, kpi.ProjectId, kpi.Metric, kpi.SortOrder) =
            (Checks.Clean(input.Name)!, unit!.Value, direction!.Value, strategy, project, metric, input.SortOrder ?? kpi.SortOrder);
        var existing = await db.KpiTargets.Where(x => x.KpiId == kpi.Id).ToListAsync(ct);
        db.KpiTargets.RemoveRange(existing.Where(e => !targets.ContainsKey(e.FiscalYear)));
        foreach (var (year, value) in targets)
            if (existing.FirstOrDefault(e => e.FiscalYear == year) is { } row) row.Target = value;
            else db.KpiTargets.Add(new KpiTarget { AreaId = plan.AreaId, KpiId = kpi.Id, FiscalYear = year, Target = value });
        return await db.TrySaveAsync(kpi, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>An actual of a half-year of one of the plan's years, for a KPI that is not bound to a live metric.</summary>
    public async Task<Outcome<KpiActual>> RecordAsync(DevelopmentPlan plan, Kpi kpi, int fiscalYear, int half, ActualInput? input, CancellationToken ct = default)
    {
        if (kpi.Metric is not null) return Outcome<KpiActual>.Duplicate("", "ตัวชี้วัดนี้คำนวณจากข้อมูลในระบบ จึงไม่ต้องบันทึกผลเอง");
        var checks = new Checks();
        if (!plan.Covers(fiscalYear)) checks.Add("fiscalYear", $"ปีงบประมาณ {fiscalYear} อยู่นอกช่วงของแผน ({plan.StartFiscalYear}–{plan.EndFiscalYear})");
        if (half is not (1 or 2)) checks.Add("half", "รอบต้องเป็น 1 (ต.ค.–มี.ค.) หรือ 2 (เม.ย.–ก.ย.)");
        if (input is null) return Outcome<KpiActual>.Invalid([.. checks.Errors, new("", "กรุณาส่งผลการดำเนินงาน")]);
        if (input.Value is not { } value) checks.Add("value", "กรุณาระบุผลการดำเนินงาน");
        else if (!Fits(value, kpi.Unit)) checks.Add("value", kpi.Unit == KpiUnit.Percent ? "ผลร้อยละต้องอยู่ระหว่าง 0 ถึง 100" : "ผลต้องไม่ติดลบ");
        checks.Text(input.Note, "note", "หมายเหตุ", DataSchema.TextLength, required: false).Text(input.Evidence, "evidence", "หลักฐาน", DataSchema.TextLength, required: false);
        if (!checks.IsValid) return Outcome<KpiActual>.Invalid([.. checks.Errors]);
        var actual = await db.KpiActuals.FirstOrDefaultAsync(a => a.KpiId == kpi.Id && a.FiscalYear == fiscalYear && a.Half == half, ct);
        if (actual is null)
        {
            actual = new KpiActual { AreaId = kpi.AreaId, KpiId = kpi.Id, FiscalYear = fiscalYear, Half = half };
            db.KpiActuals.Add(actual);
        }
        (actual.Value, actual.Note, actual.Evidence, actual.EnteredBy) = (input.Value!.Value, Checks.Clean(input.Note), Checks.Clean(input.Evidence), scope.DisplayName);
        return await db.TrySaveAsync(actual, "", SaveOutcome.SimultaneousMessage, ct);
    }

    private static bool Fits(decimal value, KpiUnit? unit) => value >= 0 && (unit != KpiUnit.Percent || value <= 100) && value <= SaveProject.MaxBudget;

    private static T? Parse<T>(string? text, string field, string label, Checks checks) where T : struct, Enum
    {
        if (Checks.Clean(text) is { } t && Enum.TryParse<T>(t, out var value) && Enum.IsDefined(value) && !int.TryParse(t, out _)) return value;
        checks.Add(field, $"กรุณาระบุ{label}: {string.Join(", ", Enum.GetNames<T>())}");
        return null;
    }
}
