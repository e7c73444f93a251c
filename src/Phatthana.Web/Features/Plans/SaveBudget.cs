using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record DisbursementInput(string? Month, string? Category, decimal? Committed, decimal? Disbursed, string? Note);

public sealed record DisbursementsInput(List<DisbursementInput?>? Rows, int? Version);

public sealed record CurveInput(List<QuarterTargetInput?>? Quarters);

/// <summary>
/// A project's money, replaced whole: one row per month of the project's fiscal year and category, committed (ก่อหนี้ผูกพันแล้ว
/// ยังไม่เบิก) and disbursed never negative, and per category committed and disbursed together never above what the category
/// was allocated — the over-spend is refused, not saved and flagged. An area's target curve of a fiscal year, replaced whole.
/// </summary>
public sealed class SaveBudget(AppDbContext db)
{
    /// <summary>Twelve months by the five categories.</summary>
    public const int MaxRows = 12 * 5;

    public async Task<Outcome<PlanProject>> SaveDisbursementsAsync(PlanProject project, DisbursementsInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<PlanProject>.Invalid([new("", "กรุณาส่งรายการผูกพันและเบิกจ่ายของโครงการ")]);
        var checks = new Checks();
        var rows = input.Rows ?? [];
        var months = BudgetRules.Months(project.FiscalYear);
        if (rows.Count > MaxRows) checks.Add("rows", $"รายการได้ไม่เกิน {MaxRows} แถว (12 เดือน × 5 หมวดงบประมาณ)");
        var read = new List<Disbursement>();
        var first = new Dictionary<(DateOnly, BudgetCategory), int>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var p = $"rows[{i}]";
            if (row is null) { checks.Add(p, "แถวว่าง"); continue; }
            var month = default(DateOnly);
            if (Checks.Clean(row.Month) is null) checks.Add(p + ".month", "กรุณาระบุเดือน");
            else if (!BudgetRules.TryReadMonth(row.Month, out month)) checks.Add(p + ".month", $"\"{row.Month}\" ไม่ใช่เดือนที่อ่านได้ — ใช้ ปปปป-ดด (ค.ศ.) เช่น {BudgetRules.Key(months[0])}");
            else if (!months.Contains(month))
                checks.Add(p + ".month", $"เดือน {BudgetRules.Label(month)} อยู่นอกปีงบประมาณ {project.FiscalYear} ของโครงการ ({BudgetRules.Label(months[0])} – {BudgetRules.Label(months[^1])})");
            var category = default(BudgetCategory);
            if (Checks.Clean(row.Category) is null) checks.Add(p + ".category", "กรุณาระบุหมวดงบประมาณ");
            else if (!EnumText.TryParse(row.Category, PlansText.Label, out category))
                checks.Add(p + ".category", $"ไม่รู้จักหมวดงบประมาณ \"{row.Category}\" — {EnumText.Allowed<BudgetCategory>(PlansText.Label)}");
            var committed = Amount(checks, row.Committed, p + ".committed", "ยอดผูกพัน");
            var disbursed = Amount(checks, row.Disbursed, p + ".disbursed", "ยอดเบิกจ่าย");
            checks.Text(row.Note, p + ".note", "หมายเหตุ", DataSchema.TextLength, required: false);
            if (checks.Has(p + ".month") || checks.Has(p + ".category")) continue;
            if (first.TryGetValue((month, category), out var j))
                checks.Add(p + ".month", $"{PlansText.Label(category)} เดือน {BudgetRules.Label(month)} ซ้ำกับแถวที่ {j + 1}");
            else first[(month, category)] = i;
            read.Add(new Disbursement
            {
                AreaId = project.AreaId, ProjectId = project.Id, Month = month, Category = category, Committed = committed, Disbursed = disbursed, Note = Checks.Clean(row.Note),
            });
        }
        // Over the rows that could be read, so an over-spend is told with the other mistakes rather than after them.
        foreach (var category in Enum.GetValues<BudgetCategory>())
        {
            var used = read.Where(d => d.Category == category).Sum(d => Math.Max(0, d.Committed) + Math.Max(0, d.Disbursed));
            if (used > project.Budget(category))
                checks.Add($"totals.{BudgetRules.Field(category)}",
                    $"{PlansText.Label(category)}: ผูกพันและเบิกจ่ายรวม {used:#,0.00} บาท เกินงบประมาณที่ได้รับจัดสรร {project.Budget(category):#,0.00} บาท (เกิน {used - project.Budget(category):#,0.00} บาท)");
        }
        if (!checks.IsValid) return Outcome<PlanProject>.Invalid([.. checks.Errors]);

        // Kept rows are changed in place, so the unique (project, category, month) never meets a row being removed.
        var saved = await db.Disbursements.Where(d => d.ProjectId == project.Id).ToListAsync(ct);
        foreach (var row in read)
            if (saved.FirstOrDefault(s => s.Month == row.Month && s.Category == row.Category) is { } old)
                (old.Committed, old.Disbursed, old.Note) = (row.Committed, row.Disbursed, row.Note);
            else db.Disbursements.Add(row);
        db.Disbursements.RemoveRange(saved.Where(s => !read.Any(r => r.Month == s.Month && r.Category == s.Category)));
        if (input.Version is { } v) db.Entry(project).Property(x => x.Version).OriginalValue = v;
        db.Entry(project).State = EntityState.Modified;
        return await db.TrySaveAsync(project, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>Sets the area's curve of a fiscal year: the four quarters' cumulative targets (see <see cref="BudgetRules.ReadCurve"/>).</summary>
    public async Task<Outcome<CurveDto>> SaveCurveAsync(Guid areaId, int fiscalYear, CurveInput? input, CancellationToken ct = default)
    {
        if (!Shared.Thai.SchoolCalendar.IsPlausibleBuddhistYear(fiscalYear))
            return Outcome<CurveDto>.Invalid([new("fiscalYear", $"ปีงบประมาณ {fiscalYear} ไม่ถูกต้อง — ใช้ปี พ.ศ. เช่น 2570")]);
        var checks = new Checks();
        var curve = BudgetRules.ReadCurve(input?.Quarters ?? [], checks);
        if (curve is null) return Outcome<CurveDto>.Invalid([.. checks.Errors.Select(e => e with { Field = "quarters" + e.Field })]);
        var saved = await db.DisbursementTargets.Where(t => t.AreaId == areaId && t.FiscalYear == fiscalYear).ToListAsync(ct);
        for (var q = 1; q <= 4; q++)
        {
            if (saved.FirstOrDefault(t => t.Quarter == q) is not { } target)
                db.DisbursementTargets.Add(target = new DisbursementTarget { AreaId = areaId, FiscalYear = fiscalYear, Quarter = q });
            target.Percent = curve[q - 1];
        }
        return await db.TrySaveAsync(CurveDto.Of(fiscalYear, curve), "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>Back to the default curve: the area's own targets of the year are removed.</summary>
    public async Task ResetCurveAsync(Guid areaId, int fiscalYear, CancellationToken ct = default)
    {
        db.DisbursementTargets.RemoveRange(await db.DisbursementTargets.Where(t => t.AreaId == areaId && t.FiscalYear == fiscalYear).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    private static decimal Amount(Checks checks, decimal? value, string field, string label)
    {
        var amount = value ?? 0;
        if (amount < 0) checks.Add(field, $"{label}ต้องไม่ติดลบ");
        else if (amount > SaveProject.MaxBudget) checks.Add(field, $"{label}มากเกินไป");
        else if (decimal.Round(amount, 2) != amount) checks.Add(field, $"{label}มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)");
        return amount;
    }
}
