using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// The uploaded file given back with one more column, "ข้อผิดพลาด", saying what is wrong on each bad row, so the
/// person fixes the rows in their own file and imports it again (the extra column is ignored then). Every cell is
/// written as text, so IDs and codes come back exactly as they went in.
/// </summary>
public static class ImportErrorReport
{
    public const string Header = "ข้อผิดพลาด";

    public static byte[] Build(byte[] content, string fileName, int headerRow, IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string> labels)
    {
        var raw = SheetReader.RawRows(content, fileName, SheetReader.MaxRows + 100);
        var byRow = errors.GroupBy(e => e.Row ?? headerRow).ToDictionary(g => g.Key,
            g => string.Join(" / ", g.Select(e => e.Field.Length > 0 && labels.TryGetValue(e.Field, out var l) && !e.Message.StartsWith(l, StringComparison.Ordinal)
                ? $"{l}: {e.Message}" : e.Message)));
        var width = Math.Max(1, raw.Count == 0 ? 1 : raw.Max(r => r.Length));
        var keys = Enumerable.Range(0, width + 1).Select(ExcelExporter.ColumnName).ToArray();
        IEnumerable<IDictionary<string, object?>> Rows()
        {
            for (var i = 0; i < Math.Max(raw.Count, byRow.Keys.DefaultIfEmpty(0).Max()); i++)
            {
                var number = i + 1;
                var cells = new Dictionary<string, object?>(keys.Length);
                var source = i < raw.Count ? raw[i] : [];
                for (var c = 0; c < width; c++) cells[keys[c]] = c < source.Length ? FormulaGuard.Cell(source[c]) : null;
                cells[keys[width]] = FormulaGuard.Cell(number == headerRow ? Header + (byRow.TryGetValue(number, out var h) ? ": " + h : "") : byRow.GetValueOrDefault(number));
                yield return cells;
            }
        }
        using var stream = new MemoryStream();
        stream.SaveAs(Rows(), printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            EnableAutoWidth = false,
            DynamicColumns = keys.Select((k, i) => new DynamicExcelColumn(k) { Width = i == width ? 80 : 18 }).ToArray(),
        });
        return stream.ToArray();
    }
}
