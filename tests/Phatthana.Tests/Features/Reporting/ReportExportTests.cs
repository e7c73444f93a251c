using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;
using SkiaSharp;

namespace Phatthana.Tests.Features.Reporting;

/// <summary>Every pinned table answers ?format=xlsx|pdf through the kit; reports refuse impossible parameters.</summary>
public sealed class ReportExportTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly string ThisYear = ThaiDate.ToBuddhistYear(DateTime.UtcNow.AddHours(7).Year).ToString();

    private static async Task<(string Area, string School, HttpClient Admin)> AreaWithSchoolAsync(AppHost host)
    {
        var area = await host.AreaAsync("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบรายงาน");
        var school = await host.SchoolAsync(area, "โรงเรียนบ้านหนองน้ำใส");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var put = await admin.PutAsJsonAsync($"/api/v1/schools/{school}/student-counts/2567", new[]
        {
            new { grade = "P1", boys = 12, girls = 11, classrooms = 1 },
            new { grade = "P2", boys = 9, girls = 14, classrooms = 1 },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return (area, school, admin);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pinned_tables_answer_pdf_with_thai_headers_the_area_and_the_buddhist_date(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (area, school, admin) = await AreaWithSchoolAsync(host);
        foreach (var (url, header, row) in new[]
                 {
                     ($"/api/v1/areas/{area}/schools?format=pdf", "ชื่อสถานศึกษา", "โรงเรียนบ้านหนองน้ำใส"),
                     ($"/api/v1/schools/{school}/student-counts/2567?format=pdf", "ชั้น", "ป.2"),
                     ("/api/v1/areas?format=pdf", "ชื่อสำนักงานเขตพื้นที่", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบรายงาน"),
                 })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var text = Poppler.Text(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains(header, text, StringComparison.Ordinal);
            Assert.Contains(row, text, StringComparison.Ordinal);
            Assert.Contains("ข้อมูล ณ", text, StringComparison.Ordinal);
            Assert.Contains(ThisYear, text, StringComparison.Ordinal);
            if (!url.StartsWith("/api/v1/areas?", StringComparison.Ordinal))
                Assert.Contains("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบรายงาน", text, StringComparison.Ordinal);
        }

        // The list page offers the same file, with the filters in force.
        var (_, list) = await new Browserless(admin).GetAsync($"/areas/{area}/schools?q=หนองน้ำใส");
        var pdfLink = list.QuerySelectorAll("a.export").Select(a => a.GetAttribute("href")).Single(h => h!.Contains("format=pdf", StringComparison.Ordinal))!;
        var fromPage = await admin.GetAsync(pdfLink);
        Assert.Equal("application/pdf", fromPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("โรงเรียนบ้านหนองน้ำใส", Poppler.Text(await fromPage.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var xlsx = await admin.GetAsync($"/api/v1/areas/{area}/schools?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => Equals(r[0], "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบรายงาน"));

        var docx = await admin.GetAsync($"/api/v1/areas/{area}/schools?format=docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("โรงเรียนบ้านหนองน้ำใส", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);

        var bad = await admin.GetAsync($"/api/v1/areas/{area}/schools?format=odt");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("xlsx, pdf, docx", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_summary_report_is_one_declaration_served_as_json_page_pdf_xlsx_and_docx(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (area, _, admin) = await AreaWithSchoolAsync(host);
        var url = $"/api/v1/areas/{area}/reports/schools-summary?academicYear=2567";

        var json = await (await admin.GetAsync(url)).JsonAsync();
        var tables = json.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(3, tables.Count);
        var grades = tables[1];
        Assert.Equal(["ป.1", "ป.2"], grades.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()));
        Assert.Equal(46, grades.GetProperty("total")[3].GetInt32());

        var pdf = await (await admin.GetAsync(url + "&format=pdf")).Content.ReadAsByteArrayAsync();
        var text = Poppler.Text(pdf);
        Assert.Contains("รายงานสรุปข้อมูลสถานศึกษาและนักเรียน", text, StringComparison.Ordinal);
        Assert.Contains("ปีการศึกษา 2567", text, StringComparison.Ordinal);
        Assert.Contains("ลงชื่อ", text, StringComparison.Ordinal);

        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(await (await admin.GetAsync(url + "&format=xlsx")).Content.ReadAsByteArrayAsync()));
        Assert.Equal(3, sheets.Count);

        var docx = await admin.GetAsync(url + "&format=docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(3, doc.MainDocumentPart!.ImageParts.Count());

        var page = await admin.GetAsync($"/areas/{area}/reports/schools-summary?academicYear=2567");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("นักเรียนจำแนกตามชั้นและเพศ", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Impossible_report_parameters_get_a_clear_message_not_an_empty_file(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (area, _, admin) = await AreaWithSchoolAsync(host);
        foreach (var year in new[] { "abc", "1999", "2550" })
        {
            var response = await admin.GetAsync($"/api/v1/areas/{area}/reports/schools-summary?academicYear={year}&format=pdf");
            Assert.Equal(["academicYear"], await response.ErrorFieldsAsync());
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(year == "2550" ? "ไม่มีข้อมูลนักเรียนปีการศึกษา 2550" : "ไม่ถูกต้อง", body, StringComparison.Ordinal);
        }
        var page = await admin.GetAsync($"/areas/{area}/reports/schools-summary?academicYear=2550");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("ปีที่มีข้อมูล: 2567", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An area the caller was not granted does not exist for them, in every format.
        var other = await host.AreaAsync();
        foreach (var format in new[] { "", "&format=pdf", "&format=xlsx" })
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/areas/{other}/reports/schools-summary?academicYear=2567{format}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/areas/{other}/reports/schools-summary?format=pdf")).StatusCode);
    }

    private static byte[] Png(int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.DarkGreen);
        using var data = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name, string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_area_logo_heads_its_pdfs_and_bad_files_are_refused(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (area, _, admin) = await AreaWithSchoolAsync(host);
        var before = await (await admin.GetAsync($"/api/v1/areas/{area}/schools?format=pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/areas/{area}/logo")).StatusCode);

        // Bad input: not a picture, a picture too small, too large a file, no file at all, not multipart.
        foreach (var (content, expected) in new (HttpContent, string)[]
                 {
                     (Upload("GIF89a not really"u8.ToArray(), "logo.png"), "ไม่ใช่ภาพ PNG หรือ JPEG"),
                     (Upload(Png(8, 8), "tiny.png"), "ต้องอยู่ระหว่าง"),
                     (Upload(new byte[600 * 1024], "huge.png"), "ไฟล์ใหญ่เกินไป"),
                     (new MultipartFormDataContent { { new StringContent("x"), "other" } }, "กรุณาเลือกไฟล์"),
                     (JsonContent.Create(new { file = "logo.png" }), "multipart/form-data"),
                 })
        {
            var response = await admin.PutAsync($"/api/v1/areas/{area}/logo", content);
            Assert.Equal(["file"], await response.ErrorFieldsAsync());
            Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/areas/{area}/logo")).StatusCode);

        // Roles without the right, and another area's admin.
        var teacher = await host.UserAsync(Role.Teacher, area);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsync($"/api/v1/areas/{area}/logo", Upload(Png(64, 64), "logo.png"))).StatusCode);
        var otherAdmin = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PutAsync($"/api/v1/areas/{area}/logo", Upload(Png(64, 64), "logo.png"))).StatusCode);

        var png = Png(120, 120);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsync($"/api/v1/areas/{area}/logo", Upload(png, "logo.png"))).StatusCode);
        var stored = await admin.GetAsync($"/api/v1/areas/{area}/logo");
        Assert.Equal("image/png", stored.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await stored.Content.ReadAsByteArrayAsync());
        var after = await (await admin.GetAsync($"/api/v1/areas/{area}/schools?format=pdf")).Content.ReadAsByteArrayAsync();
        Assert.True(after.Length > before.Length + 200, $"{before.Length} → {after.Length} bytes: the logo is drawn in the header");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/areas/{area}/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/areas/{area}/logo")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_logo_page_uploads_and_shows_thai_errors(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (area, _, _) = await AreaWithSchoolAsync(host);
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var browser = await Browserless.SignInAsync(host, email, AppHost.Password);
        var (_, page) = await browser.GetAsync($"/areas/{area}/logo");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var bad = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var text = new ByteArrayContent("hello"u8.ToArray());
        text.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        bad.Add(text, "Upload", "logo.png");
        var refused = await browser.Client.PostAsync($"/areas/{area}/logo", bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ไม่ใช่ภาพ PNG หรือ JPEG", (await Browserless.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var good = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var image = new ByteArrayContent(Png(100, 60));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        good.Add(image, "Upload", "logo.png");
        var saved = await browser.Client.PostAsync($"/areas/{area}/logo", good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, shown) = await browser.GetAsync($"/areas/{area}/logo");
        Assert.NotNull(shown.QuerySelector("img.logo-preview"));
    }
}
