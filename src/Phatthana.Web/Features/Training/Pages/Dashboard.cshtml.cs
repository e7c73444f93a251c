using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// ภาพรวมการพัฒนา: development hours and pass rates of a fiscal year, in all and by school, position and subject area,
/// each with a chart; the same report as PDF, Excel and Word.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class DashboardModel(AppDbContext database, RouteScope route, TimeProvider time, DisplayFormat fmt) : TrainingYearPage(database, route, time)
{
    public DevelopmentDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<(string Heading, TableView Table, string? ChartSvg)> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (!await ReadFiltersAsync(HttpContext.RequestAborted))
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Dashboard = await DevelopmentDashboard.BuildAsync(Db, Area.Id, Year, SelectedSchool?.Id, HttpContext.RequestAborted, Settings);
        if (format is { } f)
            return ReportResults.File(HttpContext, await Dashboard.ReportAsync(HttpContext, Area, Subtitle, HttpContext.RequestAborted), f).ToActionResult();
        Parts = Dashboard.Parts.Select(p => (p.Heading, p.Spec.ToView([.. p.Rows, Dashboard.Total], fmt),
            DevelopmentDashboard.Charted(p.Rows) ? ChartRenderer.Svg(p.Chart) : null)).ToList();
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("fiscalYear", Year.ToString()));
}
