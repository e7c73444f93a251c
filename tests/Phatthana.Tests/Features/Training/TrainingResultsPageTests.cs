using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// The results page and the session's edit page through their forms: attendance ticked day by day, results from the
/// page's own template filled in and uploaded (a bad row names its row and saves nothing; a supervisor's masked IDs are
/// matched with the names), results approved and opened again with a reason, a session's capacity and window edited, and
/// a group added with and without a reason for those outside the course's target group.
/// </summary>
public sealed partial class TrainingResultsPageTests(AppHosts hosts) : ProviderTests(hosts)
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")?.TextContent ?? doc.Body!.TextContent, " ");

    /// <summary>Posts the form as a browser would, with repeated names allowed (a box per day) and the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(Browserless browser, string url, string formSelector, IEnumerable<(string Name, string Value)> fields)
    {
        var (_, page) = await browser.GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(i => i.Name!.StartsWith("__") || i.Name == "Version")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await browser.Client.PostAsync(form.GetAttribute("action") is { Length: > 0 } a ? a : url, new FormUrlEncodedContent(values));
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browserless browser, string url, byte[] content, string fileName)
    {
        var (_, page) = await browser.GetAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("#import-form")!;
        var multipart = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")) multipart.Add(new StringContent(hidden.Value), hidden.Name!);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        multipart.Add(file, "upload", fileName);
        return await browser.Client.PostAsync(form.GetAttribute("action")!, multipart);
    }

    private static async Task<Registration> RowAsync(AppHost host, Guid session, string nationalId) =>
        await host.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.SessionId == session && r.Person!.NationalId == nationalId));

    [Theory, MemberData(nameof(Providers))]
    public async Task Attendance_is_ticked_day_by_day_and_hours_follow_the_days_present(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 18, passPercent: 60), start: "2025-03-03", end: "2025-03-05");
        var a = await w.PersonAsync(firstName: "อรุณี", lastName: "มาสองวัน");
        var b = await w.PersonAsync(firstName: "บุญมี", lastName: "ไม่มาเลย");
        await w.RegisterAsync(session, a);
        await w.RegisterAsync(session, b);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/sessions/{session}/results";

        var (_, grid) = await browser.GetAsync(url);
        Assert.Equal(["3 มี.ค.", "4 มี.ค.", "5 มี.ค."], grid.QuerySelectorAll("thead th.day").Select(th => th.TextContent.Trim()));
        var rows = grid.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("input[type=hidden]") is not null).ToList();
        int RowOf(string name) => rows.FindIndex(r => r.TextContent.Contains(name));
        string Key(string name) => rows[RowOf(name)].QuerySelector<IHtmlInputElement>("input[type=hidden]")!.Value;
        var ia = RowOf("อรุณี");
        var ib = RowOf("บุญมี");

        // A post-test above 100 refuses the whole grid.
        var fields = new List<(string, string)>
        {
            ($"Rows[{ia}].Registration", Key("อรุณี")), ($"Rows[{ia}].Days", "0"), ($"Rows[{ia}].Days", "2"), ($"Rows[{ia}].PostTest", "101"),
            ($"Rows[{ib}].Registration", Key("บุญมี")),
        };
        var bad = await PostAsync(browser, url, "form.results-form", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("คะแนนหลังอบรมต้องอยู่ระหว่าง 0 ถึง 100", Text(await Browserless.ParseAsync(bad)));
        Assert.Null((await RowAsync(host, session, a)).Attended);

        fields[3] = ($"Rows[{ia}].PostTest", "80");
        var good = await PostAsync(browser, url, "form.results-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var ra = await RowAsync(host, session, a);
        Assert.True(ra.Attended);
        Assert.Equal([new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 5)], ra.DaysAttended);
        Assert.Equal(12m, ra.Hours);
        Assert.True(ra.Passed);
        var rb = await RowAsync(host, session, b);
        Assert.False(rb.Attended);
        Assert.Equal(0m, rb.Hours);

        // The grid shows what was saved: a's middle day unticked.
        (_, grid) = await browser.GetAsync(url);
        var boxes = grid.QuerySelectorAll<IHtmlInputElement>($"input[name='Rows[{ia}].Days']").Select(i => i.IsChecked).ToList();
        Assert.Equal([true, false, true], boxes);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_come_from_the_filled_in_template_and_a_bad_row_names_its_row_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 6, passPercent: 70));
        var a = await w.PersonAsync(firstName: "กานดา", lastName: "ผ่านเกณฑ์");
        var b = await w.PersonAsync(firstName: "ขวัญใจ", lastName: "ขาดอบรม");
        await w.RegisterAsync(session, a);
        await w.RegisterAsync(session, b);
        // A supervisor runs training but does not see full national IDs: the template masks them.
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, w.Area), AppHost.Password);
        var url = $"/sessions/{session}/results";

        var template = await browser.Client.GetAsync($"{url}?handler=Template&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var sheet = Workbook.Read(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(["เลขประจำตัวประชาชน", "ชื่อ-นามสกุล", "สถานศึกษา", "เข้าร่วม", "ชั่วโมง", "ก่อนอบรม", "หลังอบรม"], Workbook.HeaderRow(sheet, "เลขประจำตัวประชาชน"));
        var lines = Workbook.RowsAfter(sheet, "เลขประจำตัวประชาชน");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains("x", l[0]!.ToString()));
        Assert.DoesNotContain(a, string.Join(",", lines.Select(l => l[0])));

        object?[] Line(string name, string attended, object? pre, object? post)
        {
            var l = lines.Single(x => x[1]!.ToString()!.Contains(name));
            return [l[0], l[1], l[2], attended, null, pre, post];
        }
        var header = Workbook.HeaderRow(sheet, "เลขประจำตัวประชาชน").Cast<object?>().ToArray();
        var badFile = ImportFiles.Xlsx([header, Line("กานดา", "มา", 40, 150), Line("ขวัญใจ", "ขาด", 35, null)]);
        var bad = await UploadAsync(browser, url, badFile, "ผล.xlsx");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("แถว 2: คะแนนหลังอบรมต้องอยู่ระหว่าง 0 ถึง 100", Text(await Browserless.ParseAsync(bad)));
        Assert.Null((await RowAsync(host, session, a)).Attended);

        var unreadable = await UploadAsync(browser, url, ImportFiles.Xlsx([header, Line("กานดา", "บางที", 40, 90)]), "ผล.xlsx");
        Assert.Contains("เข้าร่วม \"บางที\" อ่านไม่ได้", Text(await Browserless.ParseAsync(unreadable)));
        var notASheet = await UploadAsync(browser, url, "hello"u8.ToArray(), "ผล.pdf");
        Assert.Contains("ไม่ใช่ .xlsx หรือ .csv", Text(await Browserless.ParseAsync(notASheet)));

        var good = await UploadAsync(browser, url, ImportFiles.Csv([header, Line("กานดา", "มา", 40, 90), Line("ขวัญใจ", "ขาด", 35, null)]), "ผล.csv");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var ra = await RowAsync(host, session, a);
        Assert.True(ra.Attended);
        Assert.Equal(6m, ra.Hours);
        Assert.Equal(90m, ra.PostTest);
        Assert.True(ra.Passed);
        Assert.False((await RowAsync(host, session, b)).Attended);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Results_are_approved_on_the_page_locked_and_opened_again_only_with_a_reason(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 6, passPercent: 70));
        var a = await w.PersonAsync(firstName: "จันทร์เพ็ญ");
        await w.RegisterAsync(session, a);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/sessions/{session}/results";

        var early = await PostAsync(browser, url, "#approve-form", []);
        Assert.Contains("ยังไม่ได้บันทึกผลของผู้ลงทะเบียน 1 คน", Text(await Browserless.ParseAsync(early)));
        Assert.Null(await host.WithDbAsync(db => db.TrainingSessions.Where(s => s.Id == session).Select(s => s.ResultsApprovedAt).SingleAsync()));

        var response = await w.ResultsAsync(session, new { nationalId = a, attended = true, postTest = 90 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, url, "#approve-form", [])).StatusCode);
        var (_, page) = await browser.GetAsync(url);
        Assert.NotNull(page.QuerySelector("form.results-form fieldset[disabled]"));
        Assert.NotNull(page.QuerySelector("#approved"));
        Assert.Null(page.QuerySelector("#import-form"));

        var noReason = await PostAsync(browser, url, "#reopen-form", [("ReopenReason", " ")]);
        Assert.Contains("เหตุผลที่ขอแก้ไขผล", Text(await Browserless.ParseAsync(noReason)));
        Assert.NotNull(await host.WithDbAsync(db => db.TrainingSessions.Where(s => s.Id == session).Select(s => s.ResultsApprovedAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, url, "#reopen-form", [("ReopenReason", "ผู้เข้าอบรมยื่นคะแนนสอบซ่อม")])).StatusCode);
        (_, page) = await browser.GetAsync(url);
        Assert.Null(page.QuerySelector("form.results-form fieldset[disabled]"));
        Assert.Contains("ผู้เข้าอบรมยื่นคะแนนสอบซ่อม", Text(page));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_session_is_edited_through_its_form_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 2);
        for (var i = 0; i < 3; i++) await w.RegisterAsync(session, await w.PersonAsync(firstName: $"ผู้สมัคร{i}"));
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/sessions/{session}/edit";

        var bad = await browser.SubmitFilledAsync(url, "#session-form", new()
        {
            ["Session.Capacity"] = "1", ["Session.RegistrationOpensOn"] = "31/02/2568", ["Session.Venue"] = "หอประชุมใหม่",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", doc.QuerySelector("[data-valmsg-for='Session.RegistrationOpensOn']")!.TextContent);
        var below = await browser.SubmitFilledAsync(url, "#session-form", new() { ["Session.Capacity"] = "1" });
        Assert.Contains("มีผู้ได้ที่นั่งแล้ว 2 คน", (await Browserless.ParseAsync(below)).QuerySelector("[data-valmsg-for='Session.Capacity']")!.TextContent);
        Assert.Equal(2, await host.WithDbAsync(db => db.TrainingSessions.Where(s => s.Id == session).Select(s => s.Capacity).SingleAsync()));

        var good = await browser.SubmitFilledAsync(url, "#session-form", new()
        {
            ["Session.Capacity"] = "3", ["Session.Venue"] = "หอประชุมใหม่", ["Session.RegistrationClosesOn"] = "09/01/2568",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await host.WithDbAsync(db => db.TrainingSessions.AsNoTracking().SingleAsync(s => s.Id == session));
        Assert.Equal(("หอประชุมใหม่", 3, 3, new DateOnly(2025, 1, 9)), (saved.Venue, saved.Capacity, saved.Registered, saved.RegistrationClosesOn!.Value));
        Assert.DoesNotContain("Waitlisted", (await w.StatusesAsync(session)).Values);

        // A teacher cannot open the edit page.
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, w.Area, w.School), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync(url)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_group_skips_those_outside_the_target_group_unless_a_reason_is_given(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var code = $"C{Unique.PositionNumber()}";
        var created = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/courses", new
        {
            code, name = "วิทยาศาสตร์พลังสิบ", method = "Training", hours = 6, passPercent = 60, targetSubjectAreas = new[] { "Science" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await w.SessionAsync(code);
        for (var i = 0; i < 2; i++) await w.PersonAsync(firstName: $"ครูไทย{i}"); // the arranged people teach Thai
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/sessions/{session}";

        var skipped = await browser.SubmitAsync(url, "#group-form", new() { ["Group.School"] = w.School });
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        var (_, page) = await browser.GetAsync(url);
        Assert.Contains("ไม่อยู่ในกลุ่มเป้าหมายของหลักสูตร 2 คน", Text(page));
        Assert.Equal(0, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session)));

        var admitted = await browser.SubmitAsync(url, "#group-form", new() { ["Group.School"] = w.School, ["Group.OverrideReason"] = "โรงเรียนขาดครูวิทยาศาสตร์ มอบหมายให้สอนแทน" });
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session && r.OverrideReason == "โรงเรียนขาดครูวิทยาศาสตร์ มอบหมายให้สอนแทน")));
        (_, page) = await browser.GetAsync(url);
        Assert.Contains("นอกกลุ่มเป้าหมาย: โรงเรียนขาดครูวิทยาศาสตร์", Text(page));
    }
}
