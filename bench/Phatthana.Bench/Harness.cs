using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Phatthana.Bench;

/// <summary>
/// What every group of scenarios shares: running one scenario in a child process of this program (so its peak memory
/// is its own), reading the process's peak memory, and rewriting one marked section of docs/benchmarks.md.
/// </summary>
public static class Harness
{
    public const string ChildVariable = "PHATTHANA_BENCH_CHILD";

    public static bool IsChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <summary>
    /// Runs this program again with <paramref name="args"/> and returns the payload of its "RESULT " line. The child's
    /// other output and its errors go to this console as they come.
    /// </summary>
    public static string RunChild(params string[] args) => RunChild(null, null, args);

    /// <inheritdoc cref="RunChild(string[])"/>
    /// <param name="environment">Variables to set for the child (e.g. the GC mode of the app it stands for).</param>
    /// <param name="workingDirectory">The child's working directory, which a host makes its content root.</param>
    public static string RunChild(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.Environment[ChildVariable] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        // Under "dotnet Phatthana.Bench.dll" the host needs the dll first; the apphost takes the arguments alone.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(Harness).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        string? result = null;
        while (child.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal)) result = line["RESULT ".Length..];
            else Console.WriteLine("    " + line);
        }
        child.WaitForExit();
        if (child.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"scenario '{string.Join(' ', args)}' failed (exit {child.ExitCode})");
        return result;
    }

    /// <summary>CPU time (user + system) this process has used so far.</summary>
    public static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>The process's peak working set so far (VmHWM on Linux), in MB.</summary>
    /// <summary>The machine's 1, 5 and 15-minute load averages: other work shares its two cores, and the figures say how much.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static double PeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>Replaces the <c>&lt;!-- name:start --&gt;…&lt;!-- name:end --&gt;</c> section of docs/benchmarks.md, or appends it.</summary>
    public static string WriteSection(string name, string body)
    {
        var section = $"<!-- {name}:start -->\n{body.TrimEnd()}\n\n<!-- {name}:end -->\n";
        var file = Path.Combine(Root(), "docs", "benchmarks.md");
        var text = File.Exists(file)
            ? File.ReadAllText(file)
            : "# Benchmarks\n\nFigures from `bench/Phatthana.Bench` on the project's 2-core machine. Timed scenarios live here, never in unit tests.\n\n";
        var marked = new Regex($"<!-- {name}:start -->.*<!-- {name}:end -->\n?", RegexOptions.Singleline);
        text = marked.IsMatch(text) ? marked.Replace(text, section.Replace("$", "$$")) : text.TrimEnd() + "\n\n" + section;
        File.WriteAllText(file, text);
        return file;
    }

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Phatthana.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
