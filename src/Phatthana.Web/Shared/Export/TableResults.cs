using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Export;

/// <summary>
/// Answers a table request in the format asked for: JSON by default, <c>?format=xlsx</c> as a workbook.
/// API endpoints and list pages call this so every table exports the same way.
/// </summary>
public static class TableResults
{
    public static bool WantsFile(HttpRequest request) => request.Query.ContainsKey("format");

    public static IResult Respond<T, TJson>(HttpContext http, TableSpec<T> spec, IReadOnlyList<T> rows, Func<T, TJson> toJson, string fileStem, string? areaName)
    {
        var format = http.Request.Query["format"].ToString().ToLowerInvariant();
        return format switch
        {
            "" or "json" => TypedResults.Ok(rows.Select(toJson).ToList()),
            _ => File(http, spec, rows, fileStem, areaName) ?? UnknownFormat(format),
        };
    }

    /// <summary>The file for <c>?format=…</c>, or null when the format is not one we write.</summary>
    public static IResult? File<T>(HttpContext http, TableSpec<T> spec, IReadOnlyList<T> rows, string fileStem, string? areaName)
    {
        var format = http.Request.Query["format"].ToString().ToLowerInvariant();
        if (format != "xlsx") return null;
        var exporter = http.RequestServices.GetRequiredService<ExcelExporter>();
        var bytes = exporter.Export(spec, rows, areaName);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Phatthana.Export")
            .LogInformation("Export {Table} as {Format}: {Rows} rows by {User}", spec.Title, format, rows.Count, http.User.Identity?.Name);
        var stamp = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(Thai.ThaiDate.ThailandOffset).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(bytes, ExcelExporter.ContentType, $"{fileStem}-{stamp}.xlsx");
    }

    public static IResult UnknownFormat(string format) =>
        ApiResults.Problem(StatusCodes.Status400BadRequest, "รูปแบบไฟล์ไม่รองรับ",
            format == "pdf" ? "การส่งออก PDF จะเปิดใช้พร้อมชุดรายงาน (reporting kit) — ขณะนี้รองรับ format=xlsx" : $"ไม่รู้จัก format={format} — ใช้ xlsx");
}
