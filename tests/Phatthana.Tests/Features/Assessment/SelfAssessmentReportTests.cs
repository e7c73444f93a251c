using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>
/// The self-assessment report (SAR) of a round over HTTP on both databases: the .docx holds the offices' indicator table
/// (their four headers, each item with its answer, the level with the rule's reason, the evidence by file name), the PDF
/// reads back the round and the indicators' Thai names, a linked report prints the date it was frozen once the round is
/// submitted, a round with nothing answered still renders, and only the area's self-assessment readers get it.
/// </summary>
public sealed class SelfAssessmentReportTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string FirstIndicator = "การบริหารจัดการที่ดี";
    private const string SecondIndicator = "การพัฒนาสู่องค์การแห่งการเรียนรู้";
    private const string FirstItem = "มีการนำผลการดำเนินงานมาพัฒนาการบริหารจัดการอย่างต่อเนื่อง";

    private sealed record World(AppHost Host, string Area, HttpClient Admin, Guid Round, string Framework)
    {
        public string Api => $"/api/v1/assessment-rounds/{Round}";
    }

    private static async Task<World> ArrangeAsync(AppHost host, string roundName = "ครั้งที่ 1/2569")
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var code = $"SAR-{Unique.PositionNumber()}";
        var framework = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", new
        {
            code, name = "มาตรฐานสำนักงานเขตพื้นที่การศึกษา (ทดสอบรายงาน)",
            standards = new[]
            {
                new
                {
                    number = 1, name = "การบริหารจัดการองค์การสู่ความเป็นเลิศ",
                    indicators = new object[]
                    {
                        new
                        {
                            number = 1, name = FirstIndicator,
                            rule = new { kind = "Count", levels = new[] { new { level = 3, minClear = 3 }, new { level = 2, minClear = 1 }, new { level = 1, minClear = 0 } } },
                            levelDescriptions = new[] { new { level = 3, text = "มีร่องรอยหลักฐานปรากฏชัดเจนครบ ๓ ข้อ" }, new { level = 2, text = "มีร่องรอยหลักฐานปรากฏชัดเจน ๑–๒ ข้อ" } },
                            items = new[] { new { number = 1, text = FirstItem }, new { number = 2, text = "มีการติดตามผลการดำเนินงาน" }, new { number = 3, text = "มีรายงานผลต่อผู้บริหาร" } },
                        },
                        new
                        {
                            number = 2, name = SecondIndicator, rule = new { kind = "Rubric" },
                            items = new[] { new { number = 1, text = "มีการแลกเปลี่ยนเรียนรู้" }, new { number = 2, text = "มีการจัดการความรู้" } },
                        },
                    },
                },
            },
        });
        Assert.True(framework.StatusCode == HttpStatusCode.Created, await framework.Content.ReadAsStringAsync());
        var round = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = code, name = roundName, startDate = "2025-10-01", endDate = "2026-03-31" });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        return new World(host, area, admin, (await round.JsonAsync()).GetProperty("id").GetGuid(), code);
    }

    private static async Task<Guid> UploadAsync(World w, string fileName)
    {
        var form = new MultipartFormDataContent();
        var bytes = "%PDF-1.7\n"u8.ToArray().Concat(new byte[512]).ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        var response = await w.Admin.PostAsync($"{w.Api}/evidence", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<byte[]> FileAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Table IndicatorTable(WordprocessingDocument doc, string itemText) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Table>().Single(t => t.InnerText.Contains(itemText, StringComparison.Ordinal));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_docx_has_the_seeds_indicator_table_with_items_the_level_and_its_reason_and_the_evidence(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"{w.Api}/items/1.1/1", new
        {
            done = true, evidence = "Clear", results = "จัดทำรายงานผลการบริหารจัดการองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", successFactors = "ผู้บริหารให้ความสำคัญ",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"{w.Api}/items/1.1/2", new { done = true, evidence = "Unclear" })).StatusCode);
        var file = await UploadAsync(w, "คำสั่งแต่งตั้งคณะทำงาน.pdf");
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.1/1/evidence/{file}", null)).StatusCode);

        var response = await w.Admin.GetAsync($"{w.Api}/report?format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"sar-{w.Area}-ครั้งที่-1-2569-", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var table = IndicatorTable(doc, FirstItem);
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(["ระดับคุณภาพ", "คำอธิบายระดับคุณภาพ", "วิธีการดำเนินงาน / ผลการดำเนินงาน / ความเห็นและข้อเสนอแนะ", "เอกสาร/หลักฐานอ้างอิง"],
            rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        // The levels, highest first, in the framework's words; the one reached (2: one of three items clear) is marked.
        Assert.Equal(["3", "■ 2", "1"], rows.Skip(1).Take(3).Select(r => r.Elements<TableCell>().First().InnerText));
        Assert.Equal("มีร่องรอยหลักฐานปรากฏชัดเจน ๑–๒ ข้อ", rows[2].Elements<TableCell>().ElementAt(1).InnerText);
        // A level the framework does not describe reads as its rule does on the framework page.
        Assert.Equal("ไม่มีข้อใดมีหลักฐานชัดเจน", rows[3].Elements<TableCell>().ElementAt(1).InnerText);
        var paragraphs = table.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ระดับที่ได้ 2 จาก 3", paragraphs);
        Assert.Contains("ตามเกณฑ์: ชัดเจน 1 จาก 3 ข้อ → ระดับ 2", paragraphs);

        var item = rows.Single(r => r.InnerText.Contains(FirstItem, StringComparison.Ordinal)).Elements<TableCell>().ToList();
        Assert.Equal(["ประเด็นที่ 1", FirstItem, "ดำเนินการแล้ว · มีร่องรอยหลักฐานปรากฏชัดเจน"], item[0].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal(2, item[0].TableCellProperties!.GetFirstChild<GridSpan>()!.Val!.Value);
        Assert.Equal(["ผลการดำเนินงาน", "จัดทำรายงานผลการบริหารจัดการองค์กร ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "ปัจจัยความสำเร็จ / Best Practice", "ผู้บริหารให้ความสำคัญ"],
            item[1].Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal(["1. คำสั่งแต่งตั้งคณะทำงาน.pdf"], item[2].Elements<Paragraph>().Select(p => p.InnerText));
        // An item answered without a narrative, and one never answered, say so.
        var second = rows.Single(r => r.InnerText.Contains("มีการติดตามผลการดำเนินงาน", StringComparison.Ordinal)).Elements<TableCell>().ToList();
        Assert.Equal(("ดำเนินการแล้ว · มีหลักฐานแต่ไม่ชัดเจน", SarIndicatorTable.NotRecorded, SarIndicatorTable.NoEvidence),
            (second[0].Elements<Paragraph>().Last().InnerText, second[1].InnerText, second[2].InnerText));
        var third = rows.Single(r => r.InnerText.Contains("มีรายงานผลต่อผู้บริหาร", StringComparison.Ordinal)).Elements<TableCell>().ToList();
        Assert.Equal("ยังไม่ได้ดำเนินการ", third[0].Elements<Paragraph>().Last().InnerText);

        // The cover summary lists both indicators with their levels and the signature lines close the report.
        var body = doc.MainDocumentPart!.Document!.Body!;
        var summary = body.Elements<Table>().First();
        Assert.Contains(summary.Elements<TableRow>(), r => r.Elements<TableCell>().Select(c => c.InnerText).SequenceEqual(
            [$"1.1 {FirstIndicator}", "2", "3", "ชัดเจน 1 จาก 3 ข้อ → ระดับ 2"]));
        Assert.Contains("ผู้อำนวยการ", body.Elements<Table>().Last().InnerText, StringComparison.Ordinal);
        Assert.Equal(PageOrientationValues.Landscape, body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Orient!.Value);

        // The PDF reads back the round's name and the indicators' Thai names exactly.
        var text = Poppler.Text(await FileAsync(w.Admin, $"{w.Api}/report?format=pdf", "application/pdf"));
        Assert.Contains("ครั้งที่ 1/2569", text, StringComparison.Ordinal);
        Assert.Contains($"ตัวบ่งชี้ที่ 1.1 {FirstIndicator}", text, StringComparison.Ordinal);
        Assert.Contains($"ตัวบ่งชี้ที่ 1.2 {SecondIndicator}", text, StringComparison.Ordinal);
        Assert.Contains("คำสั่งแต่งตั้งคณะทำงาน.pdf", text, StringComparison.Ordinal);

        // Excel: the summary's levels are numbers.
        var sheet = Workbook.Read(await FileAsync(w.Admin, $"{w.Api}/report?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var first = Workbook.RowsAfter(sheet, "ตัวบ่งชี้").First(r => Equals(r[0], $"1.1 {FirstIndicator}"));
        Assert.Equal((2d, 3d), (Convert.ToDouble(first[1]), Convert.ToDouble(first[2])));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_linked_report_prints_the_date_its_figures_were_frozen_once_the_round_is_submitted(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        var link = await w.Admin.PostAsJsonAsync($"{w.Api}/evidence/links", new { report = "training-summary", parameters = new { year = 2568 } });
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var id = (await link.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.2/1/evidence/{id}", null)).StatusCode);

        static List<string> EvidenceCell(WordprocessingDocument doc) => IndicatorTable(doc, "มีการแลกเปลี่ยนเรียนรู้").Elements<TableRow>()
            .Single(r => r.InnerText.Contains("มีการแลกเปลี่ยนเรียนรู้", StringComparison.Ordinal)).Elements<TableCell>().Last().Elements<Paragraph>().Select(p => p.InnerText).ToList();

        using (var open = WordprocessingDocument.Open(new MemoryStream(await FileAsync(w.Admin, $"{w.Api}/report?format=docx", WordContentType)), false))
        {
            var cell = EvidenceCell(open);
            Assert.Equal("1. สรุปผลการพัฒนาครูและบุคลากรทางการศึกษา ปีงบประมาณ 2568 (รายงานจากระบบ)", cell[0]);
            Assert.StartsWith("ข้อมูลปัจจุบัน", cell[1]);
            Assert.StartsWith("จำนวนรุ่น 0; ผู้เข้ารับการพัฒนา (คน) 0", cell[2]);
        }

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/submit", new { })).StatusCode);
        var frozenAt = await w.Host.WithDbAsync(db => db.Evidence.Where(e => e.Id == id).Select(e => e.SnapshotAt).SingleAsync());
        var expected = $"ข้อมูล ณ วันที่ส่ง {ThaiDate.ShortDateTime(frozenAt!.Value)}";
        using (var submitted = WordprocessingDocument.Open(new MemoryStream(await FileAsync(w.Admin, $"{w.Api}/report?format=docx", WordContentType)), false))
        {
            Assert.Equal(expected, EvidenceCell(submitted)[1]);
            Assert.Contains("สถานะ: ส่งแล้ว เมื่อ", submitted.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
        var assessor = await w.Host.UserAsync(Role.Assessor, w.Area);
        Assert.Contains(expected, Poppler.Text(await FileAsync(assessor, $"{w.Api}/report?format=pdf", "application/pdf")), StringComparison.Ordinal);
    }

    private const string Narrative = "สำนักงานเขตพื้นที่การศึกษาบริหารจัดการองค์กรแบบบูรณาการ โดยใช้กระบวนการ PDCA โดยเน้นการตรวจสอบเป็นหลัก " +
        "ซึ่งจากการดำเนินการดังกล่าวสำนักงานได้นำผลการดำเนินงานที่ผ่านมาใช้เป็นข้อมูลในการวางแผนพัฒนาการบริหารจัดการศึกษาให้แก่ประชากรวัยเรียนในสังกัด " +
        "เพื่อให้ผู้เรียนมีคุณภาพมีผลสัมฤทธิ์ทางการเรียนสูงขึ้น และเมื่อจบการศึกษาไปแล้วสามารถดำรงตนอยู่ในสังคมได้อย่างมีความสุขต่อไป";

    [Theory, MemberData(nameof(Providers))]
    public async Task The_summary_sets_each_level_beside_the_previous_rounds_and_the_assessors(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        for (var n = 1; n <= 3; n++)
            Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"{w.Api}/items/1.1/{n}", new
            {
                done = true, evidence = "Clear", results = Narrative, problems = "ผู้ให้ข้อมูลในสถานศึกษาขาดความเข้าใจในการกรอกข้อมูล", approach = "ชี้แจงในที่ประชุมผู้บริหารสถานศึกษา",
            })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/submit", new { })).StatusCode);
        var assessor = await w.Host.UserAsync(Role.Assessor, w.Area);
        Assert.Equal(HttpStatusCode.OK, (await assessor.PutAsJsonAsync($"{w.Api}/indicators/1.1/review",
            new { comment = "ควรเพิ่มรายงานการประชุมเป็นหลักฐาน", agreedLevel = 2, reason = "หลักฐานประเด็นที่ 3 ยังไม่ครบ" })).StatusCode);

        using (var first = WordprocessingDocument.Open(new MemoryStream(await FileAsync(assessor, $"{w.Api}/report?format=docx", WordContentType)), false))
        {
            var summary = first.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
            Assert.Equal(["ตัวบ่งชี้", "ระดับที่ได้", "ระดับสูงสุด", "เหตุผลตามเกณฑ์", "ผู้ประเมินเห็นชอบ"], summary.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
            Assert.Contains(summary.Elements<TableRow>(), r => r.Elements<TableCell>().Select(c => c.InnerText).SequenceEqual(
                [$"1.1 {FirstIndicator}", "3", "3", "ชัดเจน 3 จาก 3 ข้อ → ระดับ 3", "2"]));
            var table = IndicatorTable(first, FirstItem);
            var paragraphs = table.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("ผู้ประเมินเห็นชอบ: ระดับ 2 — หลักฐานประเด็นที่ 3 ยังไม่ครบ", paragraphs);
            var last = table.Elements<TableRow>().Last().Elements<TableCell>().Select(c => c.InnerText).ToList();
            Assert.Equal(["ความเห็นและข้อเสนอแนะของผู้ประเมิน", "ควรเพิ่มรายงานการประชุมเป็นหลักฐาน"], last);
            Assert.Contains(Narrative, paragraphs);
        }

        // The next round, on part of the framework: the level fell from 3 to 2.
        var next = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/assessment-rounds", new { framework = w.Framework, name = "ครั้งที่ 2/2569", startDate = "2026-04-01", endDate = "2026-09-30", indicators = new[] { "1.1" } });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var second = $"/api/v1/assessment-rounds/{(await next.JsonAsync()).GetProperty("id").GetGuid()}";
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"{second}/items/1.1/1", new { done = true, evidence = "ClearAndVerified" })).StatusCode);
        using var report = WordprocessingDocument.Open(new MemoryStream(await FileAsync(w.Admin, $"{second}/report?format=docx", WordContentType)), false);
        var body = report.MainDocumentPart!.Document!.Body!;
        var rows = body.Elements<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["ตัวบ่งชี้", "ระดับที่ได้", "ระดับสูงสุด", "เหตุผลตามเกณฑ์", "รอบก่อน (ครั้งที่ 1/2569)", "เทียบรอบก่อน"], rows[0]);
        Assert.Contains([$"1.1 {FirstIndicator}", "2", "3", "ชัดเจน 1 จาก 3 ข้อ → ระดับ 2", "3", "ลดลง ↓"], rows);
        Assert.DoesNotContain(rows, r => r[0].Contains(SecondIndicator, StringComparison.Ordinal));
        Assert.Contains("เฉพาะตัวบ่งชี้ 1.1 จากทั้งหมด 2 ตัวบ่งชี้", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("รอบก่อน (ครั้งที่ 1/2569): ระดับ 3 — ลดลง ↓", IndicatorTable(report, FirstItem).Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Single(report.MainDocumentPart.ImageParts); // the level chart
    }

    private const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_round_with_nothing_answered_renders_as_page_and_files(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider), roundName: "รอบทดลอง");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await FileAsync(w.Admin, $"{w.Api}/report?format=docx", WordContentType)), false))
        {
            var table = IndicatorTable(doc, "มีการจัดการความรู้");
            Assert.Contains("ระดับที่ได้ 0 จาก 4", table.InnerText, StringComparison.Ordinal);
            Assert.Contains(SarIndicatorTable.NotRecorded, table.InnerText, StringComparison.Ordinal);
            Assert.Contains(SarIndicatorTable.NoEvidence, table.InnerText, StringComparison.Ordinal);
        }
        Assert.Contains("รอบทดลอง", Poppler.Text(await FileAsync(w.Admin, $"{w.Api}/report?format=pdf", "application/pdf")), StringComparison.Ordinal);
        var json = await (await w.Admin.GetAsync($"{w.Api}/report")).JsonAsync();
        Assert.Equal(SelfAssessmentReport.Title, json.GetProperty("title").GetString());

        // The page shows the same report with its downloads; an item's cell spans two columns.
        var (response, page) = await new Browserless(w.Admin).GetAsync($"/assessment-rounds/{w.Round}/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"ตัวบ่งชี้ที่ 1.2 {SecondIndicator}", page.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.Contains(page.QuerySelectorAll("td[colspan='2'] p"), p => p.TextContent == "มีการจัดการความรู้");
        var links = page.QuerySelectorAll(".export-links a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.EndsWith("format=docx", links["ดาวน์โหลด Word"]);
        Assert.EndsWith("format=pdf", links["ดาวน์โหลด PDF"]);
        Assert.NotEmpty(await FileAsync(w.Admin, links["ดาวน์โหลด Word"], WordContentType));
    }

    [Fact]
    public void File_names_are_the_area_and_the_rounds_name_in_letters_and_digits_or_its_id()
    {
        Assert.Equal("sar-PBI1-ครั้งที่-1-2569", SelfAssessmentReport.FileStem("PBI1", new AssessmentRound { Name = "ครั้งที่ 1/2569" }));
        var symbols = new AssessmentRound { Name = "// ?" };
        Assert.Equal($"sar-PBI1-{symbols.Id:N}", SelfAssessmentReport.FileStem("PBI1", symbols));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_areas_self_assessment_readers_get_the_report(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var school = await host.SchoolAsync(w.Area);
        foreach (var format in new[] { "docx", "pdf", "xlsx" })
        {
            var url = $"{w.Api}/report?format={format}";
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(Role.Teacher, w.Area, school)).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(Role.SchoolAdmin, w.Area, school)).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await host.UserAsync(Role.AreaAdmin, await host.AreaAsync())).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await host.UserAsync(Role.Supervisor, w.Area)).GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync($"/api/v1/assessment-rounds/{Guid.NewGuid()}/report?format=pdf")).StatusCode);
        var unknown = await w.Admin.GetAsync($"{w.Api}/report?format=odt");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("xlsx, pdf, docx", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page: the same answers, the anonymous visitor sent to sign in.
        var page = $"/assessment-rounds/{w.Round}/report";
        var anonymous = await host.Anonymous().GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.IsAbsoluteUri ? anonymous.Headers.Location.AbsolutePath : anonymous.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(Role.Teacher, w.Area, school)).GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.UserAsync(Role.AreaAdmin, await host.AreaAsync())).GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Admin.GetAsync(page + "?format=odt")).StatusCode);

        // Listed in the OpenAPI document with the other self-assessment calls.
        var openApi = await (await w.Admin.GetAsync("/openapi/v1.json")).JsonAsync();
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/assessment-rounds/{id}/report", out _));
    }
}
