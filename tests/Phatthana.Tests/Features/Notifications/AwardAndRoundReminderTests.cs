using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Features.Assessment;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Notifications;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Notifications;

/// <summary>
/// The reminders of the workflows that came after the inbox: a self-assessment round due (before and the day after), an award
/// selection's nomination window open (to those the programme lets nominate) and its scoring deadline near (to the committee
/// members who still owe a sheet, not to one who scored everything) — each once. A host of its own: the scheduler's run
/// reaches every area of the database.
/// </summary>
public sealed class AwardAndRoundReminderTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static readonly DateOnly Today = ThaiDate.TodayInThailand(TimeProvider.System);

    private static Task<int> RemindAsync(AppHost host, DateOnly day) => host.WithServiceAsync<Reminders, int>(r => r.RunAsync(day));

    private static Task<List<string>> RecipientsAsync(AppHost host, string kind, string link) =>
        host.WithDbAsync(db => db.Notifications.Where(n => n.Kind == kind && n.Link == link)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email!).OrderBy(e => e).ToListAsync());

    [Theory, MemberData(nameof(Providers))]
    public async Task A_round_due_and_an_award_selection_remind_the_right_people_once(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, name: "award-remind");
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var (teacherA, teacherB) = (await host.PersonAsync(area, a), await host.PersonAsync(area, b));
        var adminEmail = await host.UserAccountAsync(Role.AreaAdmin, area);
        var admin = await host.BearerAsync(adminEmail, AppHost.Password);
        var supervisorEmail = await host.UserAccountAsync(Role.Supervisor, area);
        var directorEmail = await host.UserAccountAsync(Role.SchoolAdmin, area, a);
        var teacherEmail = await host.UserAccountAsync(Role.Teacher, area, a, teacherA);
        var assessorEmail = await host.UserAccountAsync(Role.Assessor, area);

        // A round ending on a day of its own: three days before it the area's staff hear, once; the day after it, once more.
        var code = $"T-{Unique.PositionNumber()}";
        Assert.Equal(HttpStatusCode.Created, (await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", AssessmentApiTests.Framework(code))).StatusCode);
        var roundEnd = new DateOnly(2027, 3, 31);
        var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds",
            new { framework = code, name = "ครั้งที่ 1/2570", startDate = "2026-10-01", endDate = "2027-03-31", indicators = new[] { "1.1" } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var round = $"/assessment-rounds/{(await created.JsonAsync()).GetProperty("id").GetGuid()}";
        await RemindAsync(host, roundEnd.AddDays(-4));
        Assert.Empty(await RecipientsAsync(host, "assessment-round-due", round));
        await RemindAsync(host, roundEnd.AddDays(-3));
        await RemindAsync(host, roundEnd.AddDays(-2));
        var staff = new[] { adminEmail, supervisorEmail }.Order().ToList();
        Assert.Equal(staff, await RecipientsAsync(host, "assessment-round-due", round));
        await RemindAsync(host, roundEnd);
        await RemindAsync(host, roundEnd.AddDays(1));
        await RemindAsync(host, roundEnd.AddDays(2));
        var titles = await host.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "assessment-round-due" && n.Link == round).Select(n => n.Title).ToListAsync());
        Assert.Equal(4, titles.Count);
        Assert.Equal(2, titles.Count(t => t.Contains("เลยกำหนดแล้ว")));
        Assert.All(titles, t => Assert.Contains("ครั้งที่ 1/2570", t));

        // A programme whose schools nominate but whose teachers may not nominate themselves; two members and the area admin.
        var programme = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/award-programmes", new
        {
            name = "รางวัลครูดีประจำเดือน", level = "Area", period = "Monthly", schoolsNominate = true, selfNomination = false,
            eligiblePositions = new[] { "Teacher" }, requiresCleanRecord = false, awards = 1,
            criteria = new[] { new { name = "ผลการปฏิบัติงาน", weight = 60m, minScore = 0, maxScore = 10 }, new { name = "คุณธรรม", weight = 40m, minScore = 0, maxScore = 10 } },
            committee = new[] { new { email = supervisorEmail, duty = "ประธาน", school = (string?)null }, new { email = assessorEmail, duty = "กรรมการ", school = (string?)null } },
        });
        Assert.True(programme.StatusCode == HttpStatusCode.Created, await programme.Content.ReadAsStringAsync());
        var scoringCloses = Today.AddDays(20);
        var selection = await admin.PostAsJsonAsync($"/api/v1/award-programmes/{(await programme.JsonAsync()).GetProperty("id").GetGuid()}/selections", new
        {
            year = ThaiDate.ToBuddhistYear(Today.Year), month = Today.Month, nominationOpens = Today, nominationCloses = Today.AddDays(7), scoringCloses,
        });
        Assert.True(selection.StatusCode == HttpStatusCode.Created, await selection.Content.ReadAsStringAsync());
        var id = (await selection.JsonAsync()).GetProperty("id").GetGuid();
        var link = $"/award-selections/{id}";

        // Inside the window: the area's staff who nominate and the directors, not the teacher — once however often it runs.
        await RemindAsync(host, Today.AddDays(1));
        await RemindAsync(host, Today.AddDays(2));
        Assert.Equal(new[] { adminEmail, directorEmail }.Order().ToList(), await RecipientsAsync(host, "nomination-open", link));
        Assert.DoesNotContain(teacherEmail, await RecipientsAsync(host, "nomination-open", link));

        // Two nominees, nominations closed; the supervisor scores both, the assessor nobody yet.
        var nominees = new List<Guid>();
        foreach (var person in new[] { teacherA, teacherB })
        {
            var n = await admin.PostAsJsonAsync($"/api/v1/award-selections/{id}/nominations", new { nationalId = person, statement = "ทุ่มเทดูแลนักเรียน", noDisciplinaryRecord = true });
            Assert.True(n.StatusCode == HttpStatusCode.Created, await n.Content.ReadAsStringAsync());
            nominees.Add((await n.JsonAsync()).GetProperty("id").GetGuid());
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/award-selections/{id}/close", null)).StatusCode);
        var supervisor = await host.BearerAsync(supervisorEmail, AppHost.Password);
        foreach (var n in nominees)
        {
            var scored = await supervisor.PostAsJsonAsync($"/api/v1/nominations/{n}/scores", new { scores = new[] { new { criterion = 1, score = 8m }, new { criterion = 2, score = 9m } } });
            Assert.True(scored.StatusCode == HttpStatusCode.Created, await scored.Content.ReadAsStringAsync());
        }

        // Four days before the deadline nothing; three days before, the assessor alone; not again on the next days or after the deadline.
        await RemindAsync(host, scoringCloses.AddDays(-4));
        Assert.Empty(await RecipientsAsync(host, "scoring-due", link));
        await RemindAsync(host, scoringCloses.AddDays(-3));
        await RemindAsync(host, scoringCloses.AddDays(-1));
        await RemindAsync(host, scoringCloses.AddDays(1));
        Assert.Equal([assessorEmail], await RecipientsAsync(host, "scoring-due", link));
        var due = await host.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "scoring-due").Select(n => new { n.Title, n.DueOn }).SingleAsync());
        Assert.Contains("รางวัลครูดีประจำเดือน", due.Title);
        Assert.Equal(scoringCloses, due.DueOn);
    }
}
