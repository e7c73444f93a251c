using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record PlanInput(string? Name, string? Kind, int? StartFiscalYear, int? EndFiscalYear, string? Description, int? Version);

public sealed record StrategyInput(int? Number, string? Name, List<string?>? Alignment, int? Version);

/// <summary>
/// A plan and its strategies. A multi-year plan spans 2–5 fiscal years, an annual one exactly one; its years cannot shrink
/// past a year its KPIs have targets for, or its projects run in. Strategies are numbered uniquely within the plan and carry
/// alignment tags from the area's list.
/// </summary>
public sealed class SavePlan(AppDbContext db)
{
    public const string DuplicateName = "มีแผนชื่อนี้แล้วในเขตพื้นที่";
    public const int MaxYears = 5;

    public async Task<Outcome<DevelopmentPlan>> CreateAsync(Area area, PlanInput? input, CancellationToken ct = default)
    {
        var plan = new DevelopmentPlan { AreaId = area.Id, Name = "" };
        var checks = await ReadAsync(plan, input, ct);
        if (!checks.IsValid) return Outcome<DevelopmentPlan>.Invalid([.. checks.Errors]);
        db.DevelopmentPlans.Add(plan);
        return await db.TrySaveAsync(plan, "name", DuplicateName, ct);
    }

    public async Task<Outcome<DevelopmentPlan>> UpdateAsync(DevelopmentPlan plan, PlanInput? input, CancellationToken ct = default)
    {
        var checks = await ReadAsync(plan, input, ct);
        // Nothing is changed on the plan unless every field is good.
        if (!checks.IsValid) return Outcome<DevelopmentPlan>.Invalid([.. checks.Errors]);
        if (input!.Version is { } v) db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        return await db.TrySaveAsync(plan, "name", DuplicateName, ct);
    }

    private async Task<Checks> ReadAsync(DevelopmentPlan plan, PlanInput? input, CancellationToken ct)
    {
        var checks = new Checks();
        if (input is null) return checks.Add("", "กรุณาส่งรายละเอียดแผน");
        checks.Text(input.Name, "name", "ชื่อแผน", DataSchema.NameLength).Text(input.Description, "description", "รายละเอียด", DataSchema.TextLength, required: false);
        var kind = PlanKind.MultiYear;
        if (Checks.Clean(input.Kind) is not { } k || !Enum.TryParse(k, out kind) || !Enum.IsDefined(kind) || int.TryParse(k, out _))
            checks.Add("kind", "ประเภทแผนต้องเป็น MultiYear (แผนระยะยาว) หรือ Annual (แผนปฏิบัติการประจำปี)");
        foreach (var (year, field, label) in new[] { (input.StartFiscalYear, "startFiscalYear", "ปีงบประมาณเริ่มต้น"), (input.EndFiscalYear, "endFiscalYear", "ปีงบประมาณสิ้นสุด") })
            if (year is not { } y) checks.Add(field, $"กรุณาระบุ{label} (พ.ศ.)");
            else if (!SchoolCalendar.IsPlausibleBuddhistYear(y)) checks.Add(field, $"{label} {y} ไม่ใช่ปี พ.ศ.");
        // The years are checked together whatever else is wrong, so every problem is said at once.
        if (!checks.Has("startFiscalYear") && !checks.Has("endFiscalYear") && !checks.Has("kind") && input.StartFiscalYear is { } s && input.EndFiscalYear is { } e)
        {
            if (e < s) checks.Add("endFiscalYear", "ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น");
            else if (kind == PlanKind.Annual && e != s) checks.Add("endFiscalYear", "แผนปฏิบัติการประจำปีครอบคลุมปีงบประมาณเดียว");
            else if (kind == PlanKind.MultiYear && (e - s + 1 < 2 || e - s + 1 > MaxYears)) checks.Add("endFiscalYear", $"แผนระยะยาวครอบคลุม 2 ถึง {MaxYears} ปีงบประมาณ");
            else
            {
                // What the plan already holds must stay inside its years.
                var targets = await db.KpiTargets.Where(t => db.Kpis.Any(k => k.Id == t.KpiId && k.PlanId == plan.Id) && (t.FiscalYear < s || t.FiscalYear > e))
                    .Select(t => t.FiscalYear).Distinct().ToListAsync(ct);
                var projects = await db.PlanProjects.Where(p => p.PlanId == plan.Id && (p.FiscalYear < s || p.FiscalYear > e)).Select(p => p.FiscalYear).Distinct().ToListAsync(ct);
                if (targets.Concat(projects).Distinct().Order().ToList() is { Count: > 0 } outside)
                    checks.Add("startFiscalYear", $"แผนมีค่าเป้าหมายหรือโครงการของปี {string.Join(", ", outside)} อยู่ — ปรับหรือลบออกก่อนเปลี่ยนช่วงปีของแผน");
            }
        }
        if (!checks.IsValid) return checks;
        plan.Name = Checks.Clean(input.Name)!;
        plan.Kind = kind;
        plan.StartFiscalYear = input.StartFiscalYear!.Value;
        plan.EndFiscalYear = input.EndFiscalYear!.Value;
        plan.Description = Checks.Clean(input.Description);
        return checks;
    }

