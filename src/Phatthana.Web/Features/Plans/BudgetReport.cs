using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// Budget follow-up declared once — per category, per project, per month, and the cumulative % disbursed against the curve as
/// a chart — for the page (its tables and the chart's SVG) and its Excel, PDF and Word files.
/// </summary>
public static class BudgetReport
{
    public const string Title = "ติดตามการเบิกจ่ายงบประมาณ";
    public const string TargetSeries = "เป้าหมายการเบิกจ่าย (ร้อยละสะสม)";
    public const string ActualSeries = "เบิกจ่ายจริง (ร้อยละสะสม)";

    public static readonly TableSpec<CategoryBudget> CategoriesTable = new("จำแนกตามหมวดงบประมาณ",
        new TableColumn<CategoryBudget>("หมวดงบประมาณ", c => PlansText.Label(c.Category), Width: 24),
        new TableColumn<CategoryBudget>("จัดสรร", c => c.Allocated, CellKind.Decimal, Width: 18),
        new TableColumn<CategoryBudget>("ผูกพัน", c => c.Committed, CellKind.Decimal, Width: 18),
        new TableColumn<CategoryBudget>("เบิกจ่าย", c => c.Disbursed, CellKind.Decimal, Width: 18),
        new TableColumn<CategoryBudget>("คงเหลือ", c => c.Remaining, CellKind.Decimal, Width: 18),
        new TableColumn<CategoryBudget>("ร้อยละเบิกจ่าย", c => c.DisbursedPercent, CellKind.Decimal, Width: 12));

    public static TableSpec<MonthBudget> MonthsTable(BudgetFollowUp f) => new("รายเดือน",
        new TableColumn<MonthBudget>("เดือน", m => BudgetRules.Label(m.Start), Width: 14),
        new TableColumn<MonthBudget>("ผูกพัน", m => m.Committed, CellKind.Decimal, Width: 18),
        new TableColumn<MonthBudget>("เบิกจ่าย", m => m.Disbursed, CellKind.Decimal, Width: 18),
        new TableColumn<MonthBudget>("เบิกจ่ายสะสม", m => Begun(f, m) ? m.CumulativeDisbursed : null, CellKind.Decimal, Width: 18),
        new TableColumn<MonthBudget>("ร้อยละสะสม", m => Begun(f, m) ? m.CumulativePercent : null, CellKind.Decimal, Width: 12),
        new TableColumn<MonthBudget>("เป้าหมายร้อยละสะสม", m => m.TargetPercent, CellKind.Decimal, Width: 14),
        new TableColumn<MonthBudget>("ผล", m => Reached(f, m), Width: 14));

    public static readonly TableSpec<ProjectBudget> ProjectsTable = new("รายโครงการ",
        new TableColumn<ProjectBudget>("โครงการ", p => p.Name, Link: p => $"/projects/{p.Id}#disbursements", Width: 40, Wrap: true),
        new TableColumn<ProjectBudget>("แผน", p => $"{p.Plan} ยุทธศาสตร์ที่ {p.Strategy}", Width: 30, Wrap: true, OnScreen: false),
        new TableColumn<ProjectBudget>("จัดสรร", p => p.Allocated, CellKind.Decimal, Width: 16),
        new TableColumn<ProjectBudget>("ผูกพัน", p => p.Committed, CellKind.Decimal, Width: 16),
        new TableColumn<ProjectBudget>("เบิกจ่าย", p => p.Disbursed, CellKind.Decimal, Width: 16),
        new TableColumn<ProjectBudget>("คงเหลือ", p => p.Remaining, CellKind.Decimal, Width: 16),
        new TableColumn<ProjectBudget>("ร้อยละเบิกจ่าย", p => p.DisbursedPercent, CellKind.Decimal, Width: 11),
        new TableColumn<ProjectBudget>("สถานะ", p => Flag(p), Width: 22, Wrap: true));

    /// <summary>Where a project stands: over its allocation, behind the curve at the judged month, on it, or not judged.</summary>
    public static string Flag(ProjectBudget p) =>
        p.OverAllocated.Count > 0 ? $"เกินงบประมาณ ({string.Join(", ", p.OverAllocated.Select(PlansText.Label))})"
        : p.Status == ProjectStatus.Cancelled ? PlansText.Label(p.Status)
        : p.BehindCurve ? "ต่ำกว่าเป้าหมาย"
        : p.JudgedPercent is null ? "—"
        : "ตามเป้าหมาย";

    /// <summary>An ended month's cumulative share against its target; nothing for the month under way, one to come, or without a budget.</summary>
    public static string Reached(BudgetFollowUp f, MonthBudget m) =>
        m.Reached is not { } reached || f.JudgedMonth is null || string.CompareOrdinal(m.Month, f.JudgedMonth) > 0 ? "" : reached ? "ถึงเป้าหมาย" : "ต่ำกว่าเป้าหมาย";

