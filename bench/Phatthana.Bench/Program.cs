using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Phatthana.Web.Shared.Reporting;

// Timed scenarios (not tests): each runs in its own process so its peak memory is its own.
//   dotnet run -c Release --project bench/Phatthana.Bench -- reporting   → runs all and rewrites its section of docs/benchmarks.md
//   dotnet run -c Release --project bench/Phatthana.Bench -- one <name>  → one scenario, prints one result line
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var scenarios = new Dictionary<string, (string Title, Func<int> Run)>
{
    ["pdf-1000"] = ("PDF, 1,000-row table (A4, Thai, header repeated)", () => PdfRenderer.Render(Sample(1_000)).Length),
    ["xlsx-100000"] = (".xlsx, 100,000 rows × 6 columns", () => ExcelExporter.Export(Sample(100_000)).Length),
    ["docx-1000"] = (".docx, 1,000-row table", () => WordRenderer.Render(Sample(1_000)).Length),
    ["chart-png"] = ("Chart PNG (stacked bar, 2×)", () => ChartRenderer.Png(Chart()).Length),
};

if (args is ["one", var chosen])
{
    var (_, run) = scenarios[chosen];
    run(); // warm-up: JIT, fonts, ICU
    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < 3; i++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        size = run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine(FormattableString.Invariant($"RESULT {chosen} {times[1]:0} {self.PeakWorkingSet64 / 1048576.0:0} {size}"));
    return 0;
}

if (Environment.GetEnvironmentVariable("PHATTHANA_BENCH_CHILD") == "1") return 2; // never fan out from a child
if (args is not ["reporting"]) { Console.Error.WriteLine("usage: -- reporting | -- one <scenario>"); return 2; }
var root = FindRoot();
var rows = new StringBuilder();
rows.AppendLine("| scenario | median time (3 runs) | peak memory (process) | output |");
rows.AppendLine("|---|---:|---:|---:|");
foreach (var (name, (title, _)) in scenarios)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    start.Environment["PHATTHANA_BENCH_CHILD"] = "1";
    // Under "dotnet Phatthana.Bench.dll" the host needs the dll first; the apphost takes the arguments alone.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(PdfRenderer).Assembly.Location.Replace("Phatthana.Web.dll", "Phatthana.Bench.dll"));
    start.ArgumentList.Add("one");
    start.ArgumentList.Add(name);
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var m = Regex.Match(output, @"RESULT \S+ (\d+) (\d+) (\d+)");
    if (!m.Success) { Console.Error.WriteLine($"{name} failed: {output}"); return 1; }
    var line = $"| {title} | {int.Parse(m.Groups[1].Value):N0} ms | {int.Parse(m.Groups[2].Value):N0} MB | {long.Parse(m.Groups[3].Value) / 1024.0:N0} KB |";
    Console.WriteLine(line);
    rows.AppendLine(line);
}

var section = $"""
<!-- reporting:start -->
## Reporting kit (issue 4)

Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build, by
`dotnet run -c Release --project bench/Phatthana.Bench -- reporting`. Each scenario runs in its own process:
one warm-up (JIT, fonts, ICU dictionary), then three timed runs; peak memory is the process's peak working set.

{rows}
<!-- reporting:end -->
""";
var file = Path.Combine(root, "docs", "benchmarks.md");
var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n\nFigures from `bench/Phatthana.Bench` on the project's 2-core machine. Timed scenarios live here, never in unit tests.\n\n";
text = Regex.IsMatch(text, "<!-- reporting:start -->.*<!-- reporting:end -->", RegexOptions.Singleline)
    ? Regex.Replace(text, "<!-- reporting:start -->.*<!-- reporting:end -->\n?", section.Replace("$", "$$"), RegexOptions.Singleline)
    : text + section;
File.WriteAllText(file, text);
Console.WriteLine($"wrote {file}");
return 0;

static Report Sample(int count) => new()
{
    Title = "รายชื่อข้าราชการครูและบุคลากรทางการศึกษา",
    AreaName = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑",
    Subtitles = ["ปีงบประมาณ พ.ศ. ๒๕๖๘"],
    GeneratedAt = DateTimeOffset.UtcNow,
    FileStem = "bench",
    Orientation = PageOrientation.Landscape,
    Blocks =
    [
        new TableBlock(new ReportTable("รายชื่อ",
            [new("ลำดับ", CellKind.Number, 8), new("ชื่อ - สกุล", CellKind.Text, 36, true), new("ตำแหน่ง", CellKind.Text, 28, true),
             new("สถานศึกษา", CellKind.Text, 36, true), new("วันบรรจุ", CellKind.Date, 14), new("ชั่วโมงอบรม", CellKind.Decimal, 12)],
            Enumerable.Range(1, count).Select(i => new ReportRow([i, $"นางสาวสมใจ ใฝ่เรียนรู้ {i}", i % 7 == 0 ? "ผู้อำนวยการสถานศึกษา" : "ครู วิทยฐานะครูชำนาญการพิเศษ",
                $"โรงเรียนบ้านหนองน้ำใส {i % 104}", new DateOnly(2010 + i % 15, 1 + i % 12, 1 + i % 28), 12.5m + i % 40])).ToList())),
    ],
};

static ChartSpec Chart() => new(ChartKind.StackedBar, "สถานศึกษาจำแนกตามอำเภอและประเภท", ["เมืองเพชรบุรี", "บ้านลาด", "เขาย้อย", "บ้านแหลม", "หนองหญ้าปล้อง"],
    [new("ประถมศึกษา", [28, 19, 12, 14, 10]), new("ขยายโอกาสทางการศึกษา", [7, 5, 4, 1, 4])]);

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Phatthana.slnx"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
