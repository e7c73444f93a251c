using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Shared.Export;

/// <summary>
/// The one .xlsx writer every list and report uses: a title row, the area's name, "ข้อมูล ณ" in พ.ศ.,
/// then the Thai header row and the rows as typed cells (numbers stay numbers).
/// </summary>
public sealed class ExcelExporter(TimeProvider time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] Export<T>(TableSpec<T> spec, IEnumerable<T> rows, string? areaName)
    {
        var keys = spec.Columns.Select((_, i) => ColumnName(i)).ToArray();
        var sheet = new List<Dictionary<string, object?>>
        {
            Line(keys, spec.Title),
        };
        if (!string.IsNullOrWhiteSpace(areaName)) sheet.Add(Line(keys, areaName));
        sheet.Add(Line(keys, "ข้อมูล ณ " + ThaiDate.ShortDateTime(time.GetUtcNow())));
        sheet.Add(Line(keys, null));
        sheet.Add(keys.Select((k, i) => (k, (object?)spec.Columns[i].Header)).ToDictionary(x => x.k, x => x.Item2));
        foreach (var row in rows)
            sheet.Add(keys.Select((k, i) => (k, Cell(spec.Columns[i].Value(row)))).ToDictionary(x => x.k, x => x.Item2));

        var config = new OpenXmlConfiguration
        {
            EnableAutoWidth = false,
            DynamicColumns = spec.Columns.Select((c, i) => new DynamicExcelColumn(keys[i])
            {
                Width = c.Width,
                Format = c.Kind switch { CellKind.Number => "#,##0", CellKind.Decimal => "#,##0.00", _ => null },
            }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: SheetName(spec.Title), excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(string[] keys, string? first) =>
        keys.Select((k, i) => (k, i == 0 ? (object?)first : null)).ToDictionary(x => x.k, x => x.Item2);

    private static object? Cell(object? value) => value switch
    {
        DateOnly d => ThaiDate.Short(d),
        DateTimeOffset t => ThaiDate.ShortDateTime(t),
        Enum e => e.ToString(),
        _ => value,
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel limits sheet names to 31 characters and forbids a few symbols.</summary>
    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
