using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Answers a table request in the format asked for: JSON by default, or the same rows as a file
/// (<c>?format=xlsx|pdf|docx</c>) with Thai headers, the area's name and the date in พ.ศ.
/// API endpoints and list pages call this so every table exports the same way.
/// </summary>
public static class TableResults
{
    public static bool WantsFile(HttpRequest request) => ReportResults.WantsFile(request);

    public static async Task<IResult> RespondAsync<T, TJson>(HttpContext http, TableSpec<T> spec, IReadOnlyList<T> rows, Func<T, TJson> toJson, string fileStem, Area? area, params string[] subtitles)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        if (format is null) return TypedResults.Ok(rows.Select(toJson).ToList());
        return await FileAsync(http, spec, rows, fileStem, area, subtitles);
    }

    /// <summary>The file for <c>?format=…</c> (a 400 problem when the format is not one we write).</summary>
    public static async Task<IResult> FileAsync<T>(HttpContext http, TableSpec<T> spec, IReadOnlyList<T> rows, string fileStem, Area? area, params string[] subtitles)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format) || format is not { } f) return ReportResults.UnknownFormat(http.Request);
        var table = spec.ToReport(rows) with { ShowTitle = false };
        var report = await ReportResults.StartAsync(http, spec.Title, area, fileStem, http.RequestAborted) with
        {
            Subtitles = subtitles,
            Orientation = ReportResults.OrientationFor(table),
            Blocks = [new TableBlock(table)],
        };
        return ReportResults.File(http, report, f);
    }
}
