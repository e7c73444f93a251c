using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// The one .xlsx writer every list and report uses. Each table of a report becomes a sheet:
/// the report's title, the area's name, the parameters asked, "ข้อมูล ณ" in พ.ศ., then the Thai header row
/// and the rows as typed cells (numbers stay numbers, with grouping formats and set column widths).
/// Rows are streamed to the writer, so a 100,000-row sheet is not held twice in memory.
/// </summary>
public static class ExcelExporter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Export(Report report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    public static void Write(Report report, Stream stream)
    {
        var tables = report.Tables.ToList();
        if (tables.Count == 0) tables.Add(new ReportTable(report.Title, [new ReportColumn(report.Title, CellKind.Text, 60)], []));
        var sheets = new Dictionary<string, object>();
        var columnsOfSheet = new Dictionary<string, ReportTable>();
        foreach (var table in tables)
        {
            var name = UniqueSheetName(tables.Count == 1 ? report.Title : table.Title, sheets.Keys);
            sheets[name] = Rows(report, table, showTableTitle: tables.Count > 1);
            columnsOfSheet[name] = table;
        }
        // MiniExcel takes one column configuration for the workbook: use the widest definition of each column letter.
        var width = tables.Max(t => t.Columns.Count);
        var config = new OpenXmlConfiguration
        {
            EnableAutoWidth = false,
            FastMode = true,
            AutoFilter = false, // a filter from row 1 would take the title for a header
            // Keep the header row in view while scrolling (every sheet has the same lines above it).
            FreezeRowCount = 1 + (string.IsNullOrWhiteSpace(report.AreaName) ? 0 : 1) + report.Subtitles.Count + 1 + (tables.Count > 1 ? 1 : 0) + 1 + 1,
            DynamicColumns = Enumerable.Range(0, width).Select(i =>
            {
                var defined = tables.Where(t => i < t.Columns.Count).Select(t => t.Columns[i]).ToList();
                var kinds = defined.Select(c => c.Kind).Distinct().ToList();
                return new DynamicExcelColumn(ColumnName(i))
                {
                    Width = Math.Clamp(defined.Max(c => c.Width), 6, 80),
                    Format = kinds.Count == 1 ? kinds[0] switch { CellKind.Number => "#,##0", CellKind.Decimal => "#,##0.00", _ => null } : null,
                };
            }).ToArray(),
        };
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: config);
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(Report report, ReportTable table, bool showTableTitle)
    {
        var keys = Enumerable.Range(0, Math.Max(1, table.Columns.Count)).Select(ColumnName).ToArray();
        yield return Line(keys, report.Title);
        if (!string.IsNullOrWhiteSpace(report.AreaName)) yield return Line(keys, report.AreaName);
        foreach (var sub in report.Subtitles) yield return Line(keys, sub);
        yield return Line(keys, "ข้อมูล ณ " + ThaiDate.ShortDateTime(report.GeneratedAt));
        if (showTableTitle) yield return Line(keys, table.Title);
        yield return Line(keys, null);
        var header = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < table.Columns.Count; i++) header[keys[i]] = FormulaGuard.Escape(table.Columns[i].Header);
        yield return header;
        foreach (var row in table.Rows) yield return Values(keys, row);
        if (table.Total is { } total) yield return Values(keys, total);
    }

    /// <summary>A spanning cell's value goes in its first column; the columns it covers stay blank.</summary>
    private static Dictionary<string, object?> Values(string[] keys, ReportRow row)
    {
        var cells = new Dictionary<string, object?>(keys.Length);
        foreach (var key in keys) cells[key] = null;
        foreach (var (column, _, value) in row.Cells(keys.Length)) cells[keys[column]] = Cell(value);
        return cells;
    }

    private static Dictionary<string, object?> Line(string[] keys, string? first)
    {
        var cells = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++) cells[keys[i]] = i == 0 && first is not null ? FormulaGuard.Escape(first) : null;
        return cells;
    }

    private static object? Cell(object? value) => FormulaGuard.Cell(value switch
    {
        DateOnly d => ThaiDate.Short(d),
        DateTimeOffset t => ThaiDate.ShortDateTime(t),
        Enum e => e.ToString(),
        ReportCell c => c.Text,
        _ => value,
    });

    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel limits sheet names to 31 characters, forbids a few symbols and wants them unique.</summary>
    private static string UniqueSheetName(string title, IEnumerable<string> taken)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet";
        var name = Shorten(clean, 31);
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 2; used.Contains(name); n++)
        {
            var suffix = $" ({n})";
            name = Shorten(clean, 31 - suffix.Length) + suffix;
        }
        return name;
    }

    /// <summary>At most <paramref name="length"/> characters, cut where a Thai line may break (never inside a word or between a letter and its marks).</summary>
    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : ThaiLineBreaker.Wrap(text, length, t => t.Length)[0];
}
