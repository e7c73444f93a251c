using System.Globalization;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Shared.Reporting;
using SkiaSharp;

namespace Phatthana.Tests.Shared.Reporting;

/// <summary>Generated PDFs read back with poppler, an independent reader: what a person's viewer shows.</summary>
public sealed class PdfRendererTests
{
    [Fact]
    public void Thai_with_tone_marks_and_upper_and_lower_vowels_extracts_back_identical()
    {
        var pdf = PdfRenderer.Render(Samples.Report([.. Samples.Phrases.Select(p => new ParagraphBlock(p))]));
        var lines = Poppler.Text(pdf).Split('\n').Select(l => l.Trim()).ToList();
        foreach (var phrase in Samples.Phrases)
            Assert.Contains(phrase, lines);
        // The running header, the title and the footer too: "หน้า ๑ / ๑" in Thai digits.
        Assert.Contains("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑", lines);
        Assert.Contains("หน้า ๑ / ๑", lines);
        Assert.Contains("ข้อมูล ณ 24 พฤศจิกายน 2569", lines);
    }

    [Fact]
    public void A_long_paragraph_wraps_only_at_word_boundaries()
    {
        var text = Samples.LongParagraph + " " + Samples.LongParagraph;
        var pdf = PdfRenderer.Render(Samples.Report(new ParagraphBlock(text)));
        var lines = Poppler.Text(pdf).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var start = lines.FindIndex(l => l.Length > 60 && text.StartsWith(l, StringComparison.Ordinal));
        Assert.True(start >= 0, "the paragraph's first line is in the PDF");
        var paragraph = new List<string>();
        var joined = "";
        for (var i = start; joined.Length < text.Replace(" ", "").Length && i < lines.Count; i++)
        {
            paragraph.Add(lines[i]);
            joined += lines[i].Replace(" ", "");
        }
        Assert.True(paragraph.Count >= 6, $"wrapped into {paragraph.Count} lines");
        Assert.Equal(text.Replace(" ", ""), joined);

        // Every line ends where ICU's Thai dictionary allows a break, and no line begins with a mark or a
        // following vowel, nor ends with a leading vowel (เ แ โ ใ ไ) — the cluster checks need no dictionary.
        var allowed = ThaiLineBreaker.BreakOffsets(text.Replace(" ", "")).ToHashSet();
        var offset = 0;
        foreach (var line in paragraph.SkipLast(1))
        {
            offset += line.Replace(" ", "").Length;
            Assert.Contains(offset, allowed);
            Assert.False(char.GetUnicodeCategory(line[^1]) is UnicodeCategory.OtherLetter && "เแโใไ".Contains(line[^1]), $"line ends with a leading vowel: {line}");
        }
        foreach (var line in paragraph.Skip(1))
        {
            var first = line[0];
            Assert.False(char.GetUnicodeCategory(first) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark, $"line starts with a combining mark: {line}");
            Assert.DoesNotContain(first, "ะาำๅ");
        }
    }

    [Fact]
    public void A_thirty_page_table_repeats_its_header_on_every_page()
    {
        var pdf = PdfRenderer.Render(Samples.Report(new TableBlock(Samples.People(1300))));
        var pages = Poppler.PageCount(pdf);
        Assert.True(pages >= 30, $"{pages} pages");
        var last = 0;
        for (var page = 1; page <= pages; page++)
        {
            var text = Poppler.Text(pdf, page);
            Assert.Contains("ชื่อ - สกุล", text, StringComparison.Ordinal);
            Assert.Contains("ชั่วโมง", text, StringComparison.Ordinal);
            Assert.Contains(NumberToThai($"หน้า {page} / {pages}"), text, StringComparison.Ordinal);
            // Rows continue in order from one page to the next: nothing lost, nothing repeated.
            var numbers = System.Text.RegularExpressions.Regex.Matches(text, "นางสาวสมใจ ใฝ่เรียน ([0-9]+)")
                .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(numbers);
            Assert.Equal(Enumerable.Range(last + 1, numbers.Count), numbers);
            last = numbers[^1];
        }
        Assert.Equal(1300, last);
        Assert.Contains("16,250.00", Poppler.Text(pdf, pages));
    }

    private static string NumberToThai(string s) => Phatthana.Web.Shared.Thai.ThaiNumber.ToThaiDigits(s);

    [Fact]
    public void A_page_becomes_a_png_kept_as_an_artifact()
    {
        var pdf = PdfRenderer.Render(Samples.Report(
            new HeadingBlock("๑. ผลการดำเนินงาน"),
            new ParagraphBlock(Samples.LongParagraph, Indent: true),
            new ChartBlock(Samples.Chart(ChartKind.StackedBar), 0.8f),
            new TableBlock(Samples.People(8)),
            new SignatureBlock([new Signer("ผู้รายงาน", Position: "ศึกษานิเทศก์ชำนาญการพิเศษ"), new Signer("ผู้รับรอง", "นายสมชาย ใจดี", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑")])));
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts");
        var png = Poppler.PagePng(pdf, 1, Path.Combine(folder, "report-page-1"));
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using var bitmap = SKBitmap.Decode(bytes);
        // A4 portrait at 110 dpi: about 910 × 1286 pixels, and the page is not blank.
        Assert.InRange(bitmap.Width, 900, 920);
        Assert.InRange(bitmap.Height, 1275, 1295);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y += 4)
        for (var x = 0; x < bitmap.Width; x += 4)
            if (bitmap.GetPixel(x, y).Red < 128) dark++;
        Assert.True(dark > 500, $"{dark} dark samples");
        // The signer's long position wraps inside its column: all of it is on the page.
        var text = Poppler.Text(pdf);
        Assert.Contains("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา", text, StringComparison.Ordinal);
        Assert.Contains("ประถมศึกษาเพชรบุรี เขต ๑", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Landscape_is_a4_across_and_a_logo_is_embedded()
    {
        using var surface = SKSurface.Create(new SKImageInfo(64, 64));
        surface.Canvas.Clear(SKColors.DarkBlue);
        using var logo = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        var report = Samples.Report(new TableBlock(Samples.People(3))) with { Orientation = PageOrientation.Landscape, Logo = logo.ToArray() };
        var pdf = PdfRenderer.Render(report);
        var info = Poppler.Info(pdf);
        var size = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+([0-9.]+) x ([0-9.]+) pts \(A4\)");
        Assert.True(size.Success, info);
        Assert.InRange(double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), 841, 843);
        Assert.InRange(double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture), 594, 596);
        var withoutLogo = PdfRenderer.Render(report with { Logo = null });
        Assert.True(pdf.Length > withoutLogo.Length, "the logo's picture is in the file");
    }

    [Fact]
    public void Thai_digits_setting_applies_to_numbers_in_the_body()
    {
        var report = Samples.Report(new TableBlock(Samples.People(2))) with { ThaiDigits = true };
        var text = Poppler.Text(PdfRenderer.Render(report));
        Assert.Contains("๒๕.๐๐", text, StringComparison.Ordinal);
        Assert.False(text.Contains("25.00", StringComparison.Ordinal), text);
    }
}