    /// <summary>Whether the month has begun (a month to come has no cumulative to show yet).</summary>
    public static bool Begun(BudgetFollowUp f, MonthBudget m) => f.Months.TakeWhile(x => x.Month != m.Month).Count() < f.MonthsBegun;

    /// <summary>The area's (or plan's) totals as a row of a table: "รวม" first, the amounts, nothing in the text columns after.</summary>
    public static ReportRow TotalRow<T>(TableSpec<T> spec, T row) =>
        new([.. spec.ToReport([row]).Rows[0].Values.Select((v, i) => i == 0 ? "รวม" : v is string ? "" : v)]);

    public static CategoryBudget Total(BudgetFollowUp f) => new(default, f.Total.Allocated, f.Total.Committed, f.Total.Disbursed);

    /// <summary>The categories' table on a page, with the totals as its last row labelled รวม.</summary>
    public static TableView CategoriesView(IReadOnlyList<CategoryBudget> categories, BudgetAmounts total, DisplayFormat fmt)
    {
        var view = CategoriesTable.ToView([.. categories, new CategoryBudget(default, total.Allocated, total.Committed, total.Disbursed)], fmt);
        return view with { Rows = [.. view.Rows.SkipLast(1), [view.Rows[^1][0] with { Text = "รวม" }, .. view.Rows[^1].Skip(1)]] };
    }

    public static ProjectBudget TotalProject(BudgetFollowUp f) =>
        new(Guid.Empty, "รวม", Guid.Empty, "", Guid.Empty, 0, ProjectStatus.InProgress, f.Total.Allocated, f.Total.Committed, f.Total.Disbursed, null, false, []);

    /// <summary>"ประเมิน ณ สิ้นเดือน พ.ย. 2569: เป้าหมายร้อยละ 20 เบิกจ่ายแล้วร้อยละ 12.50" — or that the year has not reached its first month's end.</summary>
    public static string Judged(BudgetFollowUp f) => f.JudgedMonth is null
        ? "ยังไม่สิ้นเดือนแรกของปีงบประมาณ — ยังไม่ประเมินเทียบเป้าหมาย"
        : $"ประเมิน ณ สิ้นเดือน {BudgetRules.Label(f.Months.First(m => m.Month == f.JudgedMonth).Start)}: เป้าหมายร้อยละ {f.JudgedTarget:0.##}" +
          (f.JudgedPercent is { } p ? $" เบิกจ่ายแล้วร้อยละ {p:0.00}" : "");

    public static string CurveNote(CurveDto c) => c.IsDefault
        ? BudgetRules.DefaultNote
        : "เป้าหมายของเขตพื้นที่: " + string.Join(", ", c.Quarters.Select(q => $"ไตรมาส {q.Quarter} ร้อยละ {q.Percent:0.##}"));

    /// <summary>The cumulative % disbursed of the months begun against the curve's monthly target.</summary>
    public static ChartSpec Chart(BudgetFollowUp f) => new(ChartKind.Line, "ร้อยละการเบิกจ่ายสะสมเทียบเป้าหมาย",
        [.. f.Months.Select(m => $"{ThaiDate.MonthAbbreviations[m.Start.Month - 1]}{ThaiDate.ToBuddhistYear(m.Start.Year) % 100:00}")],
        [
            new ChartSeries(TargetSeries, [.. f.Months.Select(m => (double)m.TargetPercent)], "#7f8c8d"),
            new ChartSeries(ActualSeries, [.. f.Months.Take(f.MonthsBegun).Select(m => (double)(m.CumulativePercent ?? 0))], "#1f5f8b"),
        ]) { ValueAxis = "ร้อยละ", ValueMax = 100 };

    public static async Task<Report> BuildAsync(HttpContext http, Area area, BudgetFollowUp f, string? plan, CancellationToken ct = default)
    {
        var months = MonthsTable(f);
        var report = await ReportResults.StartAsync(http, $"{Title} ปีงบประมาณ {f.FiscalYear}", area, $"budget-{area.Code}-{f.FiscalYear}", ct);
        return report with
        {
            Subtitles = [plan is null ? "ทุกแผนของเขตพื้นที่" : plan, Judged(f), CurveNote(f.Curve)],
            Orientation = PageOrientation.Landscape,
            Blocks =
            [
                new TableBlock(CategoriesTable.ToReport(f.Categories) with { Total = TotalRow(CategoriesTable, Total(f)) }),
                new ChartBlock(Chart(f), 0.8f),
                new TableBlock(months.ToReport(f.Months)),
                new TableBlock(ProjectsTable.ToReport(f.Projects) with { Total = TotalRow(ProjectsTable, TotalProject(f)) }),
                new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้อำนวยการกลุ่มนโยบายและแผน")]),
            ],
        };
    }
}
