using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using W = Phatthana.Tests.Features.Manpower.ManpowerWorld;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>A school's needs per subject: the form a director fills, bad input in it, and two people saving over each other.</summary>
public sealed class SubjectNeedsTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string[] Needs(JsonElement rows) =>
        [.. rows.EnumerateArray().Where(r => r.GetProperty("needed").GetInt32() > 0).Select(r => $"{r.GetProperty("subject").GetString()} {r.GetProperty("needed")}")];

    [Theory, MemberData(nameof(Providers))]
    public async Task An_etag_read_with_the_needs_stops_a_put_over_a_newer_save(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var url = $"/api/v1/schools/{w.Small}/subject-needs?academicYear=2567";
        var first = await w.Admin.GetAsync(url);
        var etag = first.Headers.ETag?.Tag;
        Assert.Equal("\"0\"", etag); // no needs yet

        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new object[] { new { subjectArea = "Mathematics", needed = 2 } }) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var saved = await w.Admin.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag?.Tag);

        // A second writer who read before that save is refused, and the first save stands.
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new object[] { new { subjectArea = "Arts", needed = 1 } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await w.Admin.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("มีผู้อื่นบันทึก", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Mathematics 2"], Needs(await (await w.Admin.GetAsync(url)).JsonAsync()));

        var garbage = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Array.Empty<object>()) };
        garbage.Headers.TryAddWithoutValidation("If-Match", "\"yesterday\"");
        Assert.Equal(["If-Match"], await (await w.Admin.SendAsync(garbage)).ErrorFieldsAsync());
        // Without If-Match the last save wins, as before.
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync(url, new object[] { new { subjectArea = "Arts", needed = 1 } })).StatusCode);
        Assert.Equal(["Arts 1"], Needs(await (await w.Admin.GetAsync(url)).JsonAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_fills_the_form_bad_input_saves_nothing_and_a_stale_form_is_refused(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var director = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.SchoolAdmin, w.Area, w.Small), AppHost.Password);
        var page = $"/schools/{w.Small}/subject-needs?academicYear=2567";
        var api = $"/api/v1/schools/{w.Small}/subject-needs?academicYear=2567";
        var (opened, doc) = await director.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("ความต้องการครูรายกลุ่มสาระ ปีการศึกษา 2567", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The rows are the subject areas in order: Thai is row 0, Mathematics row 1.
        Assert.Equal("Thai", doc.QuerySelector<IHtmlInputElement>("input[name='Rows[0].SubjectArea']")!.Value);
        Assert.Equal("Mathematics", doc.QuerySelector<IHtmlInputElement>("input[name='Rows[1].SubjectArea']")!.Value);

        var saved = await director.SubmitFilledAsync(page, "form.form", new() { ["Rows[1].Needed"] = "2", ["Rows[1].Note"] = "ครูคณิตศาสตร์ย้ายออก" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["Mathematics 2"], Needs(await (await w.Admin.GetAsync(api)).JsonAsync()));

        // Bad input: a negative number and a word where a number goes — Thai messages on the form, nothing saved.
        foreach (var bad in new[] { "-1", "สอง", "999" })
        {
            var response = await director.SubmitFilledAsync(page, "form.form", new() { ["Rows[0].Needed"] = bad, ["Rows[1].Needed"] = "5" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var errors = (await Browserless.ParseAsync(response)).QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .error")
                .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Matches("[ก-๙]", e));
            Assert.Equal(["Mathematics 2"], Needs(await (await w.Admin.GetAsync(api)).JsonAsync()));
        }

        // A form opened before someone else saved is refused on submit, with a Thai message, and their save stands.
        var (_, old) = await director.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync(api, new object[] { new { subjectArea = "Science", needed = 3 } })).StatusCode);
        var form = old.QuerySelector<IHtmlFormElement>("form.form")!;
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Name == "Rows[3].Needed" ? "1" : i.Value)).ToList();
        var late = await director.Client.PostAsync(page, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("มีผู้อื่นบันทึกความต้องการครู", (await Browserless.ParseAsync(late)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Science 3"], Needs(await (await w.Admin.GetAsync(api)).JsonAsync()));

        // Neither a teacher nor an assessor gets the form; another school's director does not find this school.
        var teacher = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Teacher, w.Area, w.Small), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(page)).Response.StatusCode);
        var other = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.SchoolAdmin, w.Area, w.Larger), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).Response.StatusCode);
    }
}
