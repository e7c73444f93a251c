using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>
/// The area's budget follow-up of a fiscal year (or one plan's): totals per category, each project against its allocation and
/// the curve, the months' cumulative % disbursed against the curve as a chart and a table, the curve's editor for area staff;
/// the same as Excel, PDF and Word.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class BudgetModel(AppDbContext db, RouteScope route, UserScope user, BudgetView view, SaveBudget save, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Fy { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Plan { get; set; }
    /// <summary>The curve's four quarters as the editor sends them.</summary>
    [BindProperty] public List<decimal?> Curve { get; set; } = [];
    public Area Area => route.Area;
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);
    public int Year { get; private set; }
    public BudgetFollowUp FollowUp { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Plans { get; private set; } = [];
    public string? PlanName => Plans.FirstOrDefault(p => p.Id == Plan).Name;
    public bool CurveSent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        await LoadAsync();
        Curve = [.. FollowUp.Curve.Quarters.Select(q => (decimal?)q.Percent)];
        if (format is { } f) return ReportResults.File(HttpContext, await BudgetReport.BuildAsync(HttpContext, Area, FollowUp, PlanName, HttpContext.RequestAborted), f).ToActionResult();
        return Page();
    }

    public async Task<IActionResult> OnPostCurveAsync()
    {
        CurveSent = true;
        if (!CanWrite) return Forbid();
        var year = ReadYear();
        var quarters = Enumerable.Range(0, 4).Select(i => (QuarterTargetInput?)new QuarterTargetInput(i + 1, i < Curve.Count ? Curve[i] : null)).ToList();
        var outcome = await save.SaveCurveAsync(Area.Id, year, new CurveInput(quarters), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            // "quarters[2].percent" is the third box of the editor.
            foreach (var e in outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []))
                ModelState.AddModelError(e.Field.StartsWith("quarters[") && e.Field.IndexOf(']') is var close and > 9 ? $"Curve{e.Field[8..(close + 1)]}" : "", e.Message);
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = $"บันทึกเป้าหมายการเบิกจ่ายปีงบประมาณ {year} แล้ว";
        return Redirect(Link(year, Plan) + "#curve");
    }

    public async Task<IActionResult> OnPostResetCurveAsync()
    {
        if (!CanWrite) return Forbid();
        var year = ReadYear();
        await save.ResetCurveAsync(Area.Id, year, HttpContext.RequestAborted);
        TempData["Flash"] = $"ใช้เป้าหมายการเบิกจ่ายค่าเริ่มต้นสำหรับปีงบประมาณ {year} แล้ว";
        return Redirect(Link(year, Plan) + "#curve");
    }

    public string Link(int year, Guid? plan, string? format = null) =>
        $"/areas/{Area.Code}/budget?fy={year}" + (plan is { } p ? $"&plan={p}" : "") + (format is null ? "" : $"&format={format}");

    /// <summary>The year asked, or this fiscal year when none (or one no one would mean) is asked.</summary>
    private int ReadYear() => Fy is { } y && SchoolCalendar.IsPlausibleBuddhistYear(y) ? y : SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Year = ReadYear();
        var plans = await db.DevelopmentPlans.AsNoTracking().Where(p => p.AreaId == Area.Id && p.StartFiscalYear <= Year && p.EndFiscalYear >= Year)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Plans = [.. plans.OrderBy(p => p.Name, ThaiText.Comparer).Select(p => (p.Id, p.Name))];
        if (Plan is { } id && Plans.All(p => p.Id != id)) Plan = null;
        var years = await db.PlanProjects.AsNoTracking().Where(p => p.AreaId == Area.Id).Select(p => p.FiscalYear).Distinct().ToListAsync(ct);
        Years = [.. years.Append(Year).Append(SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time))).Distinct().OrderByDescending(y => y)];
        FollowUp = await view.FollowUpAsync(Area.Id, Year, Plan, ct);
    }
}
