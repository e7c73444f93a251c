using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Networks;

/// <summary>The network page's own forms: a member joining (and refused in a second network), a goal, a meeting, the board, centres and supervisors, and who may post them.</summary>
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

    [Theory, MemberData(nameof(Providers))]
    public async Task The_page_adds_and_removes_board_roles_centres_and_supervisors(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await NetworkWorld.CreateAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/divisions", new { name = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา" })).StatusCode);
        var supervisor = await host.PersonAsync(w.Area, null, position: "Supervisor", firstName: "นิเทศ", lastName: "หน้าเว็บ", division: "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา");
        var teacher = await host.PersonAsync(w.Area, w.Schools[0], firstName: "ครู", lastName: "ไม่ใช่นิเทศก์");
        var page = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var url = $"/areas/{w.Area}/networks/{w.IdA}";
        async Task<string> Refused(string handler, Dictionary<string, string> fields, string field)
        {
            var response = await page.SubmitAsync(url, $"form[action*='handler={handler}']", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = (await Browserless.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
            return message;
        }

        // Each bad input is said in Thai under its own field, and nothing is saved.
        Assert.Contains("อย่างใดอย่างหนึ่ง", await Refused("Role", new() { ["Board.Role"] = "Chair", ["Board.Name"] = "นายสอง ชื่อ", ["Board.School"] = w.Schools[0], ["Board.From"] = "16/05/2568" }, "Board.Person"));
        Assert.Contains("อ่านไม่ได้", await Refused("Role", new() { ["Board.Role"] = "Chair", ["Board.Name"] = "นายหนึ่ง ประธาน", ["Board.From"] = "31/02/2568" }, "Board.From"));
        Assert.Contains("ไม่ได้เป็นสมาชิกของเครือข่ายนี้", await Refused("Centre", new() { ["Centre.Subject"] = "Thai", ["Centre.School"] = w.Schools[2] }, "Centre.School"));
        Assert.Contains("ไม่ได้อยู่ในตำแหน่งศึกษานิเทศก์", await Refused("Centre", new() { ["Centre.Subject"] = "Thai", ["Centre.School"] = w.Schools[0], ["Centre.Supervisor"] = teacher }, "Centre.Supervisor"));
        Assert.Contains("ไม่ได้อยู่ในตำแหน่งศึกษานิเทศก์", await Refused("Supervisor", new() { ["Assign.Person"] = teacher }, "Assign.Person"));
        Assert.Contains("กรุณาระบุ", await Refused("Supervisor", new() { ["Assign.Person"] = " " }, "Assign.Person"));
        var untouched = await w.DetailAsync(w.IdA);
        Assert.Equal((0, 0, 0), (untouched.GetProperty("roles").GetArrayLength(), untouched.GetProperty("centres").GetArrayLength(), untouched.GetProperty("supervisors").GetArrayLength()));

        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Role']",
            new() { ["Board.Role"] = "Chair", ["Board.Name"] = "นายหนึ่ง ประธาน", ["Board.From"] = "16/05/2568" })).StatusCode);
        Assert.Contains("มีได้ครั้งละหนึ่งคน", await Refused("Role", new() { ["Board.Role"] = "Chair", ["Board.Name"] = "นายสอง ประธาน", ["Board.From"] = "01/01/2569" }, "Board.From"));
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Role']",
            new() { ["Board.Role"] = "Committee", ["Board.Person"] = teacher, ["Board.From"] = "16/05/2568" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Supervisor']", new() { ["Assign.Person"] = supervisor })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=Centre']",
            new() { ["Centre.Subject"] = "Mathematics", ["Centre.School"] = w.Schools[0], ["Centre.Supervisor"] = supervisor })).StatusCode);

        var detail = await w.DetailAsync(w.IdA);
        Assert.Equal("นายหนึ่ง ประธาน", detail.GetProperty("chair").GetString());
        Assert.Equal(2, detail.GetProperty("roles").GetArrayLength());
        Assert.Equal("นางสาวนิเทศ หน้าเว็บ", Assert.Single(detail.GetProperty("supervisors").EnumerateArray()).GetProperty("name").GetString());
        var centre = Assert.Single(detail.GetProperty("centres").EnumerateArray());
        Assert.Equal(("Mathematics", "นางสาวนิเทศ หน้าเว็บ"), (centre.GetProperty("subject").GetString(), centre.GetProperty("supervisor").GetString()));

        // Removing asks first (data-confirm), then takes the entry away; the chair's field follows the board.
        var (_, shown) = await page.GetAsync(url);
        var chairId = detail.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("role").GetString() == "Chair").GetProperty("id").GetString();
        var removeChair = shown.QuerySelector($"form[action*='handler=RemoveRole'][action*='{chairId}']");
        Assert.Contains("นายหนึ่ง ประธาน", removeChair!.GetAttribute("data-confirm"));
        Assert.NotNull(shown.QuerySelector("form[action*='handler=RemoveCentre'][data-confirm]"));
        Assert.NotNull(shown.QuerySelector("form[action*='handler=RemoveSupervisor'][data-confirm]"));
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, $"form[action*='handler=RemoveRole'][action*='{chairId}']", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=RemoveCentre']", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(url, "form[action*='handler=RemoveSupervisor']", [])).StatusCode);
        var after = await w.DetailAsync(w.IdA);
        Assert.Equal("Committee", Assert.Single(after.GetProperty("roles").EnumerateArray()).GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("chair").ValueKind);
        Assert.Equal((0, 0), (after.GetProperty("centres").GetArrayLength(), after.GetProperty("supervisors").GetArrayLength()));

        // A teacher sees none of these forms, and a post is refused with nothing saved.
        var teacherPage = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, w.Area, w.Schools[0]), AppHost.Password);
        var (_, read) = await teacherPage.GetAsync(url);
        Assert.Null(read.QuerySelector("form[action*='handler=Role'], form[action*='handler=Centre'], form[action*='handler=Supervisor'], form[action*='handler=Remove']"));
        var post = await teacherPage.Client.PostAsync(url + "?handler=Supervisor", await teacherPage.TokenFormAsync(url, new() { ["Assign.Person"] = supervisor }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, (await w.DetailAsync(w.IdA)).GetProperty("supervisors").GetArrayLength());
    }
}
