using ScottPlot;

namespace Phatthana.Web.Shared.Reporting;

public enum ChartKind { Bar, StackedBar, Line, Pie }

/// <summary>One series of a chart: its Thai name (legend), one value per category and, when its meaning has a colour
/// (short in red, over in amber), that colour as #rrggbb; otherwise the palette's.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string? Color = null);

/// <summary>
/// A chart declared as data: kind, Thai title, category labels (x axis or pie slices) and series.
/// The same declaration renders to SVG for pages and PNG for PDFs, so screen and print agree.
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public string? ValueAxis { get; init; }

    /// <summary>The top of the value axis, from 0, with a tick at each whole number up to 20 (levels, scores); automatic when null.</summary>
    public double? ValueMax { get; init; }

    /// <summary>Pixel size the chart is designed for; print scales it to the block's width.</summary>
    public int Width { get; init; } = 720;

    public int Height { get; init; } = 360;
}

/// <summary>Renders <see cref="ChartSpec"/> with ScottPlot and Sarabun.</summary>
public static partial class ChartRenderer
{
    private static readonly string[] Palette = ["#1f5f8b", "#e07b39", "#3a9d5d", "#c0392b", "#8e6bbf", "#7f8c8d", "#d4ac0d", "#16a085"];
    private static readonly Lazy<bool> FontsRegistered = new(() =>
    {
        Fonts.AddFontFile(ReportFonts.Family, Path.Combine(ReportFonts.Folder, "Sarabun-Regular.ttf"), bold: false, italic: false);
        Fonts.AddFontFile(ReportFonts.Family, Path.Combine(ReportFonts.Folder, "Sarabun-Bold.ttf"), bold: true, italic: false);
        return true;
    });
    private static readonly Lock Gate = new();

    /// <summary>
    /// SVG for a page. ScottPlot writes one x (and y) per character; Thai tone marks and vowels would then be
    /// placed apart from their consonant, so only the first position is kept and the browser shapes the text
    /// with the page's own Sarabun.
    /// </summary>
    public static string Svg(ChartSpec spec) => Drawn.GetOrAdd("svg", spec, () => DrawSvg(spec));

