using Phatthana.Web.Shared.Thai;
using SkiaSharp;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Renders a <see cref="Report"/> to an A4 PDF with Skia: a running header (area logo and name, the report's
/// title), "หน้า ๑ / ๓" at the foot of each page, Thai text shaped by HarfBuzz and wrapped at word boundaries,
/// tables that break across pages and repeat their header row, charts as images, and signature blocks.
/// Layout runs first (so the page count is known), then each page is drawn.
/// </summary>
public static partial class PdfRenderer
{
    public const string ContentType = "application/pdf";
    private const float Mm = 72f / 25.4f;
    private const float BodySize = 11f;
    private const float TableSize = 9.5f;
    private const float LineFactor = 1.45f;

    public static byte[] Render(Report report)
    {
        var pages = new Layout(report).Run();
        var (width, height) = PageSize(report.Orientation);
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        {
            var metadata = new SKDocumentPdfMetadata
            {
                Title = report.Title,
                Creator = "Phatthana (พัฒนา)",
                Producer = "Phatthana reporting kit",
                Creation = report.GeneratedAt.UtcDateTime,
                Modified = report.GeneratedAt.UtcDateTime,
                RasterDpi = 150,
                EncodingQuality = 101, // lossless: JPEG fringes chart edges and text
            };
            using var document = SKDocument.CreatePdf(managed, metadata);
            // Decode the logo once for the whole document, not once per page.
            using var logo = report.Logo is { Length: > 0 } ? SKImage.FromEncodedData(report.Logo) : null;
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(width, height);
                DrawFrame(canvas, report, logo, i + 1, pages.Count, width, height);
                foreach (var draw in pages[i]) draw(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private static (float Width, float Height) PageSize(PageOrientation orientation) =>
        orientation == PageOrientation.Landscape ? (297 * Mm, 210 * Mm) : (210 * Mm, 297 * Mm);

    private static readonly float Left = 20 * Mm, Right = 15 * Mm, Top = 22 * Mm, Bottom = 18 * Mm;

    private static SKPaint Ink(SKColor colour) => new() { Color = colour, IsAntialias = true };

    private static readonly SKColor Black = new(0x1b, 0x1f, 0x24), Grey = new(0x5f, 0x66, 0x6d), Rule = new(0xa0, 0xa7, 0xae), HeaderFill = new(0xe8, 0xee, 0xf3), TotalFill = new(0xf4, 0xf6, 0xf8);

    private static void Text(SKCanvas canvas, string text, float x, float baseline, bool bold, float size, SKColor colour)
    {
        using var paint = Ink(colour);
        ReportFonts.Face(bold).Shape(text, size).Draw(canvas, x, baseline, paint);
    }

    private static float Width(string text, bool bold, float size) => ReportFonts.Face(bold).Width(text, size);

    /// <summary>Running header and footer: what every printed page carries.</summary>
    private static void DrawFrame(SKCanvas canvas, Report report, SKImage? logo, int page, int pages, float width, float height)
    {
        var x = Left;
        var logoHeight = 10 * Mm;
        if (logo is not null)
        {
            var w = logoHeight * logo.Width / Math.Max(1, logo.Height);
            canvas.DrawImage(logo, new SKRect(x, 8 * Mm, x + w, 8 * Mm + logoHeight), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            x += w + 3 * Mm;
        }
        var headerBaseline = 8 * Mm + logoHeight * 0.65f;
        if (!string.IsNullOrWhiteSpace(report.AreaName)) Text(canvas, report.AreaName, x, headerBaseline, true, 9, Black);
        var title = Fit(report.Title, width - Right - x - 80 * Mm, false, 8.5f);
        Text(canvas, title, width - Right - Width(title, false, 8.5f), headerBaseline, false, 8.5f, Grey);
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.6f, IsStroke = true };
        canvas.DrawLine(Left, 19.5f * Mm, width - Right, 19.5f * Mm, rule);

        var footerBaseline = height - 9 * Mm;
        var number = ThaiNumber.ToThaiDigits($"หน้า {page} / {pages}");
        Text(canvas, number, (width - Width(number, false, 9)) / 2, footerBaseline, false, 9, Black);
        var printed = "พิมพ์จากระบบพัฒนา " + ThaiDate.ShortDateTime(report.GeneratedAt);
        if (report.ThaiDigits) printed = ThaiNumber.ToThaiDigits(printed);
        Text(canvas, printed, Left, footerBaseline, false, 7.5f, Grey);
    }

    /// <summary>Shortens a one-line label with "…" to fit a width (used only in the running header).</summary>
    private static string Fit(string text, float maxWidth, bool bold, float size)
    {
        if (Width(text, bold, size) <= maxWidth) return text;
        var lines = ThaiLineBreaker.Wrap(text, maxWidth - Width("…", bold, size), t => Width(t, bold, size));
        return lines.Count > 0 ? lines[0] + "…" : text;
    }

    /// <summary>Places blocks on pages; each page is a list of drawing steps run once the page count is known.</summary>
    private sealed partial class Layout(Report report)
    {
        private readonly List<List<Action<SKCanvas>>> pages = [];
        private readonly float pageWidth = PageSize(report.Orientation).Width;
        private readonly float pageHeight = PageSize(report.Orientation).Height;
        private float y;
        private List<Action<SKCanvas>> page = null!;

        private float ContentWidth => pageWidth - Left - Right;
        private float Limit => pageHeight - Bottom;
        private bool AtTop => y <= Top + 0.01f;

        public List<List<Action<SKCanvas>>> Run()
        {
            NewPage();
            TitleBlock();
            for (var i = 0; i < report.Blocks.Count; i++)
            {
                switch (report.Blocks[i])
                {
                    case HeadingBlock h: Heading(h, i); break;
                    case ParagraphBlock p: Paragraph(p.Text, p.Indent, false, BodySize); break;
                    case TableBlock t: Table(t.Table); break;
                    case ChartBlock c: Chart(c); break;
                    case SignatureBlock s: Signatures(s); break;
                }
            }
            return pages;
        }

        private void NewPage()
        {
            page = [];
            pages.Add(page);
            y = Top;
        }

        private void Ensure(float height)
        {
            if (y + height > Limit && !AtTop) NewPage();
        }

        private string D(string text) => report.ThaiDigits ? ThaiNumber.ToThaiDigits(text) : text;

        private void Centred(string text, bool bold, float size, SKColor colour)
        {
            foreach (var line in ThaiLineBreaker.Wrap(text, ContentWidth, t => Width(t, bold, size)))
            {
                var lineHeight = size * LineFactor;
                Ensure(lineHeight);
                var baseline = y + size * 1.1f;
                var x = Left + (ContentWidth - Width(line, bold, size)) / 2;
                page.Add(c => Text(c, line, x, baseline, bold, size, colour));
                y += lineHeight;
            }
        }

        private void TitleBlock()
        {
            Centred(report.Title, true, 15, Black);
            foreach (var sub in report.Subtitles) Centred(D(sub), false, 11.5f, Black);
            Centred(D("ข้อมูล ณ " + ThaiDate.Long(DateOnly.FromDateTime(report.GeneratedAt.ToOffset(ThaiDate.ThailandOffset).DateTime))), false, 9.5f, Grey);
            y += 4 * Mm;
        }

        private static float HeadingSize(HeadingBlock heading) => heading.Level <= 1 ? 13f : 11.5f;

        private int HeadingLines(HeadingBlock heading) =>
            ThaiLineBreaker.Wrap(D(heading.Text), ContentWidth, t => Width(t, true, HeadingSize(heading))).Count;

        private void Heading(HeadingBlock heading, int index)
        {
            var size = HeadingSize(heading);
            // Keep a heading with the start of what follows: two lines of text, or a table's header and first row (with the
            // rows kept with it), or the next heading and what that keeps.
            Ensure(HeadingLines(heading) * size * LineFactor + 2 * Mm + Following(index + 1));
            y += 2 * Mm;
            Paragraph(D(heading.Text), false, true, size);
            y += 1 * Mm;
        }

        /// <summary>What must fit with a heading for block <paramref name="index"/> to start on the same page.</summary>
        private float Following(int index) => index >= report.Blocks.Count ? 0 : report.Blocks[index] switch
        {
            HeadingBlock h => HeadingLines(h) * HeadingSize(h) * LineFactor + 4.5f * Mm + Following(index + 1),
            TableBlock t => Placed(t.Table).Lead,
            _ => BodySize * LineFactor * 2,
        };

        private void Paragraph(string text, bool indent, bool bold, float size)
        {
            var lineHeight = size * LineFactor;
            var first = indent ? 12 * Mm : 0;
            var lines = ThaiLineBreaker.Wrap(D(text), ContentWidth - first, t => Width(t, bold, size));
            for (var i = 0; i < lines.Count; i++)
            {
                Ensure(lineHeight);
                var line = lines[i];
                var x = Left + (i == 0 ? first : 0);
                var baseline = y + size * 1.1f;
                page.Add(c => Text(c, line, x, baseline, bold, size, Black));
                y += lineHeight;
            }
            y += 1.5f * Mm;
        }

        private void Chart(ChartBlock block)
        {
            var png = ChartRenderer.Png(block.Chart);
            var width = ContentWidth * Math.Clamp(block.WidthFraction, 0.2f, 1f);
            var height = width * block.Chart.Height / block.Chart.Width;
            Ensure(height + 3 * Mm);
            var rect = SKRect.Create(Left + (ContentWidth - width) / 2, y, width, height);
            page.Add(c =>
            {
                using var image = SKImage.FromEncodedData(png);
                c.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            });
            y += height + 3 * Mm;
        }

        private void Signatures(SignatureBlock block)
        {
            const float size = 11f;
            var lineHeight = size * LineFactor;
            var columns = block.Signers.Count > 1 ? 2 : 1;
            var columnWidth = ContentWidth / 2;
            var dots = new string('.', 40);
            for (var i = 0; i < block.Signers.Count; i += columns)
            {
                // Each signer's lines, wrapped to the column (a long position such as
                // "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา…" takes two lines rather than running off the page).
                var group = block.Signers.Skip(i).Take(columns).Select(signer => new[]
                    {
                        $"ลงชื่อ {dots} {signer.Role}",
                        $"({(string.IsNullOrWhiteSpace(signer.Name) ? dots : signer.Name)})",
                        "ตำแหน่ง " + (string.IsNullOrWhiteSpace(signer.Position) ? dots : signer.Position),
                        "วันที่ ......... เดือน .................... พ.ศ. ..........",
                    }.SelectMany(line => ThaiLineBreaker.Wrap(line, columnWidth - 6 * Mm, t => Width(t, false, size))).ToList()).ToList();
                var height = lineHeight * (group.Max(g => g.Count) + 1.5f);
                Ensure(height);
                var top = y + lineHeight;
                for (var k = 0; k < group.Count; k++)
                {
                    var x0 = columns == 1 ? Left + ContentWidth / 2 : Left + k * columnWidth;
                    for (var l = 0; l < group[k].Count; l++)
                    {
                        var text = group[k][l];
                        var baseline = top + l * lineHeight + size * 1.1f;
                        var x = x0 + (columnWidth - Width(text, false, size)) / 2;
                        page.Add(c => Text(c, text, x, baseline, false, size, Black));
                    }
                }
                y += height;
            }
        }
    }
}
