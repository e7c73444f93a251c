using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Bench.Reporting;

/// <summary>The reporting kit (issue 4): PDF, .xlsx, .docx and chart renders, each timed in its own process.</summary>
public static class ReportingBench
{
    private static readonly Dictionary<string, (string Title, Func<int> Run)> Scenarios = new()
    {
        ["pdf-1000"] = ("PDF, 1,000-row table (A4, Thai, header repeated)", () => PdfRenderer.Render(Sample(1_000)).Length),
        ["xlsx-100000"] = (".xlsx, 100,000 rows × 6 columns", () => ExcelExporter.Export(Sample(100_000)).Length),
        ["docx-1000"] = (".docx, 1,000-row table", () => WordRenderer.Render(Sample(1_000)).Length),
        ["chart-png"] = ("Chart PNG (stacked bar, 2×)", () => ChartRenderer.Png(Chart()).Length),
    };

    /// <summary>One scenario, in the child: a warm-up, then three timed runs; prints one result line.</summary>
    public static int RunOne(string chosen)
    {
        var (_, run) = Scenarios[chosen];
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
        Console.WriteLine(FormattableString.Invariant($"RESULT {chosen} {Harness.Median(times):0} {Harness.PeakMegabytes():0} {size}"));
        return 0;
    }

    /// <summary>Every scenario in its own process, then the "reporting" section of docs/benchmarks.md.</summary>
    public static int RunAll()
    {
        var rows = new StringBuilder();
        rows.AppendLine("| scenario | median time (3 runs) | peak memory (process) | output |");
        rows.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, (title, _)) in Scenarios)
        {
            var m = Regex.Match(Harness.RunChild("one", name), @"\S+ (\d+) (\d+) (\d+)");
            var line = $"| {title} | {int.Parse(m.Groups[1].Value):N0} ms | {int.Parse(m.Groups[2].Value):N0} MB | {long.Parse(m.Groups[3].Value) / 1024.0:N0} KB |";
            Console.WriteLine(line);
            rows.AppendLine(line);
        }
        var file = Harness.WriteSection("reporting", $"""
            ## Reporting kit (issue 4)

            Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build, by
            `dotnet run -c Release --project bench/Phatthana.Bench -- reporting`. Each scenario runs in its own process:
            one warm-up (JIT, fonts, ICU dictionary), then three timed runs; peak memory is the process's peak working set.

            {rows}
            """);
        Console.WriteLine($"wrote {file}");
        return 0;
    }

    private static Report Sample(int count) => new()
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

    private static ChartSpec Chart() => new(ChartKind.StackedBar, "สถานศึกษาจำแนกตามอำเภอและประเภท", ["เมืองเพชรบุรี", "บ้านลาด", "เขาย้อย", "บ้านแหลม", "หนองหญ้าปล้อง"],
        [new("ประถมศึกษา", [28, 19, 12, 14, 10]), new("ขยายโอกาสทางการศึกษา", [7, 5, 4, 1, 4])]);
}
