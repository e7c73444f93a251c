using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Shared.Reporting;
using SkiaSharp;

namespace Phatthana.Tests.Shared.Reporting;

public sealed class ThaiLineBreakerTests
{
    [Fact]
    public void Segments_are_thai_words_and_join_back()
    {
        var segments = ThaiLineBreaker.Segments("ผู้อำนวยการสถานศึกษา");
        Assert.Equal("ผู้อำนวยการสถานศึกษา", string.Concat(segments));
        Assert.True(segments.Count >= 3, string.Join("|", segments));
        // A break never falls between a consonant and its vowel or tone mark.
        Assert.All(segments, s => Assert.False(char.GetUnicodeCategory(s[0]) == System.Globalization.UnicodeCategory.NonSpacingMark, s));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_grapheme_clusters_only()
    {
        var lines = ThaiLineBreaker.Wrap("น้ำใจน้ำใจน้ำใจน้ำใจน้ำใจ", 3, t => t.Length);
        Assert.Equal("น้ำใจน้ำใจน้ำใจน้ำใจน้ำใจ", string.Concat(lines));
        Assert.All(lines.Skip(1), l => Assert.False(char.GetUnicodeCategory(l[0]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark || l[0] == 'ำ', l));
    }

    [Fact]
    public void New_lines_in_the_text_are_kept()
    {
        Assert.Equal(["บรรทัดแรก", "", "บรรทัดที่สาม"], ThaiLineBreaker.Wrap("บรรทัดแรก\n\nบรรทัดที่สาม", 1000, t => t.Length));
    }
}

public sealed class ChartRendererTests
{
    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.StackedBar)]
    [InlineData(ChartKind.Line)]
    [InlineData(ChartKind.Pie)]
    public void Each_kind_renders_svg_with_thai_text_and_a_png_of_the_same_chart(ChartKind kind)
    {
        var spec = Samples.Chart(kind);
        var svg = XDocument.Parse(ChartRenderer.Svg(spec));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("จำนวนครูจำแนกตามกลุ่มสาระการเรียนรู้", texts);
        Assert.Contains(texts, t => t.StartsWith("วิทยาศาสตร์", StringComparison.Ordinal));
        // One position per text element, so the browser keeps Thai marks on their consonants.
        Assert.All(svg.Descendants().Where(e => e.Name.LocalName == "text"), e => Assert.DoesNotContain(",", (string?)e.Attribute("x") ?? ""));
        Assert.Equal($"0 0 {spec.Width} {spec.Height}", (string?)svg.Root!.Attribute("viewBox"));

        using var png = SKBitmap.Decode(ChartRenderer.Png(spec));
        Assert.Equal(spec.Width * 2, png.Width);
        Assert.Equal(spec.Height * 2, png.Height);
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < png.Height; y += 8)
        for (var x = 0; x < png.Width; x += 8)
            colours.Add(png.GetPixel(x, y));
        Assert.True(colours.Count > 10, "the chart has drawing on it");
    }

    [Fact]
    public void A_value_axis_with_a_top_runs_from_zero_with_a_tick_at_each_whole_number()
    {
        var spec = new ChartSpec(ChartKind.Bar, "ระดับคุณภาพรายตัวบ่งชี้", ["1.1", "1.2"], [new("ระดับ", [2, 0])]) { ValueMax = 5 };
        var ticks = XDocument.Parse(ChartRenderer.Svg(spec)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.All(["0", "1", "2", "3", "4", "5"], t => Assert.Contains(t, ticks));
        Assert.DoesNotContain(ticks, t => t.Contains('.', StringComparison.Ordinal) && t != "1.1" && t != "1.2");
        // Without a top the axis follows the data (here up to 2, in fractions).
        var automatic = XDocument.Parse(ChartRenderer.Svg(spec with { ValueMax = null })).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim());
        Assert.DoesNotContain("5", automatic);
    }

    [Fact]
    public void A_chart_drawn_once_is_served_again_and_any_change_in_its_figures_draws_it_anew()
    {
        var spec = new ChartSpec(ChartKind.Bar, $"แผนภูมิทดสอบ {Guid.NewGuid():N}", ["ก", "ข"], [new("ร้อยละ", [40, 60])]);
        var first = ChartRenderer.Svg(spec);
        // The same declaration (even a new object with equal contents) is the same drawing, not drawn again.
        Assert.Same(first, ChartRenderer.Svg(spec with { Categories = ["ก", "ข"], Series = [new("ร้อยละ", [40, 60])] }));
        // A changed value, label, colour or size is another chart.
        var changed = new[]
        {
            spec with { Series = [new("ร้อยละ", [40, 61])] },
            spec with { Categories = ["ก", "ค"] },
            spec with { Series = [new("ร้อยละ", [40, 60], "#c0392b")] },
            spec with { Width = 800 },
        };
        foreach (var other in changed)
        {
            var svg = ChartRenderer.Svg(other);
            Assert.NotEqual(first, svg);
            Assert.Equal(svg, ChartRenderer.Svg(other));
        }
        Assert.Contains("ค", XDocument.Parse(ChartRenderer.Svg(changed[1])).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Same(ChartRenderer.Png(spec), ChartRenderer.Png(spec));
        Assert.NotSame(ChartRenderer.Png(spec), ChartRenderer.Png(spec, 1f));
    }

    [Fact]
    public void Labels_from_data_are_escaped_in_svg()
    {
        var spec = new ChartSpec(ChartKind.Bar, "<script>alert(1)</script> & co", ["<b>", "A & B"], [new("s", [1, 2])]);
        var svg = ChartRenderer.Svg(spec);
        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains(doc.Descendants().Where(e => e.Name.LocalName == "text"), e => e.Value.Trim() == "A & B");
    }
}

