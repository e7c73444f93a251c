using System.Net;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Networks;

/// <summary>The network page's own forms: a member joining (and refused in a second network), a goal and a meeting, and who may post them.</summary>
public sealed class NetworkPageTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task The_page_adds_members_goals_and_meetings_and_says_in_thai_what_is_wrong(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await NetworkWorld.CreateAsync(host);
        var email = await host.UserAccountAsync(Role.AreaAdmin, w.Area);
        var page = await Browserless.SignInAsync(host, email, AppHost.Password);
        var url = $"/areas/{w.Area}/networks/{w.IdA}";

        var (shown, document) = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("ผล O-NET ของเครือข่าย", document.Body!.TextContent);

        // School 3 is in B: joining A is refused on the page with the Thai reason, and nothing is saved.
        var refused = await page.SubmitAsync(url, "form[action*='handler=Member']", new() { ["Part.School"] = w.Schools[2], ["Part.From"] = "01/01/2569" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("เครือข่ายเดียวในเวลาเดียวกัน", (await Browserless.ParseAsync(refused)).Body!.TextContent);
        var bad = await page.SubmitAsync(url, "form[action*='handler=Member']", new() { ["Part.School"] = w.Schools[2], ["Part.From"] = "31/02/2569" });
        Assert.Contains("อ่านไม่ได้", (await Browserless.ParseAsync(bad)).Body!.TextContent);
        Assert.Equal(w.NetworkB, await w.CurrentNetworkAsync(w.Schools[2]));

        var newcomer = await host.SchoolAsync(w.Area);
        var joined = await page.SubmitAsync(url, "form[action*='handler=Member']", new() { ["Part.School"] = newcomer, ["Part.From"] = "16/05/2568" });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal(w.NetworkA, await w.CurrentNetworkAsync(newcomer));

        var goal = await page.SubmitAsync(url, "form[action*='handler=Goal']", new() { ["Part.AcademicYear"] = "2568", ["Part.Metric"] = "QaPassed", ["Part.Target"] = "150" });
        Assert.Contains("ค่าเป้าหมายต้องอยู่ระหว่าง", (await Browserless.ParseAsync(goal)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Goal']",
            new() { ["Part.AcademicYear"] = "2568", ["Part.Metric"] = "QaPassed", ["Part.Target"] = "100", ["Part.Actual"] = "90" })).StatusCode);

        var meeting = await page.SubmitAsync(url, "form[action*='handler=Meeting']", new() { ["Part.Date"] = "10/01/2569", ["Part.Agenda"] = "วาระ" });
        Assert.Contains("สถานที่", (await Browserless.ParseAsync(meeting)).Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Meeting']",
            new() { ["Part.Date"] = "10/01/2569", ["Part.Place"] = "โรงเรียนประธาน", ["Part.Agenda"] = "วาระที่ 1", ["Part.Schools"] = newcomer })).StatusCode);

        var detail = await w.DetailAsync(w.IdA);
        Assert.Equal(1, detail.GetProperty("goalTargets").GetArrayLength());
        Assert.Equal([newcomer], Assert.Single(detail.GetProperty("meetings").EnumerateArray()).GetProperty("schools").EnumerateArray().Select(s => s.GetString()));

        // A teacher sees the page without its forms, and a post of one is refused.
        var teacherEmail = await host.UserAccountAsync(Role.Teacher, w.Area, w.Schools[0]);
        var teacher = await Browserless.SignInAsync(host, teacherEmail, AppHost.Password);
        var (_, read) = await teacher.GetAsync(url);
        Assert.Null(read.QuerySelector("form[action*='handler=Member']"));
        var post = await teacher.Client.PostAsync(url + "?handler=Member", await teacher.TokenFormAsync(url, new() { ["Part.School"] = w.Schools[2], ["Part.From"] = "01/01/2569" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(w.NetworkB, await w.CurrentNetworkAsync(w.Schools[2]));
    }
}
