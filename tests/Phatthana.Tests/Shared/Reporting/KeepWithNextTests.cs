using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Tests.Shared.Reporting;

/// <summary>Rows kept with the next (a scale of levels reads as one) and headings kept with the table they introduce.</summary>
public sealed class KeepWithNextTests
{
    private static readonly string[] Levels = ["ระดับห้า ดีเยี่ยม", "ระดับสี่ ดีมาก", "ระดับสาม ดี", "ระดับสอง พอใช้", "ระดับหนึ่ง ปรับปรุง"];

    private static Report WithFiller(int paragraphs, bool keep) => Samples.Report(
    [
        .. Enumerable.Range(1, paragraphs).Select(i => new ParagraphBlock($"ย่อหน้าที่ {i} ของเนื้อหาก่อนตาราง")),
        new HeadingBlock("ตัวบ่งชี้ที่ ๑ การบริหารจัดการที่ดี", 2),
        new TableBlock(new ReportTable("ระดับคุณภาพ", [new("ระดับ", CellKind.Text, 20), new("คำอธิบาย", CellKind.Text, 80)],
            [.. Levels.Select(l => new ReportRow([l, "มีการดำเนินการตามประเด็นการพิจารณาครบทุกข้อ"]) { KeepWithNext = keep && l != Levels[^1] })]) { ShowTitle = false }),
    ]);

    /// <summary>The page each level (and the heading) is printed on.</summary>
    private static List<int> Pages(byte[] pdf)
    {
        var pages = Poppler.PageCount(pdf);
        var texts = Enumerable.Range(1, pages).Select(p => Poppler.Text(pdf, p)).ToList();
        return [.. Levels.Prepend("ตัวบ่งชี้ที่ ๑ การบริหารจัดการที่ดี").Select(l => texts.FindIndex(t => t.Contains(l, StringComparison.Ordinal)) + 1)];
    }

    [Fact]
    public void In_print_a_kept_group_and_its_heading_never_break_across_pages_where_plain_rows_would()
    {
        // From a little room at the foot of page one to none: every way the group can meet the page's end.
        var split = false;
        for (var filler = 24; filler <= 34; filler++)
        {
            var kept = Pages(PdfRenderer.Render(WithFiller(filler, keep: true)));
            Assert.True(kept.Distinct().Count() == 1, $"{filler} paragraphs: heading and levels on pages {string.Join(",", kept)}");
            split |= Pages(PdfRenderer.Render(WithFiller(filler, keep: false))).Distinct().Count() > 1;
        }
        Assert.True(split, "without keeping, the rows break across the pages somewhere in the range (so the range tests something)");
    }

    [Fact]
    public void In_word_a_kept_row_is_whole_and_keeps_with_the_next_paragraph()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(WithFiller(1, keep: true))), false);
        var rows = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First().Elements<TableRow>().Skip(1).ToList();
        Assert.All(rows.SkipLast(1), r =>
        {
            Assert.NotNull(r.TableRowProperties?.GetFirstChild<CantSplit>());
            Assert.All(r.Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
            // The schema wants the style first.
            Assert.All(r.Descendants<Paragraph>(), p => Assert.IsType<ParagraphStyleId>(p.ParagraphProperties!.FirstChild));
        });
        Assert.All(rows[^1].Descendants<Paragraph>(), p => Assert.Null(p.ParagraphProperties?.KeepNext));
    }
}