public sealed class WordRendererTests
{
    [Fact]
    public void A_report_becomes_an_editable_docx_with_headings_tables_chart_and_page_numbers()
    {
        var report = Samples.Report(
            new HeadingBlock("๑. ผลการดำเนินงาน"),
            new ParagraphBlock(Samples.Phrases[0], Indent: true),
            new TableBlock(Samples.People(3)),
            new ChartBlock(Samples.Chart(ChartKind.Bar)),
            new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรอง", "นายสมชาย ใจดี")]));
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(report)), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        Assert.Contains(paragraphs, p => p.InnerText == "รายงานทดสอบชุดรายงาน" && p.ParagraphProperties?.ParagraphStyleId?.Val == "Title");
        Assert.Contains(paragraphs, p => p.InnerText == "๑. ผลการดำเนินงาน" && p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1");
        Assert.Contains(paragraphs, p => p.InnerText == "ผู้อำนวยการสถานศึกษา");

        var table = body.Elements<Table>().First();
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(1 + 3 + 1, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "ชั่วโมง"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal("37.50", rows[^1].Elements<TableCell>().Last().InnerText);

        Assert.Single(doc.MainDocumentPart.ImageParts);
        Assert.Contains(body.Descendants<TableCell>(), c => c.InnerText.Contains("(นายสมชาย ใจดี)"));
        var fonts = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal(WordRenderer.Font, fonts.ComplexScript?.Value);
        var footer = doc.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Contains("PAGE"));
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Contains("NUMPAGES"));
    }
}

public sealed class ExcelExporterTests
{
    [Fact]
    public void Each_table_is_a_sheet_with_title_area_parameters_date_header_and_typed_rows()
    {
        var second = Samples.People(2) with { Title = "ตารางที่สอง" };
        var bytes = ExcelExporter.Export(Samples.Report(new TableBlock(Samples.People(3)), new TableBlock(second)));
        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Equal(["รายชื่อผู้เข้ารับการอบรม", "ตารางที่สอง"], sheets);

        var rows = Workbook.Read(bytes);
        Assert.Equal("รายงานทดสอบชุดรายงาน", rows[0][0]);
        Assert.Equal("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑", rows[1][0]);
        Assert.Equal("ปีงบประมาณ พ.ศ. ๒๕๖๘", rows[2][0]);
        Assert.StartsWith("ข้อมูล ณ 24 พ.ย. 2569", rows[3][0]?.ToString());
        Assert.Equal(["ลำดับ", "ชื่อ - สกุล", "ตำแหน่ง", "ชั่วโมง"], Workbook.HeaderRow(rows, "ลำดับ"));
        var data = Workbook.RowsAfter(rows, "ลำดับ");
        Assert.Equal(4, data.Count);
        Assert.Equal(1d, Convert.ToDouble(data[0][0]));
        Assert.Equal(12.5d, Convert.ToDouble(data[0][3]));
        Assert.Equal("รวม", data[3][0]);
        Assert.Equal(37.5d, Convert.ToDouble(data[3][3]));
    }

    [Fact]
    public void A_long_thai_title_names_its_sheet_cut_between_words()
    {
        const string title = "ตัวบ่งชี้ที่ 1.1 การบริหารจัดการที่ดีและมีประสิทธิภาพ";
        var bytes = ExcelExporter.Export(Samples.Report(new TableBlock(Samples.People(1) with { Title = title }), new TableBlock(Samples.People(1) with { Title = title })));
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(2, sheets.Distinct().Count());
        var first = sheets[0];
        Assert.True(first.Length is > 10 and <= 31, first);
        Assert.StartsWith(first, title, StringComparison.Ordinal);
        Assert.True(ThaiLineBreaker.BreakOffsets(title).Contains(first.Length) || title[first.Length] == ' ', $"cut inside a word: {first}");
        Assert.EndsWith(" (2)", sheets[1]);
    }

