using System.Globalization;
using System.IO.Compression;
using Phatthana.Web.Shared.Thai;
using QRCoder;
using SkiaSharp;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// What one certificate says about its holder. By default a training certificate ("ได้ผ่านการอบรม/พัฒนาหลักสูตร", the course,
/// the session with its dates and venue, the hours); <see cref="ForAward"/> says what an award's certificate says instead.
/// </summary>
public sealed record CertificateContent(
    string Holder, string Course, string Session, DateOnly StartDate, DateOnly EndDate, string? Venue, decimal Hours, string Number, string VerifyUrl)
{
    /// <summary>The line between the holder and the title.</summary>
    public string Achievement { get; init; } = "ได้ผ่านการอบรม/พัฒนาหลักสูตร";
    /// <summary>The line under the title; null prints the session, its dates and venue.</summary>
    public string? Detail { get; init; }
    public bool ShowHours { get; init; } = true;

    /// <summary>An award's certificate: "ได้รับการคัดเลือกให้ได้รับรางวัล", the award, the selection, dated the day it was announced.</summary>
    public static CertificateContent ForAward(string holder, string award, string selection, DateOnly announcedOn, string number, string verifyUrl) =>
        new(holder, award, selection, announcedOn, announcedOn, null, 0, number, verifyUrl)
        {
            Achievement = "ได้รับการคัดเลือกให้ได้รับรางวัล", Detail = selection, ShowHours = false,
        };
}

/// <summary>What every certificate of a printing shares: the issuing area, its logo, who signs, and the digits.</summary>
public sealed record CertificateIssuer(string AreaName, byte[]? Logo, string? SignerName, string SignerPosition, bool ThaiDigits, DateTimeOffset GeneratedAt)
{
    /// <summary>"ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา…" — the head of the area signs unless someone else is named.</summary>
    public static string DefaultPosition(string areaName) => "ผู้อำนวยการ" + areaName;
}

/// <summary>
/// เกียรติบัตร on A4 landscape with Skia: a double border with corner ornaments, the area's logo and name, the holder's name
/// large, the course, the dates in พ.ศ., the hours, "ให้ไว้ ณ วันที่", the signature, the certificate number and a QR code
/// to the public /verify page with its address printed under it. Text is shaped by HarfBuzz as in <see cref="PdfRenderer"/>,
/// so pdftotext gives back the Thai written. Many certificates make one PDF of one page each, or a ZIP of single PDFs.
/// </summary>
public static class CertificateRenderer
{
    public const string ZipContentType = "application/zip";
    private const float Mm = 72f / 25.4f;
    private static readonly float PageWidth = 297 * Mm, PageHeight = 210 * Mm;
    private static readonly float Margin = 24 * Mm;
    private static readonly SKColor Navy = new(0x1f, 0x3a, 0x68), Gold = new(0xb0, 0x8d, 0x3c), Ink = new(0x1b, 0x1f, 0x24), Grey = new(0x5f, 0x66, 0x6d);

    public static byte[] Render(IReadOnlyList<CertificateContent> certificates, CertificateIssuer issuer)
    {
        using var stream = new MemoryStream();
        Write(stream, certificates, issuer);
        return stream.ToArray();
    }

