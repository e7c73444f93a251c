using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>One data row of an uploaded sheet: its row number as the person sees it in Excel, and its cells by field.</summary>
public sealed record SheetRow(int Row, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var v) ? v : null;
}

/// <summary>What was read, or why the file could not be read at all (in Thai).</summary>
public sealed record SheetContent(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, string? Problem)
{
    public bool Readable => Problem is null;
}

/// <summary>
/// An uploaded sheet opened for reading: the fields its header row names (in column order), the header texts as the
/// file wrote them, and its data rows, read one at a time so a 100,000-row file is never held as rows twice.
/// </summary>
public sealed class SheetStream
{
    internal SheetStream(string? problem, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string> headerOf, int headerRow, IEnumerable<SheetRow> rows)
    {
        Problem = problem;
        Fields = fields;
        HeaderOf = headerOf;
        HeaderRow = headerRow;
        Rows = rows;
    }

    public string? Problem { get; }
    public bool Readable => Problem is null;
    public IReadOnlyList<string> Fields { get; }
    /// <summary>Field → the header text the file used for it (for messages in the file's own words).</summary>
    public IReadOnlyDictionary<string, string> HeaderOf { get; }
    public int HeaderRow { get; }
    public IEnumerable<SheetRow> Rows { get; }
    public bool Has(string field) => HeaderOf.ContainsKey(field);
}