    [Fact]
    public void Columns_carry_number_formats_and_set_widths()
    {
        var bytes = ExcelExporter.Export(Samples.Report(new TableBlock(Samples.People(3))));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()).ReadToEnd();
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Matches("width=\"40(\\.[0-9]+)?\"", sheet);
        // The header row (the seventh: title, area, parameters, date, blank, header) stays in view.
        Assert.Contains("ySplit=\"6\"", sheet, StringComparison.Ordinal);
        Assert.Contains("#,##0.00", styles, StringComparison.Ordinal);
        Assert.Contains("#,##0", styles, StringComparison.Ordinal);
    }
}

public sealed class SheetReaderTests
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["รหัสสถานศึกษา"] = "code", ["code"] = "code",
        ["ชื่อสถานศึกษา"] = "name", ["name"] = "name",
    };

    [Fact]
    public void Reads_xlsx_below_a_title_row_with_thai_or_json_headers_and_excel_row_numbers()
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?> { ["A"] = "แบบนำเข้าสถานศึกษา", ["B"] = null },
            new Dictionary<string, object?> { ["A"] = "รหัสสถานศึกษา", ["B"] = "NAME" },
            new Dictionary<string, object?> { ["A"] = 1076000001d, ["B"] = " โรงเรียนบ้านหนองน้ำใส " },
            new Dictionary<string, object?> { ["A"] = null, ["B"] = null },
            new Dictionary<string, object?> { ["A"] = "1076000002", ["B"] = "โรงเรียนวัดท่าไชย" },
        }, printHeader: false);
        stream.Position = 0;
        var sheet = SheetReader.Read(stream, "schools.xlsx", Aliases);
        Assert.True(sheet.Readable, sheet.Problem);
        Assert.Equal(["code", "name"], sheet.Headers);
        Assert.Equal([3, 5], sheet.Rows.Select(r => r.Row));
        Assert.Equal("1076000001", sheet.Rows[0]["code"]);
        Assert.Equal("โรงเรียนบ้านหนองน้ำใส", sheet.Rows[0]["name"]);
    }

    [Fact]
    public void Reads_utf8_csv_with_a_byte_order_mark()
    {
        var csv = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("code,ชื่อสถานศึกษา\n1076000001,โรงเรียนบ้านหนองน้ำใส\n")).ToArray();
        var sheet = SheetReader.Read(new MemoryStream(csv), "schools.csv", Aliases);
        Assert.True(sheet.Readable, sheet.Problem);
        Assert.Equal("โรงเรียนบ้านหนองน้ำใส", Assert.Single(sheet.Rows)["name"]);
        Assert.Equal(2, sheet.Rows[0].Row);
    }

    [Fact]
    public void Reads_csv_rows_numbered_as_excel_shows_them_with_blank_lines_short_rows_and_quoted_cells()
    {
        const string csv = "แบบนำเข้าสถานศึกษา\r\n\r\ncode,name\r\n1076000001,\"โรงเรียน \"\"บ้าน\"\", หนองน้ำ\"\r\n \r\n" +
                           "1076000002\r\n1076000003,\"สอง\nบรรทัด\"\n1076000004,ท้ายไฟล์";
        var sheet = SheetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "schools.csv", Aliases);
        Assert.True(sheet.Readable, sheet.Problem);
        Assert.Equal([4, 6, 7, 8], sheet.Rows.Select(r => r.Row));
        Assert.Equal("โรงเรียน \"บ้าน\", หนองน้ำ", sheet.Rows[0]["name"]);
        Assert.Equal("1076000002", sheet.Rows[1]["code"]);
        Assert.Null(sheet.Rows[1]["name"]);
        Assert.Equal("สอง\nบรรทัด", sheet.Rows[2]["name"]);
        Assert.Equal("ท้ายไฟล์", sheet.Rows[3]["name"]);
    }

    [Theory]
    [InlineData("schools.xlsx", "not a workbook", "อ่านไฟล์")]
    [InlineData("schools.pdf", "%PDF-1.4", ".xlsx หรือ .csv")]
    [InlineData("schools.csv", "a,b\n1,2\n", "ไม่พบแถวหัวตาราง")]
    public void A_file_that_cannot_be_read_says_why_in_thai(string name, string content, string expected)
    {
        var sheet = SheetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), name, Aliases);
        Assert.False(sheet.Readable);
        Assert.Contains(expected, sheet.Problem, StringComparison.Ordinal);
        Assert.Empty(sheet.Rows);
    }
}