    private static string DrawSvg(ChartSpec spec)
    {
        string svg;
        lock (Gate) svg = Build(spec).GetSvgXml(spec.Width, spec.Height);
        svg = GlyphPositions().Replace(svg, m => $" {m.Groups[1].Value}=\"{m.Groups[2].Value}\"");
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..];
        // Scale with its container on a phone; keep the designed size as the aspect ratio.
        return svg.Replace($"width=\"{spec.Width}\" height=\"{spec.Height}\"", $"viewBox=\"0 0 {spec.Width} {spec.Height}\" class=\"chart\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(spec.Title)}\"");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (x|y)=""\s*([-0-9.eE]+)\s*,[^""]*""")]
    private static partial System.Text.RegularExpressions.Regex GlyphPositions();

    /// <summary>PNG at <paramref name="scale"/>× the designed size (2× keeps print sharp).</summary>
    public static byte[] Png(ChartSpec spec, float scale = 2f) =>
        Drawn.GetOrAdd(FormattableString.Invariant($"png{scale}"), spec, () => DrawPng(spec, scale));

    private static byte[] DrawPng(ChartSpec spec, float scale)
    {
        lock (Gate)
        {
            var plot = Build(spec);
            plot.ScaleFactor = scale;
            return plot.GetImageBytes((int)(spec.Width * scale), (int)(spec.Height * scale), ImageFormat.Png);
        }
    }

    /// <summary>
    /// The charts already drawn, by everything a drawing depends on (<see cref="Key"/>): a chart is a pure function of its
    /// declaration, so the same figures are drawn once and served again (a dashboard read by many users while its data
    /// stand still), and changed figures make a different key — nothing to invalidate. Bounded: emptied when full.
    /// </summary>
    private static class Drawn
    {
        public const int Capacity = 256;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> Cache = new(StringComparer.Ordinal);

        public static T GetOrAdd<T>(string format, ChartSpec spec, Func<T> draw) where T : class
        {
            var key = format + "\u001e" + Key(spec);
            if (Cache.TryGetValue(key, out var found)) return (T)found;
            var drawn = draw();
            if (Cache.Count >= Capacity) Cache.Clear();
            Cache[key] = drawn;
            return drawn;
        }
    }

    /// <summary>Every part of a declaration the drawing reads, in one string (values to the last bit).</summary>
    private static string Key(ChartSpec spec)
    {
        var b = new System.Text.StringBuilder(256);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        b.Append((int)spec.Kind).Append('\u001f').Append(spec.Title).Append('\u001f').Append(spec.ValueAxis).Append('\u001f')
            .Append(spec.ValueMax?.ToString("R", inv)).Append('\u001f').Append(spec.Width).Append('x').Append(spec.Height);
        foreach (var c in spec.Categories) b.Append('\u001d').Append(c);
        foreach (var s in spec.Series)
        {
            b.Append('\u001c').Append(s.Name).Append('\u001f').Append(s.Color);
            foreach (var v in s.Values) b.Append('\u001f').Append(v.ToString("R", inv));
        }
        return b.ToString();
    }

    private static Plot Build(ChartSpec spec)
    {
        _ = FontsRegistered.Value;
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family);
        plot.Title(spec.Title, 16);
        switch (spec.Kind)
        {
            case ChartKind.Pie: Pie(plot, spec); break;
            case ChartKind.Line: Lines(plot, spec); break;
            default: Bars(plot, spec, stacked: spec.Kind == ChartKind.StackedBar); break;
        }
        plot.Font.Set(ReportFonts.Family);
        return plot;
    }

    private static Color Colour(int i) => Color.FromHex(Palette[i % Palette.Length]);

    private static Color Colour(ChartSpec spec, int series) =>
        spec.Series[series].Color is { Length: 7 } hex && hex[0] == '#' ? Color.FromHex(hex) : Colour(series);

    private static void Bars(Plot plot, ChartSpec spec, bool stacked)
    {
        var groups = spec.Series.Count;
        var width = stacked || groups == 1 ? 0.7 : 0.8 / groups;
        var bars = new List<Bar>();
        for (var c = 0; c < spec.Categories.Count; c++)
        {
            double baseValue = 0;
            for (var s = 0; s < groups; s++)
            {
                var value = c < spec.Series[s].Values.Count ? spec.Series[s].Values[c] : 0;
                var position = stacked || groups == 1 ? c : c - 0.4 + width * (s + 0.5);
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = stacked ? baseValue : 0,
                    Value = stacked ? baseValue + value : value,
                    FillColor = Colour(spec, s),
                    Size = width,
                    LineWidth = 0,
                });
                if (stacked) baseValue += value;
            }
        }
        plot.Add.Bars(bars);
        Categories(plot, spec);
        plot.Axes.Margins(bottom: 0);
        Legend(plot, spec);
        ValueRange(plot, spec);
    }

    private static void Lines(Plot plot, ChartSpec spec)
    {
        var xs = Enumerable.Range(0, spec.Categories.Count).Select(i => (double)i).ToArray();
        for (var s = 0; s < spec.Series.Count; s++)
        {
            // A series may stop short of the last category (a year under way): its line ends where its values do.
            var ys = spec.Series[s].Values.Take(xs.Length).ToArray();
            if (ys.Length == 0) continue;
            var line = plot.Add.Scatter(xs[..ys.Length], ys);
            line.Color = Colour(spec, s);
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        Categories(plot, spec);
        Legend(plot, spec);
        ValueRange(plot, spec);
    }

    private static void ValueRange(Plot plot, ChartSpec spec)
    {
        if (spec.ValueMax is not { } max || max <= 0) return;
        // Room above the top for the legend in the corner, as the automatic margins leave it.
        var headroom = spec.Series.Count < 2 ? 0.05 : 0.1 + 0.08 * spec.Series.Count;
        plot.Axes.SetLimitsY(0, max * (1 + headroom));
        if (max <= 20)
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, (int)max + 1).Select(v => new Tick(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
    }

    private static void Pie(Plot plot, ChartSpec spec)
    {
        var values = spec.Series.Count > 0 ? spec.Series[0].Values : [];
        var total = values.Sum();
        var slices = spec.Categories.Select((label, i) => new PieSlice
        {
            Value = i < values.Count ? values[i] : 0,
            FillColor = Colour(i),
            LegendText = total > 0 ? $"{label} ({(i < values.Count ? values[i] : 0) / total * 100:0.#}%)" : label,
        }).ToList();
        var pie = plot.Add.Pie(slices);
        pie.ExplodeFraction = 0.02;
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        plot.ShowLegend(Alignment.MiddleRight);
        plot.Legend.FontName = ReportFonts.Family;
        plot.Legend.FontSize = 16;
    }

    private static void Categories(Plot plot, ChartSpec spec)
    {
        var ticks = spec.Categories.Select((label, i) => new Tick(i, label)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontName = ReportFonts.Family;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontName = ReportFonts.Family;
        // Long labels that would collide are turned; short ones (อ.1, ป.6) stay level.
        var perCategory = (spec.Width - 80.0) / Math.Max(1, spec.Categories.Count);
        if (spec.Categories.Any(c => c.Length * 7.5 > perCategory))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            // The automatic layout measures labels level; turned, the longest needs its length × sin 30° below the axis.
            var longest = spec.Categories.Max(c => c.Length);
            plot.Axes.Bottom.MinimumSize = (float)Math.Min(spec.Height * 0.45, longest * 7.5 * 0.5 + 24);
            // …and the first one reaches left of the plot by its length × cos 30°, less half a category.
            plot.Axes.Left.MinimumSize = (float)Math.Min(spec.Width * 0.3, Math.Max(50, spec.Categories[0].Length * 7.5 * 0.87 - perCategory / 2));
        }
        if (spec.ValueAxis is not null) plot.Axes.Left.Label.Text = spec.ValueAxis;
        plot.Axes.Left.Label.FontName = ReportFonts.Family;
        plot.HideGrid();
        plot.Grid.YAxisStyle.IsVisible = true;
    }

    private static void Legend(Plot plot, ChartSpec spec)
    {
        if (spec.Series.Count < 2) return;
        var items = spec.Series.Select((s, i) => new LegendItem { LabelText = s.Name, FillColor = Colour(spec, i) });
        plot.ShowLegend(items, Alignment.UpperRight);
        plot.Legend.FontName = ReportFonts.Family;
        plot.Legend.FontSize = 12;
        // Headroom above the tallest bar, so the legend in the corner does not cover it.
        plot.Axes.Margins(bottom: 0, top: 0.1 + 0.08 * spec.Series.Count);
    }
}
