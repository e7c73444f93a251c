using System.Text;
using MiniExcelLibs;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>One data row of an uploaded sheet: its row number as the person sees it in Excel, and its cells by header.</summary>
public sealed record SheetRow(int Row, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string header] => Cells.TryGetValue(header, out var v) ? v : null;
}

/// <summary>What was read, or why the file could not be read at all (in Thai).</summary>
public sealed record SheetContent(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, string? Problem)
{
    public bool Readable => Problem is null;
}

/// <summary>
/// Reads an uploaded .xlsx or .csv for imports: finds the header row (the first row that has any of the
/// expected headers, so a title row above it is fine), maps header aliases (Thai labels or JSON names) to one
/// key, trims cells, skips blank rows, and keeps each row's number for error messages ("แถว 12").
/// A file that is not a workbook or CSV gives a clear problem, never an exception.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 100_000;

    /// <param name="aliases">Header text (any case) → the field key it stands for.</param>
    public static SheetContent Read(Stream stream, string fileName, IReadOnlyDictionary<string, string> aliases)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
            return Failed($"ไฟล์ {fileName} ไม่ใช่ .xlsx หรือ .csv");
        List<IDictionary<string, object?>> raw;
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            if (extension == ".csv") buffer.Position = SkipBom(buffer);
            raw = buffer.Query(useHeaderRow: false, excelType: extension == ".csv" ? ExcelType.CSV : ExcelType.XLSX)
                .Take(MaxRows + 50).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or ArgumentException)
        {
            return Failed($"อ่านไฟล์ {fileName} ไม่ได้ — ไฟล์อาจเสียหายหรือไม่ใช่ {extension}");
        }

        var normalised = aliases.ToDictionary(a => Key(a.Key), a => a.Value);
        var headerIndex = raw.FindIndex(r => r.Values.Any(v => normalised.ContainsKey(Key(Text(v)))));
        if (headerIndex < 0)
            return Failed("ไม่พบแถวหัวตาราง — ใช้แม่แบบของระบบ หรือให้หัวคอลัมน์ตรงกับชื่อในแม่แบบ");
        var columns = raw[headerIndex].Where(kv => normalised.ContainsKey(Key(Text(kv.Value))))
            .Select(kv => (Column: kv.Key, Field: normalised[Key(Text(kv.Value))])).ToList();
        var rows = new List<SheetRow>();
        for (var i = headerIndex + 1; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, string?>();
            foreach (var (column, field) in columns)
                cells[field] = raw[i].TryGetValue(column, out var v) ? Text(v) : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count == MaxRows) return Failed($"ไฟล์มีข้อมูลเกิน {MaxRows:N0} แถว — แบ่งเป็นหลายไฟล์");
            rows.Add(new SheetRow(i + 1, cells));
        }
        return new SheetContent(columns.Select(c => c.Field).ToList(), rows, null);
    }

    private static SheetContent Failed(string problem) => new([], [], problem);

    private static string Key(string? header) => (header ?? "").Trim().ToLowerInvariant();

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static long SkipBom(MemoryStream buffer)
    {
        var bom = Encoding.UTF8.GetPreamble();
        var head = buffer.ToArray().AsSpan(0, (int)Math.Min(3, buffer.Length));
        return head.SequenceEqual(bom) ? 3 : 0;
    }
}