    /// <summary>One PDF per certificate in a ZIP, each named by its number.</summary>
    public static byte[] Zip(IReadOnlyList<CertificateContent> certificates, CertificateIssuer issuer)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in certificates)
            {
                var name = FileName(c.Number);
                for (var i = 2; !names.Add(name); i++) name = FileName($"{c.Number}-{i}");
                // PDFs are already compressed; storing them saves time without costing size.
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                Write(entry, [c], issuer);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A file name from a certificate number: characters a file system refuses become "-".</summary>
    public static string FileName(string number)
    {
        var bad = Path.GetInvalidFileNameChars();
        return new string([.. number.Select(ch => bad.Contains(ch) || ch == '/' ? '-' : ch)]) + ".pdf";
    }

    private static void Write(Stream output, IReadOnlyList<CertificateContent> certificates, CertificateIssuer issuer)
    {
        using var managed = new SKManagedWStream(output);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = certificates.Count == 1 ? $"เกียรติบัตร {certificates[0].Number}" : "เกียรติบัตร",
            Creator = "Phatthana (พัฒนา)",
            Producer = "Phatthana reporting kit",
            Creation = issuer.GeneratedAt.UtcDateTime,
            Modified = issuer.GeneratedAt.UtcDateTime,
            RasterDpi = 150,
            EncodingQuality = 101,
        };
        using var document = SKDocument.CreatePdf(managed, metadata);
        // Decoded once: Skia writes an image drawn on many pages into the file once.
        using var logo = issuer.Logo is { Length: > 0 } ? SKImage.FromEncodedData(issuer.Logo) : null;
        foreach (var c in certificates)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Draw(canvas, c, issuer, logo);
            document.EndPage();
        }
        document.Close();
    }

    private static void Draw(SKCanvas canvas, CertificateContent c, CertificateIssuer issuer, SKImage? logo)
    {
        string D(string text) => issuer.ThaiDigits ? ThaiNumber.ToThaiDigits(text) : text;
        Border(canvas);

        var top = 19 * Mm;
        if (logo is not null)
        {
            var h = 22 * Mm;
            var w = h * logo.Width / Math.Max(1, logo.Height);
            canvas.DrawImage(logo, new SKRect((PageWidth - w) / 2, top, (PageWidth + w) / 2, top + h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            top += h + 1 * Mm;
        }

        // The body is laid out first, then spread over the room above the signature: the gaps grow (each within a limit)
        // so a short course name does not leave a hole in the middle of the page.
        var width = 215 * Mm;
        var where = string.IsNullOrWhiteSpace(c.Venue) ? "" : " ณ " + c.Venue.Trim();
        var blocks = new List<Block>
        {
            Layout(issuer.AreaName, 19, true, Navy, width + 20 * Mm, 2, gap: 0),
            Layout("เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", 16, false, Ink, width, 1, gap: 1.2f),
            Layout(c.Holder, 30, true, Navy, width, 1, gap: 1.5f),
            Layout(c.Achievement, 16, false, Ink, width, 1, gap: 1.5f),
            Layout(c.Course, 19, true, Ink, width, 2, gap: 0.2f),
            Layout(D(c.Detail ?? $"{c.Session} {DateRange(c.StartDate, c.EndDate)}{where}"), 15, false, Ink, width, 2, gap: 1f),
        };
        if (c.ShowHours) blocks.Add(Layout(D($"รวม {Hours(c.Hours)} ชั่วโมง"), 15, false, Ink, width, 1, gap: 0));
        blocks.Add(Layout(D("ให้ไว้ ณ วันที่ " + ThaiDate.Long(c.EndDate)), 15, false, Ink, width, 1, gap: 1.2f));
        var bottom = PageHeight - 60 * Mm;
        var spare = Math.Max(0, bottom - top - blocks.Sum(b => b.Height));
        var weights = blocks.Sum(b => b.Gap) + 1.5f; // the 1.5 is above and below the whole
        var unit = Math.Min(spare / weights, 5 * Mm);
        var y = top + (spare - unit * (weights - 1.5f)) * 0.4f;
        foreach (var b in blocks)
        {
            y += b.Gap * unit;
            y = b.Draw(canvas, y);
        }

        // The signature block, centred, above the foot of the frame.
        var signWidth = 110 * Mm;
        var signTop = PageHeight - 58 * Mm;
        var sx = (PageWidth - signWidth) / 2;
        var line = signTop + 11 * Mm;
        using (var pen = new SKPaint { Color = Ink, StrokeWidth = 0.5f, IsStroke = true, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([1.2f, 1.8f], 0) })
            canvas.DrawLine(sx + 15 * Mm, line, sx + signWidth - 15 * Mm, line, pen);
        var signer = string.IsNullOrWhiteSpace(issuer.SignerName) ? "(" + new string(' ', 1) + new string('.', 46) + new string(' ', 1) + ")" : $"({issuer.SignerName.Trim()})";
        var sy = Centred(canvas, signer, line + 1.5f * Mm, 15, false, Ink, signWidth, left: sx);
        Centred(canvas, issuer.SignerPosition, sy, 14, false, Ink, signWidth + 30 * Mm, left: sx - 15 * Mm, maxLines: 2);

        // Number at the bottom left; QR code and its address at the bottom right, inside the frame.
        var foot = PageHeight - 22 * Mm;
        Text(canvas, "เลขที่ " + c.Number, Margin, foot, 11, false, Ink);
        var qrSize = 24 * Mm;
        var qrX = PageWidth - Margin - qrSize;
        var qrY = foot - qrSize - 3.5f * Mm;
        Qr(canvas, c.VerifyUrl, new SKRect(qrX, qrY, qrX + qrSize, qrY + qrSize));
        var urlSize = 6.5f;
        var urlWidth = ReportFonts.Regular.Width(c.VerifyUrl, urlSize);
        Text(canvas, c.VerifyUrl, Math.Min(qrX + (qrSize - urlWidth) / 2, PageWidth - Margin + 6 * Mm - urlWidth), foot, urlSize, false, Grey);
        Text(canvas, "ตรวจสอบเกียรติบัตร", qrX + (qrSize - ReportFonts.Regular.Width("ตรวจสอบเกียรติบัตร", 7.5f)) / 2, qrY - 1.5f * Mm, 7.5f, false, Grey);
    }

    /// <summary>Lines centred on the page, wrapped at Thai word boundaries; a text too long for its lines is set smaller rather than cut.</summary>
    private sealed record Block(IReadOnlyList<ShapedText> Lines, float Size, SKColor Colour, float Gap)
    {
        public float LineHeight => Size * 1.5f;
        public float Height => Lines.Count * LineHeight;

        public float Draw(SKCanvas canvas, float top)
        {
            using var paint = new SKPaint { Color = Colour, IsAntialias = true };
            foreach (var line in Lines)
            {
                line.Draw(canvas, (PageWidth - line.Width) / 2, top + Size * 1.15f, paint);
                top += LineHeight;
            }
            return top;
        }
    }

    private static Block Layout(string text, float size, bool bold, SKColor colour, float width, int maxLines, float gap)
    {
        var face = ReportFonts.Face(bold);
        var lines = ThaiLineBreaker.Wrap(text, width, t => face.Width(t, size));
        while (lines.Count > maxLines && size > 9)
        {
            size -= 1;
            lines = ThaiLineBreaker.Wrap(text, width, t => face.Width(t, size));
        }
        return new Block([.. lines.Select(l => face.Shape(l, size))], size, colour, gap);
    }

    /// <summary>"เมื่อวันที่ 3 มีนาคม 2568", "ระหว่างวันที่ 1–3 มีนาคม 2568" or "ระหว่างวันที่ 30 มีนาคม – 2 เมษายน 2568".</summary>
    public static string DateRange(DateOnly start, DateOnly end)
    {
        if (end <= start) return "เมื่อวันที่ " + ThaiDate.Long(start);
        if (start.Year == end.Year && start.Month == end.Month) return $"ระหว่างวันที่ {start.Day}–{ThaiDate.Long(end)}";
        if (start.Year == end.Year) return $"ระหว่างวันที่ {start.Day} {ThaiDate.MonthNames[start.Month - 1]} – {ThaiDate.Long(end)}";
        return $"ระหว่างวันที่ {ThaiDate.Long(start)} – {ThaiDate.Long(end)}";
    }

    private static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Text(SKCanvas canvas, string text, float x, float baseline, float size, bool bold, SKColor colour)
    {
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        ReportFonts.Face(bold).Shape(text, size).Draw(canvas, x, baseline, paint);
    }

    /// <summary>Draws centred lines (wrapped at Thai word boundaries) from <paramref name="top"/>; returns the y below them.</summary>
    private static float Centred(SKCanvas canvas, string text, float top, float size, bool bold, SKColor colour, float width, float? left = null, int maxLines = 1)
    {
        var face = ReportFonts.Face(bold);
        var x0 = left ?? (PageWidth - width) / 2;
        var lines = ThaiLineBreaker.Wrap(text, width, t => face.Width(t, size));
        // A name or title too long for its lines is made smaller rather than cut.
        while (lines.Count > maxLines && size > 9)
        {
            size -= 1;
            lines = ThaiLineBreaker.Wrap(text, width, t => face.Width(t, size));
        }
        var lineHeight = size * 1.5f;
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        foreach (var line in lines)
        {
            var shaped = face.Shape(line, size);
            shaped.Draw(canvas, x0 + (width - shaped.Width) / 2, top + size * 1.15f, paint);
            top += lineHeight;
        }
        return top;
    }

    private static void Border(SKCanvas canvas)
    {
        var outer = SKRect.Create(9 * Mm, 9 * Mm, PageWidth - 18 * Mm, PageHeight - 18 * Mm);
        var inner = SKRect.Create(13 * Mm, 13 * Mm, PageWidth - 26 * Mm, PageHeight - 26 * Mm);
        using var thick = new SKPaint { Color = Navy, StrokeWidth = 3.2f, IsStroke = true, IsAntialias = true };
        using var thin = new SKPaint { Color = Gold, StrokeWidth = 1.1f, IsStroke = true, IsAntialias = true };
        using var hair = new SKPaint { Color = Gold, StrokeWidth = 0.5f, IsStroke = true, IsAntialias = true };
        canvas.DrawRect(outer, thick);
        canvas.DrawRect(SKRect.Inflate(outer, -2.2f * Mm, -2.2f * Mm), hair);
        canvas.DrawRect(inner, thin);
        using var fill = new SKPaint { Color = Gold, IsAntialias = true };
        using var navyFill = new SKPaint { Color = Navy, IsAntialias = true };
        foreach (var (cx, cy) in new[] { (inner.Left, inner.Top), (inner.Right, inner.Top), (inner.Left, inner.Bottom), (inner.Right, inner.Bottom) })
        {
            // A gold diamond with a navy centre at each corner of the inner frame.
            using var diamond = Diamond(cx, cy, 4.2f * Mm);
            canvas.DrawPath(diamond, fill);
            canvas.DrawCircle(cx, cy, 1.3f * Mm, navyFill);
        }
        // Small diamonds at the middle of each side.
        foreach (var (cx, cy) in new[] { (PageWidth / 2, inner.Top), (PageWidth / 2, inner.Bottom), (inner.Left, PageHeight / 2), (inner.Right, PageHeight / 2) })
        {
            using var diamond = Diamond(cx, cy, 2.2f * Mm);
            canvas.DrawPath(diamond, fill);
        }
    }

    private static SKPath Diamond(float cx, float cy, float r)
    {
        using var b = new SKPathBuilder();
        b.MoveTo(cx, cy - r);
        b.LineTo(cx + r, cy);
        b.LineTo(cx, cy + r);
        b.LineTo(cx - r, cy);
        b.Close();
        return b.Detach();
    }

    /// <summary>The QR code as vector squares (QRCoder's module matrix): sharp at any print size and small in the file.</summary>
    private static void Qr(SKCanvas canvas, string url, SKRect rect)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var cell = rect.Width / n;
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(rect, white);
        using var builder = new SKPathBuilder();
        for (var row = 0; row < n; row++)
            for (var col = 0; col < n; col++)
                if (matrix[row][col])
                    builder.AddRect(SKRect.Create(rect.Left + col * cell, rect.Top + row * cell, cell, cell));
        using var path = builder.Detach();
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawPath(path, black);
    }

    /// <summary>The QR code as PNG (QRCoder's own writer, no System.Drawing), e.g. for a page.</summary>
    public static byte[] QrPng(string url, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
