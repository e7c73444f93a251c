using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// Budget follow-up over the API, with the plans' policies: read by area staff, supervisors and assessors; a project's money
/// and the area's curve written by area staff.
/// </summary>
public static class BudgetApi
{
    public static RouteGroupBuilder MapBudgetApi(this RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{id:guid}/disbursements").WithTags("Budget");
        project.MapGet("", GetProject).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("A project's committed and disbursed money per month and category of its fiscal year, with its totals and where it stands on the curve")
            .Returns<ProjectDisbursementsDto>();
        project.MapPut("", PutProject).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Replace a project's money: {version?, rows: [{month: yyyy-MM, category, committed, disbursed, note?}]} — months of the project's fiscal year, " +
                         "never negative, per category committed + disbursed within the allocation; nothing saved when a row is wrong")
            .Writes<ProjectDisbursementsDto>();

        var area = api.MapGroup("/areas/{areaCode}/budget/{fiscalYear:int}").WithTags("Budget");
        area.MapGet("", FollowUp).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("The area's budget follow-up of a fiscal year (พ.ศ.), or one plan's (?plan=id): allocated, committed, disbursed, remaining and % per category, " +
                         "month (cumulative against the curve) and project (behind the curve, over its allocation); ?format=xlsx|pdf|docx for the report")
            .Returns<BudgetFollowUp>();
        area.MapGet("/curve", GetCurve).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("The disbursement target curve of the year: cumulative % by the end of each quarter and spread over the months (the default when the area set none)")
            .Returns<CurveDto>();
        area.MapPut("/curve", PutCurve).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Set the curve: {quarters: [{quarter: 1–4, percent}]} — all four quarters, 0–100, never lower than the quarter before").Writes<CurveDto>();
        area.MapDelete("/curve", DeleteCurve).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Back to the default curve (30/52/77/100)").Returns<CurveDto>();
        return api;
    }

    private static async Task<IResult> GetProject(Guid id, AppDbContext db, BudgetView view) =>
        await db.PlanProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } project ? TypedResults.Ok(await view.ProjectAsync(project)) : ApiResults.NotFound();

    private static async Task<IResult> PutProject(Guid id, DisbursementsInput? input, AppDbContext db, SaveBudget save, BudgetView view)
    {
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id) is not { } project) return ApiResults.NotFound();
        return await (await save.SaveDisbursementsAsync(project, input)).ToApiAsync(async p => TypedResults.Ok(await view.ProjectAsync(p)));
    }

    private static async Task<IResult> FollowUp(HttpContext http, int fiscalYear, Guid? plan, RouteScope scope, AppDbContext db, BudgetView view)
    {
        if (!SchoolCalendar.IsPlausibleBuddhistYear(fiscalYear)) return BadYear(fiscalYear);
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        string? planName = null;
        if (plan is { } planId && (planName = await db.DevelopmentPlans.AsNoTracking().Where(p => p.Id == planId && p.AreaId == scope.Area.Id).Select(p => p.Name).FirstOrDefaultAsync()) is null)
            return ApiResults.Validation([new("plan", "ไม่พบแผนนี้ในเขตพื้นที่")]);
        var followUp = await view.FollowUpAsync(scope.Area.Id, fiscalYear, plan);
        if (format is not { } f) return TypedResults.Ok(followUp);
        return ReportResults.File(http, await BudgetReport.BuildAsync(http, scope.Area, followUp, planName), f);
    }

    private static async Task<IResult> GetCurve(int fiscalYear, RouteScope scope, BudgetView view) =>
        SchoolCalendar.IsPlausibleBuddhistYear(fiscalYear) ? TypedResults.Ok(await view.CurveAsync(scope.Area.Id, fiscalYear)) : BadYear(fiscalYear);

    private static async Task<IResult> PutCurve(int fiscalYear, CurveInput? input, RouteScope scope, SaveBudget save) =>
        (await save.SaveCurveAsync(scope.Area.Id, fiscalYear, input)).ToApi(c => TypedResults.Ok(c));

    private static async Task<IResult> DeleteCurve(int fiscalYear, RouteScope scope, SaveBudget save, BudgetView view)
    {
        if (!SchoolCalendar.IsPlausibleBuddhistYear(fiscalYear)) return BadYear(fiscalYear);
        await save.ResetCurveAsync(scope.Area.Id, fiscalYear);
        return TypedResults.Ok(await view.CurveAsync(scope.Area.Id, fiscalYear));
    }

    private static IResult BadYear(int fiscalYear) => ApiResults.Validation([new("fiscalYear", $"ปีงบประมาณ {fiscalYear} ไม่ถูกต้อง — ใช้ปี พ.ศ. เช่น 2570")]);
}
