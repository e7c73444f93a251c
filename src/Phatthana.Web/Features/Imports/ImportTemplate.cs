using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// The downloadable template of an import kind: a sheet with the Thai header row (code and ID columns formatted as
/// text, so Excel keeps their leading zeros and all 13 digits) and a second sheet that explains each column.
/// </summary>
public static class ImportTemplate
{
    public static byte[] Build(Importer importer)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = book.Workbook.AppendChild(new Sheets());
            var columns = importer.Columns;

            // 1: the data sheet, header only.
            var data = book.AddNewPart<WorksheetPart>();
            var cols = new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(c.Header.Length * 1.6 + 4, 12, 40), CustomWidth = true,
                Style = c.AsText ? TextStyle : 0U,
            }));
            var header = new Row { RowIndex = 1 };
            foreach (var (c, i) in columns.Select((c, i) => (c, i)))
                header.Append(TextCell(Reference(i, 1), c.Header + (c.Required ? " *" : ""), HeaderStyle));
            data.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                cols, new SheetData(header));
            sheets.Append(new Sheet { Id = book.GetIdOfPart(data), SheetId = 1, Name = "ข้อมูล" });

            // 2: what each column means.
            var help = book.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            uint r = 1;
            rows.Append(Line(r++, HeaderStyle, "คอลัมน์", "ชื่อฟิลด์ (API)", "จำเป็น", "คำอธิบาย / ค่าที่ใช้ได้"));
            foreach (var c in columns) rows.Append(Line(r++, 0, c.Header, c.Field, c.Required ? "จำเป็น" : "", c.Hint));
            r++;
            rows.Append(Line(r++, 0, "หมายเหตุ", "", "", "แถวแรกของแผ่นงาน \"ข้อมูล\" คือหัวตาราง ใช้ชื่อภาษาไทยหรือชื่อฟิลด์ (API) ก็ได้ · วันที่ใช้ วว/ดด/ปปปป เป็น พ.ศ. · " +
                "นำเข้าไฟล์เดิมซ้ำได้ ระบบจะปรับปรุงข้อมูลเดิมแทนการเพิ่มซ้ำ · หากมีแถวใดผิด จะไม่บันทึกข้อมูลใดเลย และแจ้งทุกแถวที่ผิด"));
            help.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 30, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 22, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 10, CustomWidth = true }, new Column { Min = 4, Max = 4, Width = 90, CustomWidth = true }),
                rows);
            sheets.Append(new Sheet { Id = book.GetIdOfPart(help), SheetId = 2, Name = "คำอธิบาย" });
            book.Workbook.Save();
        }
        return stream.ToArray();
    }

    private const uint HeaderStyle = 1, TextStyle = 2;

    /// <summary>Fonts: normal, bold. Cell formats: 0 general, 1 bold header, 2 text ("@", number format 49).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Tahoma" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Tahoma" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 49, ApplyNumberFormat = true }));

    private static Row Line(uint index, uint style, params string[] texts)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < texts.Length; i++) row.Append(TextCell(Reference(i, index), texts[i], style));
        return row;
    }

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    private static string Reference(int column, uint row) => $"{Shared.Reporting.ExcelExporter.ColumnName(column)}{row}";
}
