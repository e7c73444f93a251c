using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Features.Training;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>
/// A round's evidence over HTTP on both databases: uploads checked by their content and stored outside the web root under
/// generated names, refused when too large, one document backing several items, linked reports shown live while the
/// round is open and frozen at submission (and live again when it is reopened), and who may do what.
/// </summary>
public sealed class EvidenceTests(AppHosts hosts) : ProviderTests(hosts)
{
    internal sealed record World(AppHost Host, string Area, HttpClient Admin, Guid Round)
    {
        public string Api => $"/api/v1/assessment-rounds/{Round}";
    }

    /// <summary>An area, its AreaAdmin, a framework of its own (indicator 1.1 with three items, 1.2 with two) and an open round on it.</summary>
    internal static async Task<World> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var code = $"EV-{Unique.PositionNumber()}";
        var framework = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", new
        {
            code, name = "กรอบทดสอบหลักฐาน",
            standards = new[]
            {
                new
                {
                    number = 1, name = "มาตรฐานทดสอบ",
                    indicators = new object[]
                    {
                        new { number = 1, name = "ตัวชี้วัดที่หนึ่ง", rule = new { kind = "Count", levels = new[] { new { level = 3, minClear = 3 }, new { level = 2, minClear = 2 }, new { level = 1, minClear = 0 } } },
                              items = new[] { new { number = 1, text = "ประเด็นหนึ่ง" }, new { number = 2, text = "ประเด็นสอง" }, new { number = 3, text = "ประเด็นสาม" } } },
                        new { number = 2, name = "ตัวชี้วัดที่สอง", rule = new { kind = "Rubric" },
                              items = new[] { new { number = 1, text = "ประเด็นหนึ่ง" }, new { number = 2, text = "ประเด็นสอง" } } },
                    },
                },
            },
        });
        Assert.True(framework.StatusCode == HttpStatusCode.Created, await framework.Content.ReadAsStringAsync());
        var round = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = code, name = "ครั้งที่ 1/2568", startDate = "2025-04-01", endDate = "2025-09-30" });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        return new World(host, area, admin, (await round.JsonAsync()).GetProperty("id").GetGuid());
    }

    internal static byte[] Pdf(int size = 4096)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    internal static MultipartFormDataContent Form(byte[] bytes, string fileName, string? title = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (title is not null) form.Add(new StringContent(title), "title");
        return form;
    }

    private static async Task<Guid> UploadAsync(World w, byte[] bytes, string fileName)
    {
        var response = await w.Admin.PostAsync($"{w.Api}/evidence", Form(bytes, fileName));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> LinkAsync(World w, string report, object? year)
    {
        var response = await w.Admin.PostAsJsonAsync($"{w.Api}/evidence/links", new { report, parameters = new { year } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<int> RowsAsync(World w) => w.Host.WithDbAsync(db => db.Evidence.CountAsync(e => e.RoundId == w.Round));

    private static string Folder(AppHost host) => host.Services.GetRequiredService<EvidenceStorage>().Folder;

    private static string[] StoredFiles(AppHost host) => Directory.Exists(Folder(host)) ? Directory.GetFiles(Folder(host)) : [];

    private static async Task<JsonElement> DetailAsync(World w, Guid evidence)
    {
        var response = await w.Admin.GetAsync($"{w.Api}/evidence/{evidence}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static decimal Headline(JsonElement detail, string key) =>
        detail.GetProperty("figures").GetProperty("headlines").EnumerateArray().Single(h => h.GetProperty("key").GetString() == key).GetProperty("value").GetDecimal();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_pdf_is_stored_outside_the_web_root_under_a_generated_name_and_downloads_byte_identical(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var pdf = Pdf();
        var id = await UploadAsync(w, pdf, "รายงานผลการดำเนินงาน.pdf");

        var row = await host.WithDbAsync(db => db.Evidence.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(EvidenceKind.File, row.Kind);
        Assert.Equal("รายงานผลการดำเนินงาน", row.Title);
        Assert.Equal("รายงานผลการดำเนินงาน.pdf", row.FileName);
        Assert.Equal("application/pdf", row.ContentType);
        Assert.Equal(pdf.Length, row.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", row.StoredName);
        var path = Path.Combine(Folder(host), row.StoredName!);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        var webRoot = host.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        Assert.False(Path.GetFullPath(path).StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync("/" + row.StoredName)).StatusCode);

        var download = await w.Admin.GetAsync($"{w.Api}/evidence/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("รายงานผลการดำเนินงาน.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // The page's download answers the same bytes to a signed-in browser.
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, w.Area), AppHost.Password);
        var page = await browser.Client.GetAsync($"/assessment-rounds/{w.Round}/evidence/{id}/file");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(pdf, await page.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", page.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_whose_bytes_are_not_what_its_extension_claims_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var before = StoredFiles(host);

        foreach (var (bytes, name) in new[]
                 {
                     (PngBytes, "หนังสือสั่งการ.pdf"), (Encoding.UTF8.GetBytes("ไม่ใช่ PDF เป็นข้อความธรรมดา"), "บันทึก.pdf"),
                     (Pdf(), "รูปกิจกรรม.png"), (Pdf(), "สรุป.docx"), (Encoding.UTF8.GetBytes("MZ..."), "setup.exe"),
                 })
        {
            var response = await w.Admin.PostAsync($"{w.Api}/evidence", Form(bytes, name));
            Assert.Equal(["file"], await response.ErrorFieldsAsync());
            var message = (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString()!;
            Assert.Contains(name, message);
            Assert.Contains("ไม่ได้", message);
        }
        Assert.Equal(0, await RowsAsync(w));
        Assert.Equal(before, StoredFiles(host));

        // The real thing under the same names is taken.
        await UploadAsync(w, PngBytes, "รูปกิจกรรม.png");
        Assert.Equal(1, await RowsAsync(w));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_upload_over_the_limit_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var storage = host.Services.GetRequiredService<EvidenceStorage>();
        Assert.Equal(EvidenceStorage.DefaultMaxBytes, storage.MaxBytes);
        var before = StoredFiles(host);

        // Just over the file limit: the form is read, the file refused with its size.
        var over = await w.Admin.PostAsync($"{w.Api}/evidence", Form(Pdf((int)storage.MaxBytes + 1), "ใหญ่.pdf"));
        Assert.Equal(["file"], await over.ErrorFieldsAsync());
        Assert.Contains("ไม่เกิน 20 MB", await over.Content.ReadAsStringAsync());

        // A request larger than the limit allows is refused before its body is read.
        var huge = await w.Admin.PostAsync($"{w.Api}/evidence", Form(new byte[storage.MaxRequestBytes + 1], "ใหญ่มาก.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("ไฟล์ใหญ่เกินไป", await huge.Content.ReadAsStringAsync());

        Assert.Equal(0, await RowsAsync(w));
        Assert.Equal(before, StoredFiles(host));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_document_attached_to_two_items_shows_on_both_and_detaching_leaves_the_other(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var id = await UploadAsync(w, Pdf(), "คำสั่งแต่งตั้ง.pdf");

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.1/2/evidence/{id}", null)).StatusCode);
        var second = await w.Admin.PutAsync($"{w.Api}/items/1.2/1/evidence/{id}", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await second.JsonAsync()).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.2/1/evidence/{id}", null)).StatusCode); // again: no change

        async Task<List<(string Indicator, int Item)>> ShownOnAsync()
        {
            var round = await (await w.Admin.GetAsync(w.Api)).JsonAsync();
            return round.GetProperty("indicators").EnumerateArray()
                .SelectMany(i => i.GetProperty("items").EnumerateArray()
                    .Where(item => item.GetProperty("documents").EnumerateArray().Any(d => d.GetProperty("id").GetGuid() == id))
                    .Select(item => (i.GetProperty("key").GetString()!, item.GetProperty("number").GetInt32()))).ToList();
        }
        Assert.Equal([("1.1", 2), ("1.2", 1)], await ShownOnAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"{w.Api}/items/1.1/2/evidence/{id}")).StatusCode);
        Assert.Equal([("1.2", 1)], await ShownOnAsync());
        Assert.Equal(1, await RowsAsync(w)); // detached, not deleted

        // Unknown indicator, item or evidence: 404 saying which.
        var unknownIndicator = await w.Admin.PutAsync($"{w.Api}/items/9.9/1/evidence/{id}", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownIndicator.StatusCode);
        Assert.Equal("ไม่มีตัวชี้วัด \"9.9\" ในกรอบการประเมินของรอบนี้", (await unknownIndicator.JsonAsync()).GetProperty("detail").GetString());
        var unknownItem = await w.Admin.PutAsync($"{w.Api}/items/1.1/7/evidence/{id}", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Contains("ไม่มีประเด็นการพิจารณาข้อ", await unknownItem.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.PutAsync($"{w.Api}/items/1.1/1/evidence/{Guid.NewGuid()}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.DeleteAsync($"{w.Api}/items/1.1/1/evidence/{id}")).StatusCode);

        // The list says which items each piece backs.
        var list = await (await w.Admin.GetAsync($"{w.Api}/evidence")).JsonAsync();
        var items = list.EnumerateArray().Single().GetProperty("items");
        Assert.Equal("1.2", items[0].GetProperty("indicator").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_linked_training_summary_is_frozen_at_submission_while_the_live_summary_moves_on_and_reopening_thaws_it(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var training = new TrainingWorld(host, w.Area, w.Admin, await host.SchoolAsync(w.Area));
        var session = await training.SessionAsync(await training.CourseAsync(passPercent: 70), start: "2025-01-10"); // fiscal year 2568
        var first = await training.PersonAsync(firstName: "ผ่านแล้ว");
        var second = await training.PersonAsync(firstName: "ยังไม่ผ่าน");
        await training.RegisterAsync(session, first);
        await training.RegisterAsync(session, second);
        Assert.Equal(HttpStatusCode.OK, (await training.ResultsAsync(session,
            new { nationalId = first, attended = true, hours = 12, preTest = 40, postTest = 80 },
            new { nationalId = second, attended = true, hours = 12, preTest = 40, postTest = 50 })).StatusCode);

        var id = await LinkAsync(w, "training-summary", 2568);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.1/1/evidence/{id}", null)).StatusCode);
        var live = await DetailAsync(w, id);
        Assert.True(live.GetProperty("live").GetBoolean());
        Assert.Equal("fiscalYear=2568", live.GetProperty("evidence").GetProperty("parameters").GetString());
        Assert.Equal(2, Headline(live, "enrolled"));
        Assert.Equal(1, Headline(live, "passed"));

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/submit", new { })).StatusCode);

        // The data changes after submission: the second person now passes.
        Assert.Equal(HttpStatusCode.OK, (await training.ResultsAsync(session,
            new { nationalId = first, attended = true, hours = 12, preTest = 40, postTest = 80 },
            new { nationalId = second, attended = true, hours = 12, preTest = 40, postTest = 95 })).StatusCode);
        var fresh = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/training-summary?fiscalYear=2568")).JsonAsync();
        Assert.Equal(2, fresh[0].GetProperty("passed").GetInt32());

        var frozen = await DetailAsync(w, id);
        Assert.False(frozen.GetProperty("live").GetBoolean());
        Assert.True(frozen.GetProperty("evidence").GetProperty("frozen").GetBoolean());
        Assert.Equal(1, Headline(frozen, "passed"));
        Assert.Equal("1", frozen.GetProperty("figures").GetProperty("tables")[0].GetProperty("rows")[0][7].GetString());
        var round = await (await w.Admin.GetAsync(w.Api)).JsonAsync();
        Assert.True(round.GetProperty("indicators")[0].GetProperty("items")[0].GetProperty("documents")[0].GetProperty("frozen").GetBoolean());

        // The page says the figures are as of submission.
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, w.Area), AppHost.Password);
        var (pageResponse, page) = await browser.GetAsync($"/assessment-rounds/{w.Round}/evidence/{id}");
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("ข้อมูล ณ วันที่ส่ง", page.Body!.TextContent);
        Assert.Equal("1", page.QuerySelector("dd[data-key=passed]")!.TextContent.Trim());

        // Reopened: live again, with the new figures; the next submission freezes those.
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/reopen", new { reason = "แก้ไขหลักฐานตามข้อเสนอแนะ" })).StatusCode);
        var thawed = await DetailAsync(w, id);
        Assert.True(thawed.GetProperty("live").GetBoolean());
        Assert.False(thawed.GetProperty("evidence").GetProperty("frozen").GetBoolean());
        Assert.Equal(2, Headline(thawed, "passed"));
        var (_, livePage) = await browser.GetAsync($"/assessment-rounds/{w.Round}/evidence/{id}");
        Assert.Contains("ข้อมูลปัจจุบัน", livePage.Body!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_linked_plan_progress_shows_the_kpis_lights_of_the_year_and_is_frozen_at_submission(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var plan = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new { name = "แผนพัฒนาครู", kind = "MultiYear", startFiscalYear = 2567, endFiscalYear = 2569 });
        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());
        var planId = (await plan.JsonAsync()).GetProperty("id").GetGuid();
        var kpi = await w.Admin.PostAsJsonAsync($"/api/v1/plans/{planId}/kpis", new
        {
            name = "ร้อยละของครูที่เข้าร่วมชุมชนการเรียนรู้", unit = "Percent",
            targets = new[] { new { fiscalYear = 2568, target = 80 }, new { fiscalYear = 2569, target = 90 } },
        });
        Assert.True(kpi.StatusCode == HttpStatusCode.Created, await kpi.Content.ReadAsStringAsync());
        var kpiId = (await kpi.JsonAsync()).GetProperty("kpis")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"/api/v1/kpis/{kpiId}/actuals/2568/2", new { value = 60 })).StatusCode);
        // A plan of other years is not the evidence of 2568.
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new { name = "แผนถัดไป", kind = "MultiYear", startFiscalYear = 2570, endFiscalYear = 2572 })).StatusCode);

        var id = await LinkAsync(w, "plan-progress", 2568);
        var live = await DetailAsync(w, id);
        Assert.Equal("fiscalYear=2568", live.GetProperty("evidence").GetProperty("parameters").GetString());
        Assert.Equal(1, Headline(live, "plans"));
        Assert.Equal(1, Headline(live, "kpis"));
        Assert.Equal(1, Headline(live, "red")); // 60 of 80 is 75 % of the target
        Assert.Equal(0, Headline(live, "green"));
        var row = live.GetProperty("figures").GetProperty("tables")[0].GetProperty("rows")[0];
        Assert.Equal(["แผนพัฒนาครู", "ร้อยละของครูที่เข้าร่วมชุมชนการเรียนรู้"], new[] { row[0].GetString(), row[1].GetString() });
        Assert.Equal(("80.00", "60.00"), (row[4].GetString(), row[5].GetString()));

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.1/1/evidence/{id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/submit", new { })).StatusCode);
        // The office enters a better result after submitting: the plan shows it, the submitted evidence keeps what was sent.
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"/api/v1/kpis/{kpiId}/actuals/2568/2", new { value = 85 })).StatusCode);
        var frozen = await DetailAsync(w, id);
        Assert.False(frozen.GetProperty("live").GetBoolean());
        Assert.Equal(1, Headline(frozen, "red"));
        Assert.Equal(0, Headline(frozen, "green"));
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/reopen", new { reason = "ปรับผลตามข้อมูลล่าสุด" })).StatusCode);
        Assert.Equal(1, Headline(await DetailAsync(w, id), "green"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_report_link_needs_a_known_report_and_a_valid_year(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        Task<HttpResponseMessage> Link(object body) => w.Admin.PostAsJsonAsync($"{w.Api}/evidence/links", body);

        Assert.Equal(["report"], await (await Link(new { report = "award-results", parameters = new { year = 2568 } })).ErrorFieldsAsync());
        Assert.Equal(["parameters.year"], await (await Link(new { report = "training-summary", parameters = new { year = "ปีนี้" } })).ErrorFieldsAsync());
        Assert.Equal(["parameters.year"], await (await Link(new { report = "training-summary" })).ErrorFieldsAsync());
        Assert.Equal(["parameters.year"], await (await Link(new { report = "plan-progress", parameters = new { year = "๒๕๖๘x" } })).ErrorFieldsAsync());
        // No school of the area has student counts for the year: the manpower summary cannot be computed.
        var manpower = await Link(new { report = "manpower", parameters = new { year = 2567 } });
        Assert.Equal(["parameters.year"], await manpower.ErrorFieldsAsync());
        Assert.Equal(0, await RowsAsync(w));

        var quality = await LinkAsync(w, "data-quality", null);
        var detail = await DetailAsync(w, quality);
        Assert.Equal("days=90", detail.GetProperty("evidence").GetProperty("parameters").GetString());
        Assert.Equal(0, Headline(detail, "people"));
        var titled = await w.Admin.PostAsJsonAsync($"{w.Api}/evidence/links", new { report = "training-summary", parameters = new { fiscalYear = "2567" }, title = "ผลการพัฒนาครู ปีงบ 67" });
        Assert.Equal(HttpStatusCode.Created, titled.StatusCode);
        Assert.Equal("ผลการพัฒนาครู ปีงบ 67", (await titled.JsonAsync()).GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Teachers_are_refused_other_areas_see_nothing_and_a_submitted_round_takes_no_changes(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var id = await UploadAsync(w, Pdf(), "หลักฐาน.pdf");

        var teacher = await host.UserAsync(Role.Teacher, w.Area, await host.SchoolAsync(w.Area));
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"{w.Api}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"{w.Api}/evidence/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsync($"{w.Api}/evidence", Form(Pdf(), "ครู.pdf"))).StatusCode);
        var assessor = await host.UserAsync(Role.Assessor, w.Area);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"{w.Api}/evidence/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostAsync($"{w.Api}/evidence", Form(Pdf(), "ผู้ประเมิน.pdf"))).StatusCode);

        var elsewhere = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"{w.Api}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"{w.Api}/evidence/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsync($"{w.Api}/evidence", Form(Pdf(), "ต่างเขต.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PutAsync($"{w.Api}/items/1.1/1/evidence/{id}", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsync($"{w.Api}/items/1.1/1/evidence/{id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsJsonAsync($"{w.Api}/submit", new { })).StatusCode);
        var before = StoredFiles(host);
        foreach (var refused in new[]
                 {
                     await w.Admin.PostAsync($"{w.Api}/evidence", Form(Pdf(), "หลังส่ง.pdf")),
                     await w.Admin.PostAsJsonAsync($"{w.Api}/evidence/links", new { report = "training-summary", parameters = new { year = 2568 } }),
                     await w.Admin.PutAsync($"{w.Api}/items/1.1/2/evidence/{id}", null),
                     await w.Admin.DeleteAsync($"{w.Api}/items/1.1/1/evidence/{id}"),
                     await w.Admin.DeleteAsync($"{w.Api}/evidence/{id}"),
                 })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("ส่งแล้ว จึงแก้ไขไม่ได้", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, await RowsAsync(w));
        Assert.Equal(before, StoredFiles(host));
        Assert.Equal(1, await host.WithDbAsync(db => db.ItemEvidence.CountAsync(l => l.EvidenceId == id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_item_forms_upload_link_attach_and_detach_through_the_evidence_page_and_come_back_to_the_item(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await ArrangeAsync(host);
        var first = await UploadAsync(w, Pdf(), "แผนปฏิบัติการ.pdf");
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/assessment-rounds/{w.Round}/evidence";
        var (listed, page) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("แผนปฏิบัติการ", page.Body!.TextContent);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        MultipartFormDataContent Upload(byte[] bytes, string name)
        {
            // The page binds the file as Upload (the API's field is file).
            var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "Upload", name } };
            form.Add(new StringContent(token), "__RequestVerificationToken");
            form.Add(new StringContent("1.1"), "Indicator");
            form.Add(new StringContent("3"), "Item");
            return form;
        }
        var uploaded = await browser.Client.PostAsync($"{url}?handler=Upload", Upload(Pdf(), "รายงานการประชุม.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/assessment-rounds/{w.Round}/indicators/1.1#item-3", uploaded.Headers.Location!.OriginalString);
        var onItem3 = await host.WithDbAsync(db => db.ItemEvidence.Where(l => l.Entry!.RoundId == w.Round && l.Entry.IndicatorKey == "1.1" && l.Entry.ItemNumber == 3)
            .Select(l => l.Evidence!.FileName).ToListAsync());
        Assert.Equal(["รายงานการประชุม.pdf"], onItem3);

        var before = StoredFiles(host);
        var refused = await browser.Client.PostAsync($"{url}?handler=Upload", Upload(PngBytes, "ปลอม.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(2, await RowsAsync(w));
        Assert.Equal(before, StoredFiles(host));

        Task<HttpResponseMessage> Post(string handler, Dictionary<string, string> fields) =>
            browser.Client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        var linked = await Post("Link", new() { ["Report"] = "training-summary", ["Year"] = "2568", ["Indicator"] = "1.2", ["Item"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("fiscalYear=2568", await host.WithDbAsync(db => db.Evidence.Where(e => e.RoundId == w.Round && e.Kind == EvidenceKind.Report).Select(e => e.Parameters).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await Post("Attach", new() { ["EvidenceId"] = first.ToString(), ["Indicator"] = "1.2", ["Item"] = "2" })).StatusCode);
        Task<int> LinksOfFirst() => host.WithDbAsync(db => db.ItemEvidence.CountAsync(l => l.EvidenceId == first));
        Assert.Equal(1, await LinksOfFirst());
        Assert.Equal(HttpStatusCode.Redirect, (await Post("Detach", new() { ["EvidenceId"] = first.ToString(), ["Indicator"] = "1.2", ["Item"] = "2" })).StatusCode);
        Assert.Equal(0, await LinksOfFirst());

        // The report's page shows its live figures.
        var (_, list) = await browser.GetAsync(url);
        var reportLink = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.StartsWith(url + "/") && !h.EndsWith("/file") && !h.Contains(first.ToString()));
        var (shown, report) = await browser.GetAsync(reportLink!);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("ข้อมูลปัจจุบัน", report.Body!.TextContent);
        Assert.NotNull(report.QuerySelector("dd[data-key=passed]"));
    }
}
