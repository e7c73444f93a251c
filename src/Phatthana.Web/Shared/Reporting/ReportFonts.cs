using System.Reflection;
using SkiaSharp;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Sarabun (vendored, OFL) for every PDF and chart. The faces are embedded in the assembly so the app,
/// the tests and the benchmarks find them wherever they run; Skia's font manager is never asked by family
/// name because the native build without dependencies has no fontconfig.
/// </summary>
public static class ReportFonts
{
    public const string Family = "Sarabun";

    private static readonly Lazy<ShapingFace> RegularFace = new(() => new ShapingFace(Load("Regular")));
    private static readonly Lazy<ShapingFace> BoldFace = new(() => new ShapingFace(Load("Bold")));
    private static readonly Lazy<string> FolderOnDisk = new(WriteToDisk);

    public static ShapingFace Regular => RegularFace.Value;

    public static ShapingFace Bold => BoldFace.Value;

    public static ShapingFace Face(bool bold) => bold ? Bold : Regular;

    /// <summary>The raw font file, e.g. to register with a library that wants a path or bytes.</summary>
    public static byte[] Bytes(string style)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Phatthana.Fonts.Sarabun-{style}.ttf")
            ?? throw new InvalidOperationException($"Sarabun-{style}.ttf is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A folder holding the two faces as files (ScottPlot registers fonts by path).</summary>
    public static string Folder => FolderOnDisk.Value;

    private static SKTypeface Load(string style)
    {
        var data = SKData.CreateCopy(Bytes(style));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Sarabun-{style} could not be read");
    }

    private static string WriteToDisk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "phatthana-fonts-" + typeof(ReportFonts).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        foreach (var style in new[] { "Regular", "Bold" })
        {
            var path = Path.Combine(folder, $"Sarabun-{style}.ttf");
            if (!File.Exists(path))
            {
                // Write under a temporary name first so a concurrent reader never sees half a file.
                var temp = path + "." + Guid.NewGuid().ToString("N");
                File.WriteAllBytes(temp, Bytes(style));
                try { File.Move(temp, path); } catch (IOException) { File.Delete(temp); }
            }
        }
        return folder;
    }
}
