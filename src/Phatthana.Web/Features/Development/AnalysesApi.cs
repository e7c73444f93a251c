using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development;

/// <summary>
/// The area's development analyses over the API: the needs analysis and the ID Plan progress, as JSON or as the pages'
/// reports (<c>?format=xlsx|pdf|docx</c>). Read by area staff, supervisors, assessors and a school's director (their school,
/// through the query filters); the filters here are read by the pages too, so both say the same Thai message.
/// </summary>
public static class AnalysesApi
{
    public static RouteGroupBuilder MapDevelopmentAnalysesApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Development");
        area.MapGet("/needs-analysis", Needs).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("ความต้องการในการพัฒนา of a fiscal year: topics ranked by people asking then score (1st = 3, 2nd = 2, 3rd or lower = 1), " +
                         "one breakdown (?by=School|Network|Position|Subject|Standing) with each group's top topics, competency gaps " +
                         "(?fiscalYear=2569&school=&group=Teachers|Administrators|Supervisors|EducationPersonnel; ?format=xlsx|pdf|docx)")
            .Returns<NeedsAnalysis>();
        area.MapGet("/id-plan-progress", Progress).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("ID Plans of a fiscal year per school and for the area: people, submitted, approved, returned, drafts, none, " +
                         "% submitted or approved, % approved (?fiscalYear=2569&school=; ?format=xlsx|pdf|docx)")
            .Returns<IdPlanProgressDto>();
        return api;
    }

    /// <summary>The breakdown asked (code name or Thai label; none: by school), or why not.</summary>
    public static FieldError? ReadBy(string? text, out NeedsBreakdown by)
    {
        by = NeedsBreakdown.School;
        if (Checks.Clean(text) is not { } given || EnumText.TryParse(given, NeedsAnalysisReport.Label, out by)) return null;
        return new("by", $"ไม่รู้จักการจำแนก \"{given}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<NeedsBreakdown>())}");
    }

    /// <summary>The group of positions asked (none: every group), or why not.</summary>
    public static FieldError? ReadGroup(string? text, out PositionGroup? group)
    {
        group = null;
        if (Checks.Clean(text) is not { } given) return null;
        if (EnumText.TryParse(given, DevelopmentText.Label, out PositionGroup found)) { group = found; return null; }
        return new("group", $"ไม่รู้จักกลุ่มตำแหน่ง \"{given}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<PositionGroup>())}");
    }

    /// <summary>"ปีงบประมาณ 2569 · โรงเรียน… · ครู": what the report was asked for.</summary>
    public static string Subtitle(int year, SchoolRef? school, PositionGroup? group) =>
        $"ปีงบประมาณ {year}" + (school is { } s ? $" · {s.Name}" : "") + (group is { } g ? $" · กลุ่มตำแหน่ง{DevelopmentText.Label(g)}" : "");

    private static async Task<(int Year, SchoolRef? School, List<FieldError> Errors)> ReadAsync(AppDbContext db, RouteScope scope, TimeProvider time,
        string? fiscalYear, string? school, CancellationToken ct)
    {
        var year = TrainingApi.FiscalYear(fiscalYear, time);
        var errors = new List<FieldError>(year.Errors);
        SchoolRef? found = null;
        if (!string.IsNullOrWhiteSpace(school) && (found = (await SchoolFinder.ForCodesAsync(db, scope.Area.Id, [school], ct)).Find(school, out _)) is null)
            errors.Add(new("school", SchoolFinder.Unknown(school)));
        return (year.Succeeded ? year.Value : 0, found, errors);
    }

    private static async Task<IResult> Needs(HttpContext http, RouteScope scope, AppDbContext db, TimeProvider time, string? fiscalYear, string? by,
        string? school, string? group)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var (year, found, errors) = await ReadAsync(db, scope, time, fiscalYear, school, http.RequestAborted);
        if (ReadBy(by, out var breakdown) is { } badBy) errors.Add(badBy);
        if (ReadGroup(group, out var positions) is { } badGroup) errors.Add(badGroup);
        if (errors.Count > 0) return ApiResults.Validation(errors);
        var analysis = await NeedsAnalysis.BuildAsync(db, scope.Area.Id, year, new NeedsFilter(found?.Id, positions), breakdown, http.RequestAborted);
        if (format is not { } f) return TypedResults.Ok(analysis);
        return ReportResults.File(http, await NeedsAnalysisReport.BuildAsync(http, scope.Area, analysis, Subtitle(year, found, positions), http.RequestAborted), f);
    }

    private static async Task<IResult> Progress(HttpContext http, RouteScope scope, AppDbContext db, TimeProvider time, string? fiscalYear, string? school)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var (year, found, errors) = await ReadAsync(db, scope, time, fiscalYear, school, http.RequestAborted);
        if (errors.Count > 0) return ApiResults.Validation(errors);
        var progress = await IdPlanProgress.BySchoolAsync(db, scope.Area.Id, year, found?.Id, http.RequestAborted);
        if (format is not { } f) return TypedResults.Ok(progress);
        return ReportResults.File(http, await IdPlanProgressReport.BuildAsync(http, scope.Area, progress, Subtitle(year, found, null), ct: http.RequestAborted), f);
    }
}