/// <summary>
/// Reads an uploaded .xlsx or .csv for imports: finds the header row (the row among the first few that names the most
/// expected headers, so title rows above it are fine), maps header aliases (Thai labels or JSON names) to one field
/// key, trims cells, skips blank rows, and keeps each row's number for error messages ("แถว 12"). Dates typed as
/// Excel dates come back as ISO text; a CSV saved by Thai Excel in Windows-874 is read as such. A file that is not a
/// workbook or CSV gives a clear problem, never an exception.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 100_000;
    private const int HeaderSearchRows = 30;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the whole sheet into memory (small files: tests, previews).</summary>
    public static SheetContent Read(Stream stream, string fileName, IReadOnlyDictionary<string, string> aliases)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var sheet = Open(buffer.ToArray(), fileName, aliases);
        if (!sheet.Readable) return new SheetContent([], [], sheet.Problem);
        try
        {
            return new SheetContent(sheet.Fields, sheet.Rows.ToList(), null);
        }
        catch (SheetReadException e)
        {
            return new SheetContent([], [], e.Message);
        }
    }

    /// <param name="aliases">Header text (any case) → the field key it stands for.</param>
    public static SheetStream Open(byte[] content, string fileName, IReadOnlyDictionary<string, string> aliases)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
            return Failed($"ไฟล์ {fileName} ไม่ใช่ .xlsx หรือ .csv — บันทึกจาก Excel เป็น \"Excel Workbook (.xlsx)\" หรือ \"CSV UTF-8\"");
        if (content.Length == 0) return Failed($"ไฟล์ {fileName} ว่างเปล่า (0 ไบต์)");
        var normalised = aliases.ToDictionary(a => Key(a.Key), a => a.Value);
        List<IDictionary<string, object?>> head;
        IEnumerator<IDictionary<string, object?>> rest;
        try
        {
            var (bytes, type) = extension == ".csv" ? (AsUtf8(content), ExcelType.CSV) : (content, ExcelType.XLSX);
            if (type == ExcelType.XLSX && !LooksLikeZip(bytes))
                return Failed($"อ่านไฟล์ {fileName} ไม่ได้ — ไฟล์ไม่ใช่ Excel (.xlsx) หรือเสียหาย");
            if (type == ExcelType.XLSX && PackageGuard.Problem(bytes, fileName) is { } unsafePackage) return Failed(unsafePackage);
            rest = Query(bytes, type).GetEnumerator();
            head = [];
            while (head.Count < HeaderSearchRows && rest.MoveNext()) head.Add(rest.Current);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return Failed($"อ่านไฟล์ {fileName} ไม่ได้ — ไฟล์อาจเสียหายหรือไม่ใช่ {extension}");
        }
        if (head.Count == 0 || head.All(r => r.Values.All(v => Text(v) is null))) return Failed($"ไฟล์ {fileName} ไม่มีข้อมูล");

        var scores = head.Select(r => r.Values.Count(v => normalised.ContainsKey(Key(Text(v))))).ToList();
        var best = scores.Max();
        if (best == 0) return Failed("ไม่พบแถวหัวตาราง — ใช้แม่แบบของระบบ หรือให้หัวคอลัมน์ตรงกับชื่อในแม่แบบ");
        var headerIndex = scores.IndexOf(best);
        var columns = new List<(string Column, string Field)>();
        var headerOf = new Dictionary<string, string>();
        foreach (var (column, value) in head[headerIndex])
        {
            var text = Text(value);
            if (!normalised.TryGetValue(Key(text), out var field) || headerOf.ContainsKey(field)) continue;
            columns.Add((column, field));
            headerOf[field] = text!;
        }
        return new SheetStream(null, columns.Select(c => c.Field).ToList(), headerOf, headerIndex + 1,
            DataRows(head, rest, headerIndex, columns, fileName, extension));
    }

    private static IEnumerable<SheetRow> DataRows(List<IDictionary<string, object?>> head, IEnumerator<IDictionary<string, object?>> rest,
        int headerIndex, List<(string Column, string Field)> columns, string fileName, string extension)
    {
        var index = headerIndex;
        var count = 0;
        using (rest)
        {
            while (true)
            {
                IDictionary<string, object?> raw;
                index++;
                if (index < head.Count) raw = head[index];
                else
                {
                    try
                    {
                        if (!rest.MoveNext()) yield break;
                    }
                    catch (Exception e) when (IsUnreadable(e))
                    {
                        throw new SheetReadException($"อ่านไฟล์ {fileName} ได้ไม่ครบ — ไฟล์อาจเสียหายหรือไม่ใช่ {extension}");
                    }
                    raw = rest.Current;
                }
                var cells = new Dictionary<string, string?>(columns.Count);
                foreach (var (column, field) in columns)
                    cells[field] = raw.TryGetValue(column, out var v) ? Text(v) : null;
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                if (++count > MaxRows) throw new SheetReadException($"ไฟล์มีข้อมูลเกิน {MaxRows:N0} แถว — แบ่งเป็นหลายไฟล์");
                yield return new SheetRow(index + 1, cells);
            }
        }
    }

    /// <summary>Every row of the file as text cells (the title rows and header too), for the error report.</summary>
    public static List<string?[]> RawRows(byte[] content, string fileName, int maxRows = int.MaxValue)
    {
        var type = Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ExcelType.CSV : ExcelType.XLSX;
        var bytes = type == ExcelType.CSV ? AsUtf8(content) : content;
        return Query(bytes, type).Take(maxRows).Select(r => r.Values.Select(Text).ToArray()).ToList();
    }

    private static IEnumerable<IDictionary<string, object?>> Query(byte[] bytes, ExcelType type) => type == ExcelType.CSV
        ? CsvRows(bytes)
        : new MemoryStream(bytes).Query(useHeaderRow: false, excelType: type).Cast<IDictionary<string, object?>>();

    /// <summary>
    /// The lines of a UTF-8 CSV as cells by column letter. Every line is a row, blank ones too, so row numbers are the ones
    /// Excel shows (MiniExcel's reader skips blank lines and refuses a row shorter than the first). Quoted cells may hold
    /// commas, doubled quotes and line breaks; a tab separates cells as a comma does.
    /// </summary>
    private static IEnumerable<IDictionary<string, object?>> CsvRows(byte[] utf8)
    {
        using var reader = new StreamReader(new MemoryStream(utf8), new UTF8Encoding(false));
        var row = new Dictionary<string, object?>();
        var cell = new StringBuilder();
        var (quoted, lineStarted) = (false, false);
        void EndCell()
        {
            row[ExcelExporter.ColumnName(row.Count)] = cell.ToString();
            cell.Clear();
        }
        for (var c = reader.Read(); c != -1; c = reader.Read())
        {
            lineStarted = true;
            if (quoted)
            {
                if (c != '"') cell.Append((char)c);
                else if (reader.Peek() == '"') cell.Append((char)reader.Read());
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c is ',' or '\t') EndCell();
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                EndCell();
                yield return row;
                (row, lineStarted) = (new Dictionary<string, object?>(), false);
            }
            else cell.Append((char)c);
        }
        if (lineStarted)
        {
            EndCell();
            yield return row;
        }
    }

    private static SheetStream Failed(string problem) => new(problem, [], new Dictionary<string, string>(), 0, []);

    /// <summary>The exceptions a damaged or foreign file makes the readers throw (never a fault of ours).</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException
            or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException;

    private static bool LooksLikeZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K';

    /// <summary>"  เลขประจำตัวประชาชน * " and "เลขประจำตัวประชาชน" are one header.</summary>
    private static string Key(string? header) =>
        string.Join(' ', (header ?? "").Replace("\u200b", "").TrimEnd('*', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>
    /// A number cell as people type it ("1,200.50", Thai digits, a trailing "บาท", "ชม.", "ชั่วโมง" or "%"): true with the value,
    /// true with null when blank, false when there is text that is not a number.
    /// </summary>
    public static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var clean = Phatthana.Web.Shared.Thai.ThaiNumber.ToArabicDigits(text.Trim()).Replace(",", "").Replace("บาท", "").Replace("ชม.", "").Replace("ชั่วโมง", "").Replace("%", "").Trim();
        if (!decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number)) return false;
        value = number;
        return true;
    }

    /// <summary>
    /// A code or whole number as a cell gives it, in one form: trimmed, Thai digits read as digits, and the ".0" a number
    /// cell gains on its way through a CSV taken off ("080035.0" → "080035"). Blank is "".
    /// </summary>
    public static string CodeText(string? raw)
    {
        var s = Phatthana.Web.Shared.Thai.ThaiNumber.ToArabicDigits(raw?.Trim() ?? "");
        return s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;
    }

    /// <summary>A cell as text: whole numbers without ".0", Excel dates as ISO dates, blank as null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? FormulaGuard.Unescape(t) : null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>UTF-8 as is (without its BOM); anything that is not valid UTF-8 is read as Windows-874, Thai Excel's "CSV".</summary>
    private static byte[] AsUtf8(byte[] content)
    {
        var bom = Encoding.UTF8.GetPreamble();
        if (content.AsSpan().StartsWith(bom)) return content[bom.Length..];
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return content;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetBytes(Encoding.GetEncoding(874).GetString(content));
        }
    }
}

/// <summary>A sheet that turned out, while being read, to be too long or broken; the message is Thai.</summary>
public sealed class SheetReadException(string message) : Exception(message);
