using System.Diagnostics;
using System.Text.RegularExpressions;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Bench.Training;

/// <summary>
/// Training certificates (issue 7): a session's 1,000 certificates rendered in-process as one PDF and as a ZIP of single
/// PDFs (target: the PDF in under 30 s). Synthetic holders with Thai names; each certificate carries its own QR code.
/// </summary>
public static class CertificatesBench
{
    public const int Count = 1_000;

    /// <summary>In the child: a warm-up (fonts, ICU, QR), then three timed runs of each; prints one result line.</summary>
    public static int RunChild(string[] args)
    {
        var path = args.FirstOrDefault();
        var issuer = Issuer();
        var holders = Holders(Count);
        CertificateRenderer.Render(holders.Take(5).ToList(), issuer);
        var pdf = Time(() => CertificateRenderer.Render(holders, issuer), out var pdfBytes);
        var zip = Time(() => CertificateRenderer.Zip(holders, issuer), out var zipBytes);
        if (path is not null) File.WriteAllBytes(path, CertificateRenderer.Render(holders, issuer));
        Console.WriteLine(FormattableString.Invariant($"RESULT {pdf:0} {pdfBytes} {zip:0} {zipBytes} {Harness.PeakMegabytes():0}"));
        return 0;
    }

    private static double Time(Func<byte[]> run, out long size)
    {
        var times = new List<double>();
        size = 0;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            size = run().Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Harness.Median(times);
    }

    public static int Run(string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), "phatthana-bench-certificates.pdf");
        var m = Regex.Match(Harness.RunChild("certificates-child", output), @"(\d+) (\d+) (\d+) (\d+) (\d+)");
        double pdfMs = double.Parse(m.Groups[1].Value), zipMs = double.Parse(m.Groups[3].Value);
        long pdfBytes = long.Parse(m.Groups[2].Value), zipBytes = long.Parse(m.Groups[4].Value);
        var peak = int.Parse(m.Groups[5].Value);
        var rows = $"""
            | output | median time (3 runs) | per certificate | size | target met |
            |---|---:|---:|---:|:---:|
            | one PDF of {Count:N0} pages | **{pdfMs / 1000:0.0} s** | {pdfMs / Count:0.0} ms | {pdfBytes / 1048576.0:0.0} MB | {(pdfMs < 30_000 ? "yes (< 30 s)" : "**no**")} |
            | ZIP of {Count:N0} single PDFs | {zipMs / 1000:0.0} s | {zipMs / Count:0.0} ms | {zipBytes / 1048576.0:0.0} MB | (no target) |
            """;
        Console.WriteLine(rows);
        Console.WriteLine($"peak {peak} MB; the PDF is at {output}");
        if (args.Contains("print")) return 0;
        var file = Harness.WriteSection("certificates", $"""
            ## Training certificates (issue 7)

            Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (shared machine), .NET {Environment.Version}, Release build, by
            `dotnet run -c Release --project bench/Phatthana.Bench -- certificates`. Target: a 1,000-certificate PDF in under 30 s.
            In its own process: `CertificateRenderer` draws {Count:N0} synthetic holders (Thai names, a two-line course name, the area's
            name, a signer, the number and a QR code to `/verify/{"{code}"}` for each, no logo) on A4 landscape pages, text shaped by
            HarfBuzz in Sarabun; one warm-up of five certificates, then three timed runs of each output (median shown). The ZIP holds
            one PDF per certificate, each with its own embedded font subset. Peak memory (process): {peak:N0} MB.

            {rows}
            """);
        Console.WriteLine($"wrote {file}");
        return 0;
    }

    private static CertificateIssuer Issuer() => new("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1", null, "นายสมชาย ใจกว้าง",
        CertificateIssuer.DefaultPosition("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1"), false, DateTimeOffset.UtcNow);

    private static readonly string[] Titles = ["นาย", "นาง", "นางสาว"];
    private static readonly string[] First = ["สมหญิง", "ประเสริฐ", "กนกวรรณ", "ณัฐพล", "พัชรินทร์", "ศักดิ์ชัย", "อัญชลี", "วีระพงษ์", "น้ำฝน", "ธีรวุฒิ"];
    private static readonly string[] Last = ["ใจดี", "ศรีสุข", "แก้วมณี", "ทองคำ", "บุญเรือง", "พึ่งบุญ", "จันทร์เพ็ญ", "สุขสวัสดิ์", "รุ่งเรืองศรี", "ปัญญาวงศ์"];

    public static List<CertificateContent> Holders(int count) => Enumerable.Range(1, count).Select(i => new CertificateContent(
        $"{Titles[i % 3]}{First[i % 10]} {Last[i / 10 % 10]}",
        "การพัฒนาสมรรถนะครูด้านการจัดการเรียนรู้เชิงรุก (Active Learning) และการวัดและประเมินผลตามสภาพจริง",
        "รุ่นที่ 1", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), "ห้องประชุมสำนักงานเขตพื้นที่การศึกษา", 18,
        $"PBI1-2568-{i:0000}", Certificates.VerifyUrl("https://phatthana.example.go.th", Certificates.NewCode()))).ToList();
}
