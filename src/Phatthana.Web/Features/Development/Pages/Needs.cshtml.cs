using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Training.Pages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Pages;

/// <summary>
/// ความต้องการในการพัฒนา of the area for a fiscal year: the ranked topics (with, for those who run training, a course made
/// from each), one breakdown chosen by the reader, the competency gaps, their charts; the same report as PDF, Excel and Word.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class NeedsModel(AppDbContext database, RouteScope route, UserScope user, TimeProvider time, DisplayFormat fmt)
    : TrainingYearPage(database, route, time)
{
    [FromQuery] public string? By { get; set; }
    [FromQuery] public string? Group { get; set; }
    public NeedsBreakdown Breakdown { get; private set; }
    public PositionGroup? PositionGroup { get; private set; }
    public NeedsAnalysis Analysis { get; private set; } = null!;
    public TableView Topics { get; private set; } = null!;
    public TableView Groups { get; private set; } = null!;
    public TableView Gaps { get; private set; } = null!;
    public string? TopicsChart { get; private set; }
    public IReadOnlyList<string> GapsCharts { get; private set; } = [];
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        await ReadFiltersAsync(HttpContext.RequestAborted);
        if (AnalysesApi.ReadBy(By, out var by) is { } badBy) Errors.Add(badBy);
        if (AnalysesApi.ReadGroup(Group, out var group) is { } badGroup) Errors.Add(badGroup);
        if (Errors.Count > 0)
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        (Breakdown, PositionGroup) = (by, group);
        Analysis = await NeedsAnalysis.BuildAsync(Db, Area.Id, Year, new NeedsFilter(SelectedSchool?.Id, group), by, HttpContext.RequestAborted);
        var subtitle = AnalysesApi.Subtitle(Year, SelectedSchool, group);
        if (format is { } f)
            return ReportResults.File(HttpContext, await NeedsAnalysisReport.BuildAsync(HttpContext, Area, Analysis, subtitle, HttpContext.RequestAborted), f).ToActionResult();
        Topics = NeedsAnalysisReport.TopicsTable(CanRun ? t => CourseLink(Area.Code, t.TopicId, Year) : null).ToView(Analysis.Topics, fmt);
        Groups = NeedsAnalysisReport.GroupsTable(by, Year).ToView(Analysis.Groups, fmt);
        Gaps = NeedsAnalysisReport.GapsTable.ToView(Analysis.Gaps, fmt);
        TopicsChart = NeedsAnalysisReport.TopicsChart(Analysis) is { } topics ? ChartRenderer.Svg(topics) : null;
        GapsCharts = [.. NeedsAnalysisReport.GapsCharts(Analysis).Select(ChartRenderer.Svg)];
        return Page();
    }

    /// <summary>The new-course form, filled in from the need (see <see cref="NeedCourses"/>).</summary>
    public static string CourseLink(string areaCode, Guid topic, int fiscalYear) => $"/areas/{areaCode}/courses/new?needTopic={topic}&fiscalYear={fiscalYear}";

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("fiscalYear", Year.ToString()));

    public string ByLink(NeedsBreakdown by) => QueryLinks.With(Request, ("by", by.ToString()), ("fiscalYear", Year.ToString())) + "#breakdown";
}
