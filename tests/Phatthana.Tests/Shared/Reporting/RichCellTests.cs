using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Tests.Shared.Reporting;

/// <summary>
/// Cells of several paragraphs that may span columns (the offices' own tables: a labelled section per line, an item's
/// text across two columns), in print, Word and Excel alike.
/// </summary>
public sealed class RichCellTests
{
    // Wider than the first column alone, narrower than the first two together.
    private const string Spanning = "ประเด็นที่ ๑ มีแผนปฏิบัติการประจำปีของสำนักงาน";

    private static ReportTable Table() => new("ตารางตัวบ่งชี้",
        [new("ระดับคุณภาพ", CellKind.Text, 12), new("คำอธิบาย", CellKind.Text, 30, true), new("ผลการดำเนินงาน", CellKind.Text, 40, true), new("จำนวน", CellKind.Number, 14)],
        [
            new ReportRow(["๕", "ครบทุกข้อ", "ข้อความธรรมดา", 12]),
            new ReportRow([new ReportCell([new(Spanning, Bold: true), new("ดำเนินการแล้ว")]) { Span = 2 }, "ไม่แสดง",
                new ReportCell([new CellParagraph("ผลการดำเนินงาน", true), new("จัดทำแผนแล้วเสร็จ")]), 3]),
        ]);

    [Fact]
    public void A_span_covers_the_next_columns_and_is_cut_at_the_last()
    {
        var rich = ReportCell.Of("ก") with { Span = 2 };
        Assert.Equal([(0, 2, (object?)rich), (2, 1, "ค")], new ReportRow([rich, "ข", "ค"]).Cells(3));
        var wide = ReportCell.Of("ก") with { Span = 9 };
        Assert.Equal([(0, 1, (object?)"ก"), (1, 2, wide)], new ReportRow(["ก", wide]).Cells(3));
        // Plain rows are one cell per column, as before.
        Assert.Equal([0, 1, 2], new ReportRow([1, null]).Cells(3).Select(c => c.Column));
    }

    [Fact]
    public void In_print_a_spanning_cell_uses_the_width_of_its_columns_and_each_paragraph_starts_a_line()
    {
        var pdf = PdfRenderer.Render(Samples.Report(new TableBlock(Table())));
        var lines = Poppler.Text(pdf).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(Spanning, lines);
        Assert.True(lines.IndexOf("ผลการดำเนินงาน") < lines.IndexOf("จัดทำแผนแล้วเสร็จ"), string.Join("\n", lines));
        Assert.Contains("ดำเนินการแล้ว", lines);
        Assert.DoesNotContain(lines, l => l.Contains("ไม่แสดง", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ข้อความธรรมดา", StringComparison.Ordinal));
    }

    [Fact]
    public void In_print_a_long_row_of_paragraphs_goes_on_over_the_page_where_a_data_row_moves_whole()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"ข้อความบรรทัด {i:00}").ToArray();
        int[] PagesOf(object cell)
        {
            var pdf = PdfRenderer.Render(Samples.Report(
            [
                .. Enumerable.Range(1, 25).Select(i => new ParagraphBlock($"ย่อหน้าที่ {i}")),
                new TableBlock(new ReportTable("ผลการดำเนินงาน", [new("ประเด็น", CellKind.Text, 20), new("ผลการดำเนินงาน", CellKind.Text, 80, true)],
                    [new ReportRow(["ประเด็นที่ ๑", cell])]) { ShowTitle = false }),
            ]));
            var texts = Enumerable.Range(1, Poppler.PageCount(pdf)).Select(p => Poppler.Text(pdf, p)).ToList();
            return [texts.FindIndex(t => t.Contains(lines[0], StringComparison.Ordinal)) + 1, texts.FindIndex(t => t.Contains(lines[^1], StringComparison.Ordinal)) + 1,
                texts.FindIndex(t => t.Contains(lines[^2], StringComparison.Ordinal)) + 1];
        }
        // Narrative: starts in the room left on page one, its last two lines together on page two.
        Assert.Equal([1, 2, 2], PagesOf(ReportCell.Of(lines)));
        // The same lines as one value of a data row: moved whole to page two.
        Assert.Equal([2, 2, 2], PagesOf(string.Join("\n", lines)));
    }

    [Fact]
    public void In_word_a_spanning_cell_is_one_cell_over_the_grid_columns_with_a_paragraph_each()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(Samples.Report(new TableBlock(Table())))), false);
        var rows = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().ToList();
        Assert.Equal(["ระดับคุณภาพ", "คำอธิบาย", "ผลการดำเนินงาน", "จำนวน"], rows[0].Elements<TableCell>().Select(c => c.InnerText));

        var cells = rows[2].Elements<TableCell>().ToList();
        Assert.Equal(3, cells.Count);
        Assert.Equal(2, cells[0].TableCellProperties!.GetFirstChild<GridSpan>()!.Val!.Value);
        var grid = doc.MainDocumentPart.Document.Body.Elements<Table>().First().GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!)).ToList();
        Assert.Equal(grid[0] + grid[1], int.Parse(cells[0].TableCellProperties!.TableCellWidth!.Width!.Value!));
        var paragraphs = cells[0].Elements<Paragraph>().ToList();
        Assert.Equal([Spanning, "ดำเนินการแล้ว"], paragraphs.Select(p => p.InnerText));
        Assert.NotNull(paragraphs[0].Descendants<Bold>().FirstOrDefault());
        Assert.Null(paragraphs[1].Descendants<Bold>().FirstOrDefault());
        Assert.Equal("3", cells[2].InnerText);
    }

    [Fact]
    public void In_word_rows_stay_whole_except_a_long_row_of_paragraphs_which_runs_over_the_page()
    {
        var table = Table() with
        {
            Rows = [.. Table().Rows, new ReportRow(["ประเด็นที่ ๒", "", new ReportCell([new CellParagraph("ผลการดำเนินงาน", true), new(Samples.LongParagraph)]), 1])],
        };
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(Samples.Report(new TableBlock(table)))), false);
        var rows = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().Skip(1).ToList();
        Assert.Equal([true, true, false], rows.Select(r => r.TableRowProperties?.GetFirstChild<CantSplit>() is not null));
    }

    [Fact]
    public void In_excel_a_spanning_cell_is_its_first_column_joined_by_new_lines_and_numbers_stay_numbers()
    {
        var rows = Workbook.Read(ExcelExporter.Export(Samples.Report(new TableBlock(Table()))));
        var data = Workbook.RowsAfter(rows, "ระดับคุณภาพ");
        Assert.Equal($"{Spanning}\nดำเนินการแล้ว", data[1][0]);
        Assert.True(data[1][1] is null or "", $"covered column holds {data[1][1]}");
        Assert.Equal("ผลการดำเนินงาน\nจัดทำแผนแล้วเสร็จ", data[1][2]);
        Assert.Equal(3d, Convert.ToDouble(data[1][3]));
    }
}
