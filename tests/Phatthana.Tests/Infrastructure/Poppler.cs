using System.Diagnostics;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// Reads generated PDFs back with poppler (pdftotext, pdfinfo, pdftoppm — installed by test.sh): an independent
/// PDF reader, so a test checks what a person's PDF viewer would show, not what our renderer thinks it wrote.
/// A missing tool fails the test; it is never skipped.
/// </summary>
public static class Poppler
{
    public static string Text(byte[] pdf, int? page = null, bool layout = false)
    {
        var args = new List<string> { "-enc", "UTF-8" };
        if (layout) args.Add("-layout");
        if (page is { } p) args.AddRange(["-f", p.ToString(), "-l", p.ToString()]);
        return Run("pdftotext", pdf, args, "-");
    }

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, [], null);

    public static int PageCount(byte[] pdf)
    {
        var info = Info(pdf);
        var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>Rasterises one page to PNG at <paramref name="dpi"/> and returns the file's path.</summary>
    public static string PagePng(byte[] pdf, int page, string outputStem, int dpi = 110)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputStem)!);
        Run("pdftoppm", pdf, ["-png", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile"], outputStem);
        return outputStem + ".png";
    }

    private static string Run(string tool, byte[] pdf, IEnumerable<string> args, string? output)
    {
        var file = Path.Combine(Path.GetTempPath(), $"phatthana-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(file);
            if (output is not null) start.ArgumentList.Add(output);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException($"{tool} took over a minute"); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
            return stdout.Result;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (poppler-utils; test.sh installs it)", e);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
