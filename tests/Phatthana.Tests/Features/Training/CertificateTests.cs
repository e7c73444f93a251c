using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// Certificates over HTTP on both databases: issuing to those who passed (and only once), the PDF read back with pdftotext
/// (the holder's Thai name exactly, the course, the verify address), the bulk PDF and ZIP, the public verify page before
/// and after revocation, who may download or issue, and two sessions of an area issued at the same moment.
/// </summary>
public sealed class CertificateTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string CourseName = "การจัดการเรียนรู้เชิงรุกสำหรับครูภาษาไทย";

    private sealed record World(AppHost Host, string Area, string School, HttpClient Admin, string Session, string Passed, string Second, string Failed);

    /// <summary>A course and a session (10–12 March 2025, fiscal year 2568) with three registered: two pass, one does not.</summary>
    private static async Task<World> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var passed = await host.PersonAsync(area, school, firstName: "สมหญิง", lastName: "ใจดี");
        var second = await host.PersonAsync(area, school, firstName: "กนกวรรณ", lastName: "ศรีสุข");
        var failed = await host.PersonAsync(area, school, firstName: "น้ำฝน", lastName: "ไม่ผ่าน");
        var session = await SessionAsync(admin, area, [(passed, 85), (second, 70), (failed, 40)]);
        return new World(host, area, school, admin, session, passed, second, failed);
    }

    private static async Task<string> SessionAsync(HttpClient admin, string area, (string NationalId, decimal PostTest)[] people)
    {
        var course = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/courses",
            new { code = "C" + Guid.NewGuid().ToString("N")[..6], name = CourseName, method = "Training", hours = 18, passPercent = 60 });
        Assert.True(course.StatusCode == HttpStatusCode.Created, await course.Content.ReadAsStringAsync());
        var courseId = (await course.JsonAsync()).GetProperty("id").GetString();
        var session = await admin.PostAsJsonAsync($"/api/v1/courses/{courseId}/sessions",
            new { name = "รุ่นที่ 1", startDate = "2025-03-10", endDate = "2025-03-12", venue = "ห้องประชุมเขต", capacity = 30 });
        Assert.True(session.StatusCode == HttpStatusCode.Created, await session.Content.ReadAsStringAsync());
        var id = (await session.JsonAsync()).GetProperty("id").GetString()!;
        foreach (var (nationalId, _) in people)
        {
            var r = await admin.PostAsJsonAsync($"/api/v1/sessions/{id}/registrations", new { nationalId });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        var results = await admin.PutAsJsonAsync($"/api/v1/sessions/{id}/results",
            people.Select(p => new { nationalId = p.NationalId, attended = true, preTest = 30, postTest = p.PostTest }).ToArray());
        Assert.True(results.StatusCode == HttpStatusCode.OK, await results.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task<JsonElement[]> IssueAsync(HttpClient client, string session)
    {
        var response = await client.PostAsync($"/api/v1/sessions/{session}/certificates", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.JsonAsync()).EnumerateArray()];
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Those_who_passed_get_one_certificate_each_that_prints_their_Thai_name_and_the_verify_page_confirms_until_revoked(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));

        var issued = await IssueAsync(w.Admin, w.Session);
        Assert.Equal(2, issued.Length);
        var numbers = issued.Select(c => c.GetProperty("number").GetString()!).ToArray();
        var codes = issued.Select(c => c.GetProperty("code").GetString()!).ToArray();
        // Running numbers of the area in fiscal year 2568, given in the order of the holders' names (กนกวรรณ before สมหญิง).
        Assert.Equal([$"{w.Area}-2568-0001", $"{w.Area}-2568-0002"], numbers);
        Assert.Equal(["นางสาวกนกวรรณ ศรีสุข", "นางสาวสมหญิง ใจดี"], issued.Select(c => c.GetProperty("holder").GetString()));
        Assert.Equal(2, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", c));
        // Issuing again gives nobody a second one.
        Assert.Empty(await IssueAsync(w.Admin, w.Session));

        // The registrations show the codes; the one who failed has none.
        var rows = (await (await w.Admin.GetAsync($"/api/v1/sessions/{w.Session}/registrations")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("name").GetString() == "นางสาวน้ำฝน ไม่ผ่าน").GetProperty("certificate").ValueKind);
        var mine = codes[numbers.ToList().IndexOf($"{w.Area}-2568-0002")];
        Assert.Equal(mine, rows.Single(r => r.GetProperty("name").GetString() == "นางสาวสมหญิง ใจดี").GetProperty("certificate").GetString());

        // One holder's PDF, read back by poppler: the name exactly as written, the course, the dates in พ.ศ., the number, the QR's address.
        var one = await PdfAsync(w.Admin, $"/api/v1/sessions/{w.Session}/certificates/{w.Passed}?signer={Uri.EscapeDataString("นายสมชาย ใจกว้าง")}");
        Assert.Equal(1, Poppler.PageCount(one));
        var text = Poppler.Text(one);
        Assert.Contains("นางสาวสมหญิง ใจดี", text);
        Assert.Contains(CourseName, text);
        Assert.Contains("เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", text);
        Assert.Contains("ระหว่างวันที่ 10–12 มีนาคม 2568", text);
        Assert.Contains("รวม 18 ชั่วโมง", text);
        Assert.Contains("ให้ไว้ ณ วันที่ 12 มีนาคม 2568", text);
        Assert.Contains("(นายสมชาย ใจกว้าง)", text);
        Assert.Contains("ผู้อำนวยการสพป.ทดสอบ", text);
        Assert.Contains($"เลขที่ {w.Area}-2568-0002", text);
        Assert.Contains($"/verify/{mine}", text);
        Assert.DoesNotContain("กนกวรรณ", text);
        Assert.Matches(@"Page size:\s+841\.\d+ x 595\.\d+ pts", Poppler.Info(one)); // A4 landscape

        // The failed attendee has no certificate to download.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Failed}")).StatusCode);

        // The session's certificates: one PDF of a page each, and a ZIP of single PDFs named by number.
        var bulk = await PdfAsync(w.Admin, $"/api/v1/sessions/{w.Session}/certificates?format=pdf");
        Assert.Equal(2, Poppler.PageCount(bulk));
        Assert.Contains("นางสาวกนกวรรณ ศรีสุข", Poppler.Text(bulk, page: 1));
        Assert.Contains("นางสาวสมหญิง ใจดี", Poppler.Text(bulk, page: 2));
        var zipResponse = await w.Admin.GetAsync($"/api/v1/sessions/{w.Session}/certificates?format=zip");
        Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal(numbers.Select(n => n + ".pdf"), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var copy = new MemoryStream();
            using (var entry = zip.GetEntry($"{w.Area}-2568-0002.pdf")!.Open()) entry.CopyTo(copy);
            Assert.Contains("นางสาวสมหญิง ใจดี", Poppler.Text(copy.ToArray()));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Admin.GetAsync($"/api/v1/sessions/{w.Session}/certificates?format=docx")).StatusCode);

        // The public page the QR code opens: the holder, the course and the office — never the national ID.
        var anonymous = w.Host.Anonymous();
        var page = await anonymous.GetAsync($"/verify/{mine}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("นางสาวสมหญิง ใจดี", html);
        Assert.Contains(CourseName, html);
        Assert.Contains("ยังใช้ได้", html);
        Assert.DoesNotContain(w.Passed, html);
        Assert.DoesNotContain("เพิกถอน", html);

        // Revoked: the page says so, the holder's PDF is refused, the bulk PDF leaves it out; revoking again changes nothing.
        var revoke = await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}/revoke", new { reason = "ออกให้ผิดคน" });
        Assert.True(revoke.StatusCode == HttpStatusCode.NoContent, await revoke.Content.ReadAsStringAsync());
        html = await (await anonymous.GetAsync($"/verify/{mine}")).Content.ReadAsStringAsync();
        Assert.Contains("นางสาวสมหญิง ใจดี", html);
        Assert.Contains("เพิกถอน", html);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Admin.GetAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}")).StatusCode);
        Assert.Equal(1, Poppler.PageCount(await PdfAsync(w.Admin, $"/api/v1/sessions/{w.Session}/certificates")));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}/revoke", new { })).StatusCode);
        // Issuing again does not hand the revoked holder a new one, and the number stays retired.
        Assert.Empty(await IssueAsync(w.Admin, w.Session));
        // The reason is kept with the change in the audit log.
        var reason = await w.Host.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.Entity == "Registration" && a.After != null && a.After.Contains("RevocationReason"))
            .Select(a => a.After!).ToList()));
        Assert.Contains(reason, a => a.Contains("ออกให้ผิดคน"));
        // A person without a certificate cannot be revoked; an unknown code is a 404 page.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Failed}/revoke", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/verify/NOSUCHCODE00")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_downloads_their_own_certificate_only_and_an_assessor_cannot_issue(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        var teacher = await w.Host.UserAsync(Role.Teacher, w.Area, w.School, nationalId: w.Passed);
        var assessor = await w.Host.UserAsync(Role.Assessor, w.Area);
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, w.School);

        // Neither may issue.
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostAsync($"/api/v1/sessions/{w.Session}/certificates", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsync($"/api/v1/sessions/{w.Session}/certificates", null)).StatusCode);
        await IssueAsync(w.Admin, w.Session);

        // The area's logo heads the certificate, centred at the top.
        using (var form = new MultipartFormDataContent())
        {
            var logo = new ByteArrayContent(RedSquarePng());
            logo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(logo, "file", "logo.png");
            var put = await w.Admin.PutAsync($"/api/v1/areas/{w.Area}/logo", form);
            Assert.True(put.StatusCode == HttpStatusCode.NoContent, await put.Content.ReadAsStringAsync());
        }

        // The holder downloads their own; another's is not theirs to see (a teacher's registry is themself alone).
        var own = await PdfAsync(teacher, $"/api/v1/sessions/{w.Session}/certificates/{w.Passed}");
        Assert.Contains("นางสาวสมหญิง ใจดี", Poppler.Text(own));
        var png = Poppler.PagePng(own, 1, Path.Combine(Path.GetTempPath(), "phatthana-cert-" + Guid.NewGuid().ToString("N")), dpi: 50);
        using (var page = SkiaSharp.SKBitmap.Decode(png))
        {
            File.Delete(png);
            // 50 dpi: the page is 585 × 413 px; the logo (22 mm square from 19 mm) covers about y 37–80 around x 292.
            var pixel = page.GetPixel(page.Width / 2, (int)(30 / 25.4 * 50));
            Assert.True(pixel.Red > 200 && pixel.Green < 80 && pixel.Blue < 80, $"no logo at the top centre: {pixel}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Second}")).StatusCode);
        // Nor the session's bundle, nor revoking.
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/sessions/{w.Session}/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}/revoke", new { })).StatusCode);
        // The assessor and the school's director see the person, but a certificate is for its holder and training staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync($"/api/v1/sessions/{w.Session}/certificates?format=zip")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostAsJsonAsync($"/api/v1/sessions/{w.Session}/certificates/{w.Passed}/revoke", new { })).StatusCode);

        // Another area's staff do not find the session.
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"/api/v1/sessions/{w.Session}/certificates", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/sessions/{w.Session}/certificates")).StatusCode);
    }

    private static byte[] RedSquarePng()
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 120);
        bitmap.Erase(new SkiaSharp.SKColor(0xd0, 0x20, 0x20));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_sessions_of_an_area_issued_at_the_same_moment_get_distinct_running_numbers(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var sessions = new List<string>();
        for (var s = 0; s < 3; s++)
        {
            var people = new List<(string, decimal)>();
            for (var i = 0; i < 4; i++) people.Add((await host.PersonAsync(area, school, firstName: $"ครูรุ่น{s}", lastName: $"คนที่{i}"), 90));
            sessions.Add(await SessionAsync(admin, area, [.. people]));
        }

        // Each session issued twice at once, all at the same moment.
        var issued = await Task.WhenAll(sessions.Concat(sessions).Select(s => IssueAsync(admin, s)));
        var numbers = issued.SelectMany(list => list.Select(c => c.GetProperty("number").GetString()!)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"{area}-2568-{n:0000}"), numbers);
        Assert.Equal(12, issued.SelectMany(list => list.Select(c => c.GetProperty("code").GetString())).Distinct().Count());
    }
}
