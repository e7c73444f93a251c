using MiniExcelLibs;

namespace Phatthana.Tests.Infrastructure;

/// <summary>Reads an exported .xlsx back as plain rows, to check what a user would see in Excel.</summary>
public static class Workbook
{
    public static List<object?[]> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.ToArray())
            .ToList();
    }

    /// <summary>Every sheet's rows, one after another (a report writes a sheet per table).</summary>
    public static List<object?[]> ReadAll(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. MiniExcel.GetSheetNames(stream).SelectMany(sheet =>
        {
            using var again = new MemoryStream(bytes);
            return again.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        })];
    }

    /// <summary>The header row (the row whose first cell is <paramref name="firstHeader"/>), without trailing blanks.</summary>
    public static string?[] HeaderRow(List<object?[]> rows, string firstHeader) =>
        Trim(rows.First(r => r.Length > 0 && Equals(r[0]?.ToString(), firstHeader))).Select(c => c?.ToString()).ToArray();

    public static List<object?[]> RowsAfter(List<object?[]> rows, string firstHeader) =>
        rows.SkipWhile(r => !Equals(r.FirstOrDefault()?.ToString(), firstHeader)).Skip(1).Select(Trim).Where(r => r.Length > 0).ToList();

    private static object?[] Trim(object?[] row)
    {
        var end = row.Length;
        while (end > 0 && (row[end - 1] is null || row[end - 1] is string { Length: 0 })) end--;
        return row[..end];
    }
}
