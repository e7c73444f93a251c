using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// ID Plan progress against hand-worked counts on both databases: each person in one column, civil servants only, the area
/// office's staff as one line, the percentages and the KPI query; the lists of people without a submitted plan and of plans
/// waiting; a director sees their school; teachers 403, another area 404, a bad year 422; the files.
/// </summary>
public sealed class IdPlanProgressTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string Topic = "การวิจัยในชั้นเรียน";

    private sealed record World(DevelopmentWorld W, string SchoolA, string SchoolB, string DirectorA, string Waiting, string[] Without, string Url);

    /// <summary>
    /// School A: approved, submitted, returned, draft, and the director with none (5); a contract teacher's submitted plan and
    /// a transferred teacher are not counted. School B: approved and none (2). The office: one with none. Area: 8.
    /// </summary>
    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await DevelopmentWorld.ArrangeAsync(await Host(provider));
        var a = await w.Host.SchoolAsync(w.Area, name: $"โรงเรียนบ้านกลาง {Unique.SchoolCode()}");
        var b = await w.Host.SchoolAsync(w.Area, name: $"โรงเรียนวัดเหนือ {Unique.SchoolCode()}");
        var admin = await w.Host.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/divisions", new { name = "กลุ่มส่งเสริมการจัดการศึกษา" })).StatusCode);
        (string Topic, int, string[])[] need = [(Topic, 1, ["Workshop"])];
        var approved = await w.PersonAsync(a, firstName: "กานดา");
        var submitted = await w.PersonAsync(a, firstName: "ขนิษฐา");
        var returned = await w.PersonAsync(a, firstName: "คมสัน");
        var draft = await w.PersonAsync(a, firstName: "จันทร์เพ็ญ");
        var director = await w.PersonAsync(a, "Director", firstName: "ฉัตรชัย");
        var contract = await w.PersonAsync(a, "ContractTeacher", firstName: "ชไมพร");
        var transferred = await w.PersonAsync(a, firstName: "ณัฐวุฒิ");
        var approvedB = await w.PersonAsync(b, firstName: "ดารุณี");
        var noneB = await w.PersonAsync(b, firstName: "ตรีเทพ");
        var office = await w.PersonAsync(null, "EducationalPersonnel", division: "กลุ่มส่งเสริมการจัดการศึกษา", firstName: "ถนอม");
        await w.PlanAsync(approved, "Teachers", IdPlanStatus.Approved, need);
        await w.PlanAsync(submitted, "Teachers", IdPlanStatus.Submitted, need);
        await w.PlanAsync(returned, "Teachers", IdPlanStatus.Returned, need);
        await w.PlanAsync(draft, "Teachers", IdPlanStatus.Draft, need);
        await w.PlanAsync(contract, "Teachers", IdPlanStatus.Submitted, need);
        await w.PlanAsync(transferred, "Teachers", IdPlanStatus.Submitted, need);
        await w.PlanAsync(approvedB, "Teachers", IdPlanStatus.Approved, need);
        var body = Arrange.PersonBody(a, nationalId: transferred, firstName: "ณัฐวุฒิ");
        body["status"] = "Transferred";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/people/{transferred}", body)).StatusCode);
        return new World(w, a, b, director, submitted, [returned, draft, director, noneB, office],
            $"/api/v1/areas/{w.Area}/id-plan-progress?fiscalYear={DevelopmentWorld.Year}");
    }

    private static (int, int, int, int, int, int, decimal, decimal) Counts(JsonElement c) => (c.GetProperty("people").GetInt32(), c.GetProperty("submitted").GetInt32(),
        c.GetProperty("approved").GetInt32(), c.GetProperty("returned").GetInt32(), c.GetProperty("drafts").GetInt32(), c.GetProperty("none").GetInt32(),
        c.GetProperty("submittedOrApprovedPercent").GetDecimal(), c.GetProperty("approvedPercent").GetDecimal());

    [Theory, MemberData(nameof(Providers))]
    public async Task Counts_and_percentages_per_school_and_for_the_area_are_as_worked_by_hand(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var json = await (await world.W.AreaApi.GetAsync(world.Url)).JsonAsync();
        // A: 1 submitted + 1 approved of 5 = 40 %, approved 20 %; B: 1 of 2 = 50 %; the office: 0 of 1; area: 3 of 8 = 37.5 %, 2 of 8 = 25 %.
        var schools = json.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal(3, schools.Count);
        Assert.Equal((5, 1, 1, 1, 1, 1, 40.00m, 20.00m), Counts(schools[0].GetProperty("counts")));
        Assert.Equal(world.SchoolA, schools[0].GetProperty("schoolCode").GetString());
        Assert.Equal((2, 0, 1, 0, 0, 1, 50.00m, 50.00m), Counts(schools[1].GetProperty("counts")));
        Assert.Equal((JsonValueKind.Null, IdPlanProgress.OfficeStaff), (schools[2].GetProperty("schoolCode").ValueKind, schools[2].GetProperty("school").GetString()));
        Assert.Equal((1, 0, 0, 0, 0, 1, 0.00m, 0.00m), Counts(schools[2].GetProperty("counts")));
        Assert.Equal((8, 1, 2, 1, 1, 3, 37.50m, 25.00m), Counts(json.GetProperty("area")));

        // The KPI binding's query, run as the system would run it, gives the same figures.
        var areaId = await world.W.Host.WithDbAsync(db => Task.FromResult(db.Areas.Single(x => x.Code == world.W.Area).Id));
        var kpi = await world.W.Host.WithDbAsync(db => IdPlanProgress.ForAreaAsync(db, areaId, DevelopmentWorld.Year));
        Assert.Equal(new PlanCounts(8, 1, 2, 1, 1, 3), kpi);
        Assert.Equal((3, 37.50m, 25.00m), (kpi.SubmittedOrApproved, kpi.SubmittedOrApprovedPercent, kpi.ApprovedPercent));
        // A year with no plans: nobody has one.
        Assert.Equal((8, 0, 0, 0, 0, 8, 0.00m, 0.00m), Counts((await (await world.W.AreaApi.GetAsync(world.Url.Replace("2570", "2569"))).JsonAsync()).GetProperty("area")));
        // One school.
        var b = await (await world.W.AreaApi.GetAsync(world.Url + $"&school={world.SchoolB}")).JsonAsync();
        Assert.Equal((2, 0, 1, 0, 0, 1, 50.00m, 50.00m), Counts(b.GetProperty("area")));

        // A director: their school alone.
        var director = await world.W.Host.UserAsync(Role.SchoolAdmin, world.W.Area, world.SchoolA, world.DirectorA);
        var own = await (await director.GetAsync(world.Url)).JsonAsync();
        Assert.Equal((5, 1, 1, 1, 1, 1, 40.00m, 20.00m), Counts(own.GetProperty("area")));
        Assert.Single(own.GetProperty("schools").EnumerateArray());
        var teacher = await world.W.Host.UserAsync(Role.Teacher, world.W.Area, world.SchoolA);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(world.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await world.W.Host.UserAsync(Role.AreaAdmin, await world.W.Host.AreaAsync())).GetAsync(world.Url)).StatusCode);
        Assert.Equal(["fiscalYear"], await (await world.W.AreaApi.GetAsync(world.Url.Replace("2570", "2027"))).ErrorFieldsAsync());
        Assert.Equal(["school"], await (await world.W.AreaApi.GetAsync(world.Url + "&school=0000000000")).ErrorFieldsAsync());
        var xlsx = await world.W.AreaApi.GetAsync(world.Url + "&format=xlsx");
        var rows = Workbook.RowsAfter(Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync()), "สถานศึกษา");
        Assert.Equal(["5", "1", "1", "1", "1", "1", "40", "20"], rows[0][1..9].Select(v => v?.ToString()).ToArray());
        var pdf = Poppler.Text(await (await world.W.AreaApi.GetAsync(world.Url + "&format=pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains(IdPlanProgressReport.Title, pdf);
        Assert.Contains("รวมทั้งเขตพื้นที่", pdf);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_page_lists_who_has_not_submitted_and_what_waits_for_a_decision(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var host = world.W.Host;
        var ids = new Dictionary<string, Guid>();
        foreach (var n in world.Without.Append(world.Waiting)) ids[n] = await world.W.PersonIdAsync(n);
        var page = $"/areas/{world.W.Area}/development/id-plans?fiscalYear={DevelopmentWorld.Year}";
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, world.W.Area), AppHost.Password);
        string[] Links(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll("#people-title ~ .table-wrap tbody a").Select(a => a.GetAttribute("href")!).Distinct().ToArray();
        string Plan(string nationalId) => $"/people/{ids[nationalId]}/id-plans/{DevelopmentWorld.Year}";

        var (ok, doc) = await staff.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(world.Without.Select(Plan).Order(), Links(doc).Order());
        Assert.Contains("ร้อยละส่งแผนแล้ว", doc.QuerySelector(".cards")!.TextContent);
        Assert.Contains("37.50", doc.QuerySelector(".cards")!.TextContent);
        Assert.Equal(4, doc.QuerySelectorAll("#schools-title ~ .table-scroll tbody tr").Length);
        var (_, statuses) = await staff.GetAsync(page + "&sort=status");
        Assert.Equal(["ยังไม่มีแผน", "ยังไม่มีแผน", "ยังไม่มีแผน", "ร่าง", "ส่งคืนให้แก้ไข"],
            statuses.QuerySelectorAll("#people-title ~ .table-wrap tbody td[data-label='สถานะแผน']").Select(t => t.TextContent.Trim()).ToArray());
        var (_, search) = await staff.GetAsync(page + "&q=" + Uri.EscapeDataString("ถนอม"));
        Assert.Equal([Plan(world.Without[4])], Links(search));
        var (_, waiting) = await staff.GetAsync(page + "&list=waiting");
        Assert.Equal([Plan(world.Waiting)], Links(waiting));

        // A director sees their school's: the office's and school B's people are not there.
        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, world.W.Area, world.SchoolA, world.DirectorA), AppHost.Password);
        var (_, mine) = await director.GetAsync(page);
        Assert.Equal(world.Without.Take(3).Select(Plan).Order(), Links(mine).Order());
        var (_, mineWaiting) = await director.GetAsync(page + "&list=waiting");
        Assert.Equal([Plan(world.Waiting)], Links(mineWaiting));

        // Files carry the list asked for; a bad year is said in Thai with a 422; a teacher is refused.
        var file = await staff.Client.GetAsync(page + "&list=waiting&format=pdf");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("แผนพัฒนาตนเองที่รอพิจารณา", Poppler.Text(await file.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync(page + "&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.Client.GetAsync(page.Replace("2570", "2027") + "&format=xlsx")).StatusCode);
        var (bad, badDoc) = await staff.GetAsync(page.Replace("2570", "๒๐๒๗"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("ใช้ปี พ.ศ.", badDoc.QuerySelector("[role=alert]")!.TextContent);
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, world.W.Area, world.SchoolA), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync(page)).StatusCode);
    }
}
