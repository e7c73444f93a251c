namespace Phatthana.Web.Shared.Reporting;

/// <summary>A report's tables as JSON (the API face of a report; charts are drawn from these same rows).</summary>
public sealed record ReportDto(string Title, IReadOnlyList<string> Subtitles, string? Area, DateTimeOffset GeneratedAt, IReadOnlyList<ReportTableDto> Tables)
{
    public static ReportDto From(Report report) => new(report.Title, report.Subtitles, report.AreaName, report.GeneratedAt,
        report.Tables.Select(t => new ReportTableDto(t.Title, t.Columns.Select(c => c.Header).ToList(),
            t.Rows.Select(r => r.Values).ToList(), t.Total?.Values)).ToList());
}

public sealed record ReportTableDto(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<object?>? Total);
