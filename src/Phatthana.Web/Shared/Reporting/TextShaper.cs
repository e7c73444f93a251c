using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// One typeface ready for Thai: Skia draws it, HarfBuzz places its glyphs (tone marks over upper vowels,
/// sara am, below vowels). Shaping is thread-safe here: each call gets its own HarfBuzz buffer.
/// </summary>
public sealed class ShapingFace
{
    private const int Scale = 1 << 12;
    private readonly HbFont font;

    public ShapingFace(SKTypeface typeface)
    {
        Typeface = typeface;
        using var blob = typeface.OpenStream(out var index).ToHarfBuzzBlob();
        var face = new Face(blob, index) { Index = index, UnitsPerEm = typeface.UnitsPerEm };
        font = new HbFont(face);
        font.SetScale(Scale, Scale);
        font.SetFunctionsOpenType();
    }

    public SKTypeface Typeface { get; }

    /// <summary>Shapes one line of text at a size in points.</summary>
    public ShapedText Shape(string text, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length == 0) return new ShapedText(this, size, text, utf8, [], [], [], 0);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        lock (font) font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var k = size / Scale;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        float x = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset * k, -positions[i].YOffset * k);
            x += positions[i].XAdvance * k;
        }
        return new ShapedText(this, size, text, utf8, glyphs, points, clusters, x);
    }

    public float Width(string text, float size) => Shape(text, size).Width;

    public SKFont SkFont(float size) => new(Typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
}

/// <summary>
/// A shaped line. Drawn as one positioned text run that carries both the glyphs and the original UTF-8 text
/// with cluster offsets, so a PDF reader extracts exactly the Thai that was written (no อำ → อํา, no stray spaces).
/// </summary>
public sealed record ShapedText(ShapingFace Face, float Size, string Text, byte[] Utf8, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, float Width)
{
    public void Draw(SKCanvas canvas, float x, float baseline, SKPaint paint)
    {
        if (Glyphs.Length == 0) return;
        using var skFont = Face.SkFont(Size);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(skFont, Glyphs.Length, Utf8.Length);
        run.SetGlyphs(Glyphs);
        run.SetPositions(Positions);
        run.SetText(Utf8);
        run.SetClusters(Clusters);
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
    }
}
