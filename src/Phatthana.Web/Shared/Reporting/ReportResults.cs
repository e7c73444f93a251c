using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Serves a <see cref="Report"/> in the format asked (<c>?format=xlsx|pdf|docx</c>): one place that starts a
/// report with the area's header, writes the file, names it, and logs the export (PDPA: who took what out).
/// </summary>
public static class ReportResults
{
    public const string Formats = "xlsx, pdf, docx";

    /// <summary>The file format asked in <c>?format=</c>: null when none (the page or JSON), false when unknown.</summary>
    public static bool TryFileFormat(HttpRequest request, out ReportFormat? format)
    {
        var value = request.Query["format"].ToString().Trim().ToLowerInvariant();
        format = value switch
        {
            "" or "json" or "html" => null,
            "xlsx" => ReportFormat.Xlsx,
            "pdf" => ReportFormat.Pdf,
            "docx" => ReportFormat.Docx,
            _ => ReportFormat.Page,
        };
        if (format == ReportFormat.Page) { format = null; return false; }
        return true;
    }

    public static bool WantsFile(HttpRequest request) => !TryFileFormat(request, out var f) || f is not null;

    /// <summary>A new report headed with the area's name and logo, stamped now, in the deployment's digits.</summary>
    public static async Task<Report> StartAsync(HttpContext http, string title, Area? area, string fileStem, CancellationToken ct = default)
    {
        var services = http.RequestServices;
        byte[]? logo = null;
        if (area is not null)
            logo = await services.GetRequiredService<AppDbContext>().AreaLogos.AsNoTracking()
                .Where(l => l.AreaId == area.Id).Select(l => l.Image).FirstOrDefaultAsync(ct);
        return new Report
        {
            Title = title,
            AreaName = area?.Name,
            AreaId = area?.Id,
            Logo = logo,
            GeneratedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            FileStem = fileStem,
            ThaiDigits = services.GetRequiredService<IOptions<ShellOptions>>().Value.ThaiDigits,
        };
    }

    public static IResult File(HttpContext http, Report report, ReportFormat format)
    {
        var (bytes, type, extension) = format switch
        {
            ReportFormat.Xlsx => (ExcelExporter.Export(report), ExcelExporter.ContentType, "xlsx"),
            ReportFormat.Pdf => (PdfRenderer.Render(report), PdfRenderer.ContentType, "pdf"),
            ReportFormat.Docx => (WordRenderer.Render(report), WordRenderer.ContentType, "docx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        var stamp = report.GeneratedAt.ToOffset(ThaiDate.ThailandOffset).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        ExportLog.Record(http, report.AreaId, $"{report.FileStem}-{stamp}.{extension}", report.Title, extension, report.Tables.Sum(t => t.Rows.Count), bytes.Length);
        return TypedResults.File(bytes, type, $"{report.FileStem}-{stamp}.{extension}");
    }

    public static IResult UnknownFormat(HttpRequest request) =>
        ApiResults.Problem(StatusCodes.Status400BadRequest, "รูปแบบไฟล์ไม่รองรับ",
            $"ไม่รู้จัก format={request.Query["format"]} — ใช้ได้: {Formats}");

    /// <summary>Wide tables print across the page.</summary>
    public static PageOrientation OrientationFor(ReportTable table) =>
        table.Columns.Count > 7 || table.Columns.Sum(c => c.Width) > 120 ? PageOrientation.Landscape : PageOrientation.Portrait;
}
