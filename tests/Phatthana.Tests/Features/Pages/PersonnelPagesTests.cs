using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Tests.Features.Pages;

/// <summary>The personnel pages over HTTP: forms refuse bad input in Thai and save nothing; uploads become jobs; roles and areas.</summary>
public sealed class PersonnelPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Adding_a_person_with_a_wrong_check_digit_shows_the_reason_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var good = Unique.NationalId();
        var wrong = good[..12] + (char)('0' + (good[12] - '0' + 1) % 10);
        var fields = new Dictionary<string, string>
        {
            ["Input.NationalId"] = wrong, ["Input.Title"] = "นาย", ["Input.FirstName"] = "สมชาย", ["Input.LastName"] = "ใจดี",
            ["Input.Position"] = "Teacher", ["Input.School"] = school, ["Input.BirthDate"] = "15/06/2600", ["Input.Status"] = "Active",
        };
        var bad = await browser.SubmitAsync($"/areas/{area}/people/new", "form.form", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ไม่ถูกต้อง (หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ)", doc.QuerySelector("[data-valmsg-for='Input.NationalId']")!.TextContent);
        Assert.Contains("เป็นวันในอนาคต", doc.QuerySelector("[data-valmsg-for='Input.BirthDate']")!.TextContent);
        Assert.Equal(0, await host.WithDbAsync(db => db.People.CountAsync(p => p.NationalId == wrong)));

        fields["Input.NationalId"] = NationalId.Format(good); // typed with dashes, as on the card
        fields["Input.BirthDate"] = "15/06/2528";
        var saved = await browser.SubmitAsync($"/areas/{area}/people/new", "form.form", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, profile) = await browser.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("นายสมชาย ใจดี", profile.QuerySelector("h1")!.TextContent);
        Assert.Contains(NationalId.Format(good), profile.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("15 มิถุนายน 2528", profile.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("บรรจุ/รับย้ายเข้า", profile.QuerySelector("table")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_assessor_sees_masked_ids_on_the_list_and_profile_and_cannot_open_forms(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school, firstName: "มานี", lastName: "มีนา");
        var personId = await host.WithDbAsync(db => db.People.Where(p => p.NationalId == id).Select(p => p.Id).SingleAsync());
        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);

        var (_, list) = await assessor.GetAsync($"/areas/{area}/people");
        var row = Assert.Single(list.QuerySelectorAll("#list tbody tr"));
        Assert.Contains(NationalId.Mask(id), row.TextContent);
        Assert.DoesNotContain(id[5..10], row.TextContent);
        var (_, profile) = await assessor.GetAsync($"/people/{personId}");
        Assert.Contains(NationalId.Mask(id), profile.QuerySelector("dl.facts")!.TextContent);
        Assert.DoesNotContain("1985", profile.Body!.TextContent);
        // Searching by part of an ID would spell it out; a masked role finds a person only by the whole number.
        Assert.Empty((await assessor.GetAsync($"/areas/{area}/people?q={id[..6]}")).Document.QuerySelectorAll("#list tbody tr a"));
        Assert.Single((await assessor.GetAsync($"/areas/{area}/people?q={id}")).Document.QuerySelectorAll("#list tbody tr"));

        foreach (var url in new[] { $"/people/{personId}/edit", $"/people/{personId}/delete", $"/areas/{area}/people/new", $"/schools/{school}/posts/new", $"/areas/{area}/imports" })
            Assert.Equal(HttpStatusCode.Forbidden, (await assessor.Client.GetAsync(url)).StatusCode);
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, area, school), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/areas/{area}/people")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.Client.GetAsync($"/people/{personId}")).StatusCode);
        var foreign = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, await host.AreaAsync()), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync($"/people/{personId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Retiring_a_person_on_the_edit_page_frees_their_post_and_records_the_history(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school);
        var number = Unique.PositionNumber();
        var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/schools/{school}/posts",
            System.Net.Http.Json.JsonContent.Create(new { positionNumber = number, postType = "Teacher", occupant = id }))).StatusCode);
        var personId = await host.WithDbAsync(db => db.People.Where(p => p.NationalId == id).Select(p => p.Id).SingleAsync());
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var bad = await browser.SubmitFilledAsync($"/people/{personId}/edit", "form.form", new() { ["Input.Status"] = "Retired", ["Input.EffectiveDate"] = "31/02/2569" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", (await Browserless.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Input.EffectiveDate']")!.TextContent);
        Assert.NotNull(await host.WithDbAsync(db => db.Posts.Where(p => p.PositionNumber == number).Select(p => p.OccupantId).SingleAsync()));

        var done = await browser.SubmitFilledAsync($"/people/{personId}/edit", "form.form", new()
        {
            ["Input.Status"] = "Retired", ["Input.EffectiveDate"] = "30/09/2568", ["Note"] = "เกษียณอายุราชการ",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null(await host.WithDbAsync(db => db.Posts.Where(p => p.PositionNumber == number).Select(p => p.OccupantId).SingleAsync()));
        var (_, profile) = await browser.GetAsync($"/people/{personId}");
        var history = profile.QuerySelector("table")!.TextContent;
        Assert.Contains("เปลี่ยนสถานะ: เกษียณ/พ้นจากราชการ", history);
        Assert.Contains("เกษียณอายุราชการ", history);
        Assert.Contains("30 ก.ย. 2568", history);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_edit_form_sets_the_teaching_level_and_the_profile_shows_it(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school);
        var personId = await host.WithDbAsync(db => db.People.Where(p => p.NationalId == id).Select(p => p.Id).SingleAsync());
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var (_, form) = await browser.GetAsync($"/people/{personId}/edit");
        var select = form.QuerySelector("select[name='Input.TeachingLevel']")!;
        Assert.Equal("ระดับชั้นที่สอน", form.QuerySelector("label[for='Input_TeachingLevel']")!.TextContent);
        Assert.Contains("มัธยมศึกษาตอนต้น", select.TextContent);

        var bad = await browser.SubmitFilledAsync($"/people/{personId}/edit", "form.form", new() { ["Input.TeachingLevel"] = "Tertiary" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("ไม่อยู่ในรายการ", (await Browserless.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Input.TeachingLevel']")!.TextContent);

        var done = await browser.SubmitFilledAsync($"/people/{personId}/edit", "form.form", new() { ["Input.TeachingLevel"] = "LowerSecondary" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(TeachingLevel.LowerSecondary, await host.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.TeachingLevel).SingleAsync()));
        var (_, profile) = await browser.GetAsync($"/people/{personId}");
        var term = profile.QuerySelectorAll("dl.facts dt").Single(dt => dt.TextContent == "ระดับชั้นที่สอน");
        Assert.Equal("มัธยมศึกษาตอนต้น", term.NextElementSibling!.TextContent);
        var (_, again) = await browser.GetAsync($"/people/{personId}/edit");
        Assert.Equal("LowerSecondary", again.QuerySelector("select[name='Input.TeachingLevel'] option[selected]")!.GetAttribute("value"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_post_form_refuses_an_occupant_of_another_school_and_delete_asks_first(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var elsewhere = await host.PersonAsync(area, await host.SchoolAsync(area));
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var number = Unique.PositionNumber();

        var bad = await browser.SubmitAsync($"/schools/{school}/posts/new", "form.form", new()
        {
            ["Input.PositionNumber"] = number + " 1", ["Input.PostType"] = "Teacher", ["Input.Occupant"] = elsewhere,
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ไม่มีช่องว่าง", doc.QuerySelector("[data-valmsg-for='Input.PositionNumber']")!.TextContent);
        Assert.Contains("ย้ายสังกัดในทะเบียนบุคลากรก่อน", doc.QuerySelector("[data-valmsg-for='Input.Occupant']")!.TextContent);
        Assert.Equal(0, await host.WithDbAsync(db => db.Posts.CountAsync(p => p.School!.Code == school)));

        var ok = await browser.SubmitAsync($"/schools/{school}/posts/new", "form.form", new() { ["Input.PositionNumber"] = number, ["Input.PostType"] = "Teacher" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, register) = await browser.GetAsync($"/schools/{school}/posts");
        Assert.Contains(number, register.QuerySelector("table")!.TextContent);
        Assert.Contains("ว่าง", register.QuerySelector("table")!.TextContent);

        var (_, confirm) = await browser.GetAsync($"/schools/{school}/posts/{number}/delete");
        Assert.Contains("ต้องการลบอัตราเลขที่", confirm.QuerySelector(".danger-zone")!.TextContent);
        var deleted = await browser.SubmitAsync($"/schools/{school}/posts/{number}/delete", ".danger-zone form", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.Posts.CountAsync(p => p.PositionNumber == number)));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/schools/{school}/posts/{number}/edit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_upload_page_names_what_is_wrong_with_the_file_and_queues_a_good_one(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var url = $"/areas/{area}/imports";

        async Task<string> Refused(string kind, string? fileName, byte[] content)
        {
            var response = await UploadAsync(browser, url, kind, fileName, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Browserless.ParseAsync(response)).QuerySelector("[data-valmsg-for='Upload']")!.TextContent;
        }
        Assert.Contains("กรุณาเลือกไฟล์", await Refused("People", null, []));
        Assert.Contains("Excel รุ่นเก่า (.xls)", await Refused("People", "people.xls", [1, 2, 3]));
        Assert.Contains("ว่างเปล่า", await Refused("People", "people.csv", []));
        Assert.Contains("เกินกำหนด 20 MB", await Refused("People", "people.csv", new byte[21 * 1024 * 1024]));
        Assert.Equal(0, await host.WithDbAsync(db => db.ImportJobs.CountAsync(j => db.Areas.Any(a => a.Id == j.AreaId && a.Code == area))));

        var csv = System.Text.Encoding.UTF8.GetBytes($"รหัสสถานศึกษา,ชั้น,ชาย,หญิง,ห้องเรียน\n{school},ป.1,10,12,1\n{school},ป.2,8,9,1\n");
        var queued = await UploadAsync(browser, url, "StudentCounts", "counts.csv", csv, academicYear: "2568");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var job = queued.Headers.Location!.OriginalString;
        Assert.StartsWith($"/areas/{area}/imports/", job);
        // The worker runs it in the background; the page (and its polled status block) shows the outcome.
        var finished = await Eventually(async () => (await browser.GetAsync(job + "?handler=Status")).Document.QuerySelector(".alert-ok")?.TextContent);
        Assert.Contains("อ่าน 2 แถว", finished);
        var counts = await (await host.AdminAsync()).GetAsync($"/api/v1/schools/{school}/student-counts/2568");
        Assert.Contains("\"boys\":10", await counts.Content.ReadAsStringAsync());
        var (_, index) = await browser.GetAsync(url);
        Assert.Contains("counts.csv", index.QuerySelector("table")!.TextContent);
        var other = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, await host.AreaAsync()), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(job)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_person_asks_first_then_removes_the_record_and_frees_the_post(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school);
        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await (await host.AdminAsync()).PostAsync($"/api/v1/schools/{school}/posts",
            System.Net.Http.Json.JsonContent.Create(new { positionNumber = number, postType = "Teacher", occupant = id }))).StatusCode);
        var personId = await host.WithDbAsync(db => db.People.Where(p => p.NationalId == id).Select(p => p.Id).SingleAsync());
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var (_, confirm) = await browser.GetAsync($"/people/{personId}/delete");
        Assert.Contains($"อัตราเลขที่ {number}", confirm.QuerySelector(".danger-zone")!.TextContent);
        Assert.Equal(1, await host.WithDbAsync(db => db.People.CountAsync(p => p.NationalId == id)));

        var done = await browser.SubmitAsync($"/people/{personId}/delete", ".danger-zone form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.People.CountAsync(p => p.NationalId == id)));
        Assert.Equal(0, await host.WithDbAsync(db => db.PersonHistory.CountAsync(h => h.PersonId == personId)));
        Assert.Null(await host.WithDbAsync(db => db.Posts.Where(p => p.PositionNumber == number).Select(p => p.OccupantId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/people/{personId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_directors_upload_of_their_schools_counts_needs_a_file_and_a_year_and_runs_as_a_job(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, area, school), AppHost.Password);
        var url = $"/schools/{school}/student-counts/import";

        var missing = await UploadAsync(director, url, "StudentCounts", null, [], academicYear: "99");
        var doc = await Browserless.ParseAsync(missing);
        Assert.Contains("กรุณาเลือกปีการศึกษา", doc.QuerySelector("[data-valmsg-for='AcademicYear']")!.TextContent);
        Assert.Contains("กรุณาเลือกไฟล์", doc.QuerySelector("[data-valmsg-for='Upload']")!.TextContent);

        var emis = System.Text.Encoding.UTF8.GetBytes("ชั้น/เพศ,ชาย,หญิง,รวม,ห้องเรียน\nป.1,5,6,11,1\nรวมประถม,5,6,11,1\n");
        var queued = await UploadAsync(director, url, "StudentCounts", "emis.csv", emis, academicYear: "2568");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var finished = await Eventually(async () => (await director.GetAsync(queued.Headers.Location!.OriginalString + "?handler=Status")).Document.QuerySelector(".alert-ok")?.TextContent);
        Assert.Contains("อ่าน 2 แถว", finished);
        var counts = await (await host.AdminAsync()).GetAsync($"/api/v1/schools/{school}/student-counts/2568");
        Assert.Contains("\"girls\":6", await counts.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await director.Client.GetAsync($"/schools/{await host.SchoolAsync(area)}/student-counts/import")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browserless browser, string url, string kind, string? fileName, byte[] content, string academicYear = "2569")
    {
        var (_, page) = await browser.GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("form.form")!;
        var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")) body.Add(new StringContent(hidden.Value), hidden.Name!);
        body.Add(new StringContent(kind), "Kind");
        body.Add(new StringContent(academicYear), "AcademicYear");
        if (fileName is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, "Upload", fileName);
        }
        return await browser.Client.PostAsync(url, body);
    }

    private static async Task<string> Eventually(Func<Task<string?>> probe)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException("the import did not finish within 20 s");
    }
}
