using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;
using W = Phatthana.Tests.Features.Supervision.SupervisionWorld;

namespace Phatthana.Tests.Features.Supervision;

/// <summary>
/// The supervision pages over HTTP on both databases: a visit recorded through the form (bad input refused in Thai under its
/// field, nothing saved), edited (a stale form is refused), deleted after confirming; the list, the school page and the
/// summary as each role sees them.
/// </summary>
public sealed partial class SupervisionPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")!.TextContent, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static Dictionary<string, string> Form(string school, string visitedOn, string level) => new()
    {
        ["Input.School"] = school, ["Input.VisitedOn"] = visitedOn, ["Input.SubjectArea"] = "Mathematics", ["Input.Topic"] = "การคิดเลขเป็น",
        ["Input.Level"] = level, ["Input.Findings"] = "นักเรียนคิดเลขในใจได้คล่อง", ["Input.Recommendations"] = "ควรฝึกโจทย์ปัญหาเพิ่ม",
        ["Input.FollowUpStatus"] = "None",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_visit_goes_through_its_form_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var browser = await Browserless.SignInAsync(w.Host, w.SupervisorEmail, AppHost.Password);
        var newPage = $"/areas/{w.Area}/supervision/new?school={w.Schools[0]}";
        var (shown, form) = await browser.GetAsync(newPage);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(w.Schools[0], form.QuerySelector("select[name='Input.School'] option[selected]")?.GetAttribute("value"));

        var future = ThaiDate.Numeric(W.Today.AddDays(3));
        var badFields = Form(w.Schools[0], future, "");
        badFields["Input.Topic"] = new string('ก', 201);
        var badResponse = await browser.SubmitAsync(newPage, "main form.form", badFields);
        Assert.Equal(HttpStatusCode.OK, badResponse.StatusCode); // the form again, with its messages
        var bad = await Browserless.ParseAsync(badResponse);
        Assert.Contains("วันในอนาคต", Message(bad, "Input.VisitedOn"));
        Assert.Contains("กรุณาเลือกผลการนิเทศ", Message(bad, "Input.Level"));
        Assert.Contains("ยาวเกิน 200", Message(bad, "Input.Topic"));
        Assert.Equal(0, await w.VisitCountAsync());

        var visitedOn = ThaiDate.Numeric(SchoolCalendar.AcademicYearStart(W.LastYear).AddDays(40));
        var created = await browser.SubmitAsync(newPage, "main form.form", Form(w.Schools[0], visitedOn, "VeryGood"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var visit = created.Headers.Location!.OriginalString;
        var (_, page) = await browser.GetAsync(visit);
        Assert.Contains("ระดับดีมาก", Text(page));
        Assert.Contains("คณิตศาสตร์", Text(page));

        // Two edits from the same form: the second carries the version the first replaced.
        var (_, edit) = await browser.GetAsync(visit + "/edit");
        var version = edit.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFilledAsync(visit + "/edit", "main form.form", new() { ["Input.Level"] = "Excellent" })).StatusCode);
        var staleFields = Form(w.Schools[0], visitedOn, "Fair");
        staleFields["Input.Version"] = version;
        var stale = await browser.SubmitAsync(visit + "/edit", "main form.form", staleFields);
        Assert.Contains(SaveOutcome.ConcurrencyMessage, Text(await Browserless.ParseAsync(stale)));
        Assert.Contains("ระดับดีเยี่ยม", Text((await browser.GetAsync(visit)).Document));

        // The list and the school page show it; the delete asks first, then removes it.
        Assert.Contains("การคิดเลขเป็น", Text((await browser.GetAsync($"/areas/{w.Area}/supervision")).Document));
        Assert.Contains("การนิเทศ (1 ครั้ง)", Text((await browser.GetAsync($"/schools/{w.Schools[0]}")).Document));
        var (_, detail) = await browser.GetAsync(visit);
        Assert.Contains("ใช่หรือไม่", detail.QuerySelector("form[data-confirm]")!.GetAttribute("data-confirm"));
        var deleted = await browser.SubmitAsync(visit, "form[data-confirm]", new());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await w.VisitCountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_role_sees_what_it_may(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var mine = await w.VisitAsync(w.Schools[0], W.Day(W.LastYear, 6, 10), "Good");
        var theirs = await w.VisitAsync(w.Schools[3], W.Day(W.LastYear, 6, 11), "Excellent");
        var host = w.Host;

        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, w.Area, w.Schools[0]), AppHost.Password);
        var (listed, list) = await director.GetAsync($"/areas/{w.Area}/supervision");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Single(list.QuerySelectorAll("#list tbody tr"));
        Assert.Null(list.QuerySelector($"a[href='/areas/{w.Area}/supervision/new']"));
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/supervision-visits/{mine}")).Response.StatusCode);
        Assert.Null((await director.GetAsync($"/supervision-visits/{mine}")).Document.QuerySelector("form[data-confirm]"));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/supervision-visits/{theirs}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/supervision-visits/{mine}/edit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/areas/{w.Area}/supervision/summary")).Response.StatusCode);

        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, w.Area, w.Schools[0]), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/areas/{w.Area}/supervision")).Response.StatusCode);

        // Another supervisor reads but gets no edit or delete; posting the delete anyway is refused and changes nothing.
        var colleague = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, w.Area), AppHost.Password);
        var (_, their) = await colleague.GetAsync($"/supervision-visits/{mine}");
        Assert.Null(their.QuerySelector("form[data-confirm]"));
        var refused = await colleague.Client.PostAsync($"/supervision-visits/{mine}?handler=Delete",
            await colleague.TokenFormAsync($"/areas/{w.Area}/supervision/new", new() { ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, await w.VisitCountAsync());

        // The assessor reads the summary laid out as seed 003 has it.
        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, w.Area), AppHost.Password);
        var (summarised, summary) = await assessor.GetAsync($"/areas/{w.Area}/supervision/summary?academicYear={W.LastYear}");
        Assert.Equal(HttpStatusCode.OK, summarised.StatusCode);
        Assert.Contains("ระดับดีเยี่ยม จำนวน 1 โรงเรียน คิดเป็นร้อยละ 50.00", Text(summary));
        Assert.Contains("ระดับดี จำนวน 1 โรงเรียน คิดเป็นร้อยละ 50.00", Text(summary));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await assessor.GetAsync($"/areas/{w.Area}/supervision/summary?academicYear=๑๒")).Response.StatusCode);
    }
}