    public async Task<Outcome<PlanStrategy>> SaveStrategyAsync(DevelopmentPlan plan, PlanStrategy? strategy, StrategyInput? input, CancellationToken ct = default)
    {
        var checks = new Checks();
        if (input is null) return Outcome<PlanStrategy>.Invalid([new("", "กรุณาส่งยุทธศาสตร์")]);
        checks.Range(input.Number, 1, 99, "number", "ลำดับยุทธศาสตร์").Text(input.Name, "name", "ชื่อยุทธศาสตร์", DataSchema.TextLength);
        if (input.Number is { } n && await db.PlanStrategies.AnyAsync(x => x.PlanId == plan.Id && x.Number == n && x.Id != (strategy == null ? Guid.Empty : strategy.Id), ct))
            checks.Add("number", $"แผนนี้มียุทธศาสตร์ที่ {n} แล้ว");
        var alignment = await AlignmentAsync(plan.AreaId, input.Alignment, checks, ct);
        if (!checks.IsValid) return Outcome<PlanStrategy>.Invalid([.. checks.Errors]);
        if (strategy is null)
        {
            strategy = new PlanStrategy { AreaId = plan.AreaId, PlanId = plan.Id, Name = "" };
            db.PlanStrategies.Add(strategy);
        }
        else if (input.Version is { } v) db.Entry(strategy).Property(x => x.Version).OriginalValue = v;
        strategy.Number = input.Number!.Value;
        strategy.Name = Checks.Clean(input.Name)!;
        strategy.Alignment = alignment;
        return await db.TrySaveAsync(strategy, "number", "แผนนี้มียุทธศาสตร์ลำดับนี้แล้ว", ct);
    }

    /// <summary>Tags as "source: name" or name alone, each one of the area's list.</summary>
    public async Task<List<string>> AlignmentAsync(Guid areaId, List<string?>? given, Checks checks, CancellationToken ct)
    {
        var tags = given?.Select(Checks.Clean).Where(t => t is not null).Select(t => t!).Distinct().ToList() ?? [];
        if (tags.Count == 0) return [];
        var known = await db.AlignmentTags.AsNoTracking().Where(t => t.AreaId == areaId).Select(t => new { t.Source, t.Name }).ToListAsync(ct);
        var result = new List<string>();
        foreach (var (tag, i) in tags.Select((t, i) => (t, i)))
        {
            var hit = known.FirstOrDefault(k => k.Name == tag || $"{k.Source}: {k.Name}" == tag);
            if (hit is null) checks.Add($"alignment[{i}]", $"ไม่มีความสอดคล้อง \"{tag}\" ในรายการของเขตพื้นที่ — เพิ่มในรายการก่อน");
            else result.Add($"{hit.Source}: {hit.Name}");
        }
        return result;
    }
}
