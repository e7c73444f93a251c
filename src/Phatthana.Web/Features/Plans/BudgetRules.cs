using System.Globalization;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record QuarterTargetInput(int? Quarter, decimal? Percent);

/// <summary>
/// The calendar and arithmetic of budget follow-up, pure: the twelve months of a fiscal year (ต.ค.–ก.ย.), its quarters, the
/// disbursement target curve (a cumulative percentage of the year's budget by the end of each quarter, spread evenly over the
/// quarter's months for a monthly line), and which month a year under way is judged at.
/// </summary>
public static class BudgetRules
{
    /// <summary>
    /// The curve used when an area has set none for a year: the targets the cabinet commonly sets for overall disbursement
    /// (ไตรมาส 1 ร้อยละ 30, 2 ร้อยละ 52, 3 ร้อยละ 77, 4 ร้อยละ 100). Each year's own resolution may differ — the pages say so.
    /// </summary>
    public static readonly IReadOnlyList<decimal> DefaultCurve = [30m, 52m, 77m, 100m];

    public const string DefaultNote = "ค่าเริ่มต้น (ไตรมาส 1 ร้อยละ 30, ไตรมาส 2 ร้อยละ 52, ไตรมาส 3 ร้อยละ 77, ไตรมาส 4 ร้อยละ 100) — ตรวจสอบกับมติคณะรัฐมนตรีและหนังสือสั่งการเรื่องเป้าหมายการเบิกจ่ายของปีงบประมาณนี้";

    /// <summary>The first days of the fiscal year's months, October to September.</summary>
    public static IReadOnlyList<DateOnly> Months(int fiscalYear)
    {
        var start = SchoolCalendar.FiscalYearStart(fiscalYear);
        return [.. Enumerable.Range(0, 12).Select(start.AddMonths)];
    }

    /// <summary>Quarter 1–4 of the fiscal year a month is in (ต.ค.–ธ.ค. is the first).</summary>
    public static int Quarter(DateOnly month) => (month.Month + 2) % 12 / 3 + 1;

    /// <summary>"operations": a category as the API's field names write it (<c>budget.operations</c>, <c>totals.operations</c>).</summary>
    public static string Field(BudgetCategory category) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    /// <summary>"2026-11" as the API writes a month.</summary>
    public static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"พ.ย. 2569" as people read it.</summary>
    public static string Label(DateOnly month) => $"{ThaiDate.MonthAbbreviations[month.Month - 1]} {ThaiDate.ToBuddhistYear(month.Year)}";

    /// <summary>Reads "yyyy-MM" (ค.ศ., as the API's dates) to the month's first day; false when it is not one.</summary>
    public static bool TryReadMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month.Year is >= ThaiDate.MinYear and <= ThaiDate.MaxYear;

    /// <summary>
    /// The curve's target for the end of each of the twelve months: the quarter's rise spread evenly over its three months
    /// (30 % by December is 10 % by October and 20 % by November), two decimals.
    /// </summary>
    public static IReadOnlyList<decimal> MonthlyTargets(IReadOnlyList<decimal> curve) =>
    [
        .. Enumerable.Range(0, 12).Select(i =>
        {
            var (q, k) = (i / 3, i % 3 + 1);
            var before = q == 0 ? 0m : curve[q - 1];
            return Math.Round(before + (curve[q] - before) * k / 3m, 2, MidpointRounding.AwayFromZero);
        }),
    ];

    /// <summary>
    /// The index (0 = October) of the last month of the fiscal year that has ended by <paramref name="today"/>: the month the
    /// year is judged at against the curve. -1 before the first month has ended; 11 once the year is over.
    /// </summary>
    public static int JudgedMonth(int fiscalYear, DateOnly today)
    {
        var start = SchoolCalendar.FiscalYearStart(fiscalYear);
        var current = (today.Year - start.Year) * 12 + today.Month - start.Month;
        return Math.Clamp(current - 1, -1, 11);
    }

    /// <summary>Part of a whole in percent with two decimals; none when there is no whole (no budget to measure against).</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A curve as sent: every quarter 1–4 once, each a percentage 0–100, never lower than the quarter before (the curve is
    /// cumulative). Returns the four percentages in quarter order, or null with the reasons in <paramref name="checks"/>.
    /// </summary>
    public static IReadOnlyList<decimal>? ReadCurve(IReadOnlyList<QuarterTargetInput?> rows, Checks checks)
    {
        var found = new decimal?[4];
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var p = $"[{i}]";
            if (row is null) { checks.Add(p, "แถวว่าง"); continue; }
            if (row.Quarter is not { } q || q is < 1 or > 4) { checks.Add(p + ".quarter", "ไตรมาสต้องเป็น 1 ถึง 4"); continue; }
            if (row.Percent is not { } v) checks.Add(p + ".percent", $"กรุณาระบุร้อยละเป้าหมายของไตรมาส {q}");
            else if (v is < 0 or > 100) checks.Add(p + ".percent", $"ร้อยละเป้าหมายของไตรมาส {q} ต้องอยู่ระหว่าง 0 ถึง 100");
            else if (decimal.Round(v, 2) != v) checks.Add(p + ".percent", $"ร้อยละเป้าหมายของไตรมาส {q} มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง");
            if (found[q - 1] is not null || rows.Take(i).Any(r => r?.Quarter == q)) checks.Add(p + ".quarter", $"ไตรมาส {q} ซ้ำกัน");
            else if (row.Percent is { } ok && !checks.Has(p + ".percent")) found[q - 1] = ok;
        }
        if (!checks.IsValid) return null;
        if (found.Select((v, i) => (v, i)).Where(x => x.v is null).Select(x => x.i + 1).ToList() is { Count: > 0 } missing)
        {
            checks.Add("", $"กรุณาระบุเป้าหมายให้ครบทั้ง 4 ไตรมาส (ยังขาดไตรมาส {string.Join(", ", missing)})");
            return null;
        }
        for (var q = 1; q < 4; q++)
            if (found[q] < found[q - 1])
            {
                var at = rows.Select((r, i) => (r, i)).First(x => x.r?.Quarter == q + 1).i;
                checks.Add($"[{at}].percent", $"เป้าหมายเป็นร้อยละสะสม: ไตรมาส {q + 1} ({found[q]:0.##}) ต้องไม่น้อยกว่าไตรมาส {q} ({found[q - 1]:0.##})");
            }
        return checks.IsValid ? [.. found.Select(v => v!.Value)] : null;
    }
}
