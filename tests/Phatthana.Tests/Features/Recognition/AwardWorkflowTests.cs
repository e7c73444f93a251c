using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Recognition;

/// <summary>
/// A monthly award over HTTP on both databases, nomination → scoring → announcement → certificate, with every refusal the
/// issue names: a director nominating another school's teacher, a teacher when self-nomination is closed, the same person
/// twice, no clean-record declaration, a renamed file; scoring before nominations close, out of range, twice, a nominee of the
/// member's own school, after the deadline and after the announcement; announcing with sheets owed; other roles and areas.
/// </summary>
public sealed class AwardWorkflowTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly DateOnly Today = ThaiDate.TodayInThailand(TimeProvider.System);
    private static readonly int Year = ThaiDate.ToBuddhistYear(Today.Year);

    private sealed record World(AppHost Host, string Area, string SchoolA, HttpClient Admin, HttpClient DirectorA, HttpClient MemberArea, HttpClient MemberSchoolA,
        HttpClient MemberSupervisor, string TeacherA1, string TeacherA2, string TeacherB, Guid Programme);

    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var (a1, a2, tb) = (await host.PersonAsync(area, a, firstName: "กมล"), await host.PersonAsync(area, a, firstName: "ขวัญใจ"), await host.PersonAsync(area, b, firstName: "จันทร์เพ็ญ"));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var emails = (Area: await host.UserAccountAsync(Role.AreaAdmin, area), SchoolA: await host.UserAccountAsync(Role.Assessor, area),
            Supervisor: await host.UserAccountAsync(Role.Supervisor, area));
        var programme = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/award-programmes", new
        {
            name = "รางวัล \"เพชรน้ำหนึ่ง\"", level = "Area", period = "Monthly", schoolsNominate = true, selfNomination = false,
            eligiblePositions = new[] { "Teacher" }, minYearsOfService = 2, requiresCleanRecord = true, awards = 1,
            criteria = new[]
            {
                new { name = "ผลการปฏิบัติงาน", weight = 40m, minScore = 0, maxScore = 10 },
                new { name = "คุณธรรม จริยธรรม", weight = 35m, minScore = 1, maxScore = 5 },
                new { name = "การให้บริการ", weight = 25m, minScore = 0, maxScore = 20 },
            },
            committee = new[]
            {
                new { email = emails.Area, duty = "ประธาน", school = (string?)null },
                new { email = emails.SchoolA, duty = "กรรมการ", school = (string?)a },
                new { email = emails.Supervisor, duty = "เลขานุการ", school = (string?)null },
            },
        });
        Assert.True(programme.StatusCode == HttpStatusCode.Created, await programme.Content.ReadAsStringAsync());
        return new World(host, area, a, admin, await host.UserAsync(Role.SchoolAdmin, area, a), await host.BearerAsync(emails.Area, AppHost.Password),
            await host.BearerAsync(emails.SchoolA, AppHost.Password), await host.BearerAsync(emails.Supervisor, AppHost.Password), a1, a2, tb,
            (await programme.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> SelectionAsync(World w, DateOnly opens, DateOnly closes, DateOnly scoring, int month)
    {
        var response = await w.Admin.PostAsJsonAsync($"/api/v1/award-programmes/{w.Programme}/selections", new
        {
            year = Year, month, nominationOpens = opens, nominationCloses = closes, scoringCloses = scoring,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static object Nominee(string nationalId, bool clean = true) =>
        new { nationalId, statement = "ปฏิบัติงานด้วยความทุ่มเท ดูแลนักเรียนอย่างใกล้ชิด", noDisciplinaryRecord = clean };

    private static async Task<Guid> NominateAsync(HttpClient by, Guid selection, string nationalId)
    {
        var response = await by.PostAsJsonAsync($"/api/v1/award-selections/{selection}/nominations", Nominee(nationalId));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ScoreAsync(HttpClient member, Guid nomination, decimal work, decimal conduct, decimal service) =>
        member.PostAsJsonAsync($"/api/v1/nominations/{nomination}/scores", new
        {
            scores = new[] { new { criterion = 1, score = work }, new { criterion = 2, score = conduct }, new { criterion = 3, score = service } },
        });

    private static async Task ScoredAsync(HttpClient member, Guid nomination, decimal work, decimal conduct, decimal service)
    {
        var response = await ScoreAsync(member, nomination, work, conduct, service);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return form;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("detail").GetString() ?? "";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_monthly_award_goes_from_nomination_to_certificate_and_refuses_what_the_rules_refuse(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var selection = await SelectionAsync(w, Today, Today.AddDays(7), Today.AddDays(14), Today.Month);
        var url = $"/api/v1/award-selections/{selection}/nominations";

        // Nominations: the director's own staff only, a teacher not at all (no self-nomination), nobody twice, the declaration required.
        var a1 = await NominateAsync(w.DirectorA, selection, w.TeacherA1);
        var a2 = await NominateAsync(w.DirectorA, selection, w.TeacherA2);
        Assert.Equal(["nationalId"], await (await w.DirectorA.PostAsJsonAsync(url, Nominee(w.TeacherB))).ErrorFieldsAsync());
        var teacher = await w.Host.UserAsync(Role.Teacher, w.Area, w.SchoolA, w.TeacherA1);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(url, Nominee(w.TeacherA1))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Admin.PostAsJsonAsync(url, Nominee(w.TeacherA1))).StatusCode);
        Assert.Equal(["noDisciplinaryRecord"], await (await w.Admin.PostAsJsonAsync(url, Nominee(w.TeacherB, clean: false))).ErrorFieldsAsync());
        var b = await NominateAsync(w.Admin, selection, w.TeacherB);

        // Evidence: a real PDF is kept, a text file named .pdf is refused and leaves no row.
        var pdf = new byte[2048];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        Assert.Equal(HttpStatusCode.Created, (await w.DirectorA.PostAsync($"/api/v1/nominations/{a1}/evidence", File(pdf, "ผลงาน.pdf"))).StatusCode);
        var renamed = await w.DirectorA.PostAsync($"/api/v1/nominations/{a1}/evidence", File("not a pdf"u8.ToArray(), "ปลอม.pdf"));
        Assert.Contains("ไม่ใช่ไฟล์ PDF จริง", await renamed.Content.ReadAsStringAsync());
        Assert.Equal(1, (await (await w.Admin.GetAsync($"/api/v1/nominations/{a1}")).JsonAsync()).GetProperty("evidence").GetArrayLength());

        // Scoring waits for nominations to close; a director is not a scorer at all.
        Assert.Contains("ยังไม่ถึงช่วงให้คะแนน", await DetailAsync(await ScoreAsync(w.MemberArea, a1, 8, 4, 15)));
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PostAsync($"/api/v1/award-selections/{selection}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScoreAsync(w.DirectorA, a1, 8, 4, 15)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.DirectorA.PostAsJsonAsync(url, Nominee(w.TeacherA2))).StatusCode);

        // Out of range (and a criterion missing) is refused whole: nothing of the sheet is kept.
        var bad = await w.MemberArea.PostAsJsonAsync($"/api/v1/nominations/{a1}/scores", new { scores = new[] { new { criterion = 1, score = 11m }, new { criterion = 2, score = 0m } } });
        Assert.Equal(["scores[0].score", "scores[1].score", "scores"], await bad.ErrorFieldsAsync());
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.AwardScores.CountAsync(s => s.NominationId == a1)));

        // The member from school A may not score school A's nominees.
        var conflicted = await ScoreAsync(w.MemberSchoolA, a1, 10, 5, 20);
        Assert.Equal(HttpStatusCode.Forbidden, conflicted.StatusCode);
        Assert.Contains("ส่วนได้เสีย", await DetailAsync(conflicted));

        await ScoredAsync(w.MemberArea, a1, 8, 4, 15);    // 78.75
        await ScoredAsync(w.MemberArea, a2, 5, 3, 10);    // 53.5
        await ScoredAsync(w.MemberArea, b, 8, 4, 15);     // 78.75
        Assert.Equal(HttpStatusCode.Conflict, (await ScoreAsync(w.MemberArea, a1, 10, 5, 20)).StatusCode);
        await ScoredAsync(w.MemberSchoolA, b, 10, 4, 17.1m); // 89.375
        var early = await w.Admin.PostAsync($"/api/v1/award-selections/{selection}/announce", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("ยังให้คะแนนไม่ครบ", await DetailAsync(early));
        await ScoredAsync(w.MemberSupervisor, a1, 10, 5, 20); // 100
        await ScoredAsync(w.MemberSupervisor, a2, 5, 3, 10);
        await ScoredAsync(w.MemberSupervisor, b, 10, 5, 20);

        // a1: (78.75 + 100) / 2 = 89.375; b: (78.75 + 89.375 + 100) / 3 = 89.375 — tied first, both awarded though one award is offered.
        var announced = await w.Admin.PostAsync($"/api/v1/award-selections/{selection}/announce", null);
        Assert.True(announced.StatusCode == HttpStatusCode.OK, await announced.Content.ReadAsStringAsync());
        var standings = (await announced.JsonAsync()).GetProperty("standings").EnumerateArray().ToList();
        Assert.Equal([(89.38m, 1, true, true), (89.38m, 1, true, true), (53.5m, 3, false, false)],
            standings.Select(s => (s.GetProperty("total").GetDecimal(), s.GetProperty("rank").GetInt32(), s.GetProperty("tied").GetBoolean(), s.GetProperty("awarded").GetBoolean())));
        Assert.Equal([$"{w.Area}-AW{Year}-0001", $"{w.Area}-AW{Year}-0002"],
            standings.Take(2).Select(s => s.GetProperty("certificateNumber").GetString()!).Order());
        Assert.Contains("ประกาศผลแล้ว", await DetailAsync(await ScoreAsync(w.MemberArea, a2, 1, 1, 1)));

        // The certificate: the holder downloads their own, another teacher cannot see it, the public page verifies it.
        var pdfResponse = await teacher.GetAsync($"/api/v1/nominations/{a1}/certificate");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        var other = await w.Host.UserAsync(Role.Teacher, w.Area, w.SchoolA, w.TeacherA2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/nominations/{a1}/certificate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/nominations/{a2}/certificate")).StatusCode); // not awarded
        var code = await w.Host.WithDbAsync(db => db.Nominations.Where(n => n.Id == a1).Select(n => n.CertificateCode!).SingleAsync());
        var verify = await w.Host.Anonymous().GetStringAsync($"/verify/{code}");
        Assert.Contains("เพชรน้ำหนึ่ง", verify);
        Assert.Contains("ยังใช้ได้", verify);

        // Counts per programme and year, and the holder's awards.
        var counts = (await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/award-counts?year={Year}")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal((1, 3, 2), (counts.GetProperty("selections").GetInt32(), counts.GetProperty("nominated").GetInt32(), counts.GetProperty("awarded").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/award-counts?format=xlsx")).StatusCode);
        var awards = (await (await w.Admin.GetAsync($"/api/v1/people/{w.TeacherA1}/awards")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal($"ประจำเดือน{ThaiDate.MonthNames[Today.Month - 1]} {Year}", awards.GetProperty("selection").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nominations_and_scores_outside_their_windows_are_refused(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var past = await SelectionAsync(w, Today.AddDays(-20), Today.AddDays(-10), Today.AddDays(-5), 1);
        var late = await w.DirectorA.PostAsJsonAsync($"/api/v1/award-selections/{past}/nominations", Nominee(w.TeacherA1));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("ปิดรับการเสนอชื่อแล้ว", await DetailAsync(late));
        var future = await SelectionAsync(w, Today.AddDays(3), Today.AddDays(10), Today.AddDays(15), 2);
        Assert.Contains("ยังไม่เปิดรับ", await DetailAsync(await w.DirectorA.PostAsJsonAsync($"/api/v1/award-selections/{future}/nominations", Nominee(w.TeacherA1))));

        // A nomination whose scoring deadline has passed since.
        var open = await SelectionAsync(w, Today, Today, Today, 3);
        var nomination = await NominateAsync(w.DirectorA, open, w.TeacherA1);
        await w.Host.WithDbAsync(async db =>
        {
            var s = await db.AwardSelections.SingleAsync(x => x.Id == open);
            (s.NominationCloses, s.ScoringCloses) = (Today.AddDays(-2), Today.AddDays(-1));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("หมดเวลาให้คะแนน", await DetailAsync(await ScoreAsync(w.MemberArea, nomination, 5, 3, 10)));
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.AwardScores.CountAsync(s => s.NominationId == nomination)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_programmes_are_refused_and_only_area_staff_of_the_area_write_them(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var teacherEmail = await w.Host.UserAccountAsync(Role.Teacher, w.Area, w.SchoolA);
        var bad = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/award-programmes", new
        {
            name = "ครูดีในดวงใจ", level = "Province", period = "Yearly",
            criteria = new[] { new { name = "ผลงาน", weight = 60m, minScore = 5, maxScore = 5 }, new { name = "คุณธรรม", weight = 30m, minScore = 0, maxScore = 10 } },
            committee = new[] { new { email = teacherEmail }, new { email = "nobody@phatthana.test" } },
        });
        var fields = await bad.ErrorFieldsAsync();
        Assert.Equal(["level", "criteria[0].maxScore", "committee[0].email", "committee[1].email"], fields);
        var weights = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/award-programmes", new
        {
            name = "ครูดีในดวงใจ", level = "Area", period = "Yearly", criteria = new[] { new { name = "ผลงาน", weight = 60m, minScore = 0, maxScore = 10 } },
        });
        Assert.Contains("รวมกันต้องเท่ากับ 100", await weights.Content.ReadAsStringAsync());
        Assert.False(await w.Host.WithDbAsync(db => db.AwardProgrammes.AnyAsync(p => p.Name == "ครูดีในดวงใจ" && db.Areas.Any(a => a.Id == p.AreaId && a.Code == w.Area))));

        var body = new { name = "x", level = "Area", period = "Yearly", criteria = new[] { new { name = "ผลงาน", weight = 100m, minScore = 0, maxScore = 10 } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await w.MemberSupervisor.PostAsJsonAsync($"/api/v1/areas/{w.Area}/award-programmes", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.DirectorA.PutAsJsonAsync($"/api/v1/award-programmes/{w.Programme}", body)).StatusCode);
        var elsewhere = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/award-programmes/{w.Programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PutAsJsonAsync($"/api/v1/award-programmes/{w.Programme}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/award-programmes/{w.Programme}/selections", new { year = Year })).StatusCode);

        // Once scoring has begun the criteria stay as they are.
        var selection = await SelectionAsync(w, Today, Today.AddDays(3), Today.AddDays(9), Today.Month);
        var n = await NominateAsync(w.DirectorA, selection, w.TeacherA1);
        await w.Admin.PostAsync($"/api/v1/award-selections/{selection}/close", null);
        await ScoredAsync(w.MemberArea, n, 5, 3, 10);
        var change = await w.Admin.PutAsJsonAsync($"/api/v1/award-programmes/{w.Programme}", new
        {
            name = "รางวัล \"เพชรน้ำหนึ่ง\"", level = "Area", period = "Monthly", criteria = new[] { new { name = "ผลงาน", weight = 100m, minScore = 0, maxScore = 10 } },
        });
        Assert.Contains("เปลี่ยนหลักเกณฑ์ไม่ได้", await change.Content.ReadAsStringAsync());
        Assert.Equal(3, await w.Host.WithDbAsync(db => db.AwardCriteria.CountAsync(c => c.ProgrammeId == w.Programme)));
    }
}
