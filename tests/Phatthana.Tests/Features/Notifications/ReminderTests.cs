using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Features.Development;
using Phatthana.Tests.Features.Training;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Phatthana.Tests.Features.Notifications;

/// <summary>
/// The training events (a seat, the waitlist, a seat freed, results and certificates) and the reminders' scheduler on both
/// databases, run for the days the test chooses: before a due date and the day after it, each once — also after the app
/// restarts on the same database.
/// </summary>
public sealed class ReminderTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static Task<int> RemindAsync(AppHost host, DateOnly today) => host.WithServiceAsync<Reminders, int>(r => r.RunAsync(today));

    private static async Task<List<string>> KindsAsync(Account account) =>
        [.. (await account.ItemsAsync("?take=500")).Select(i => i.GetProperty("kind").GetString()!)];

    [Theory, MemberData(nameof(Providers))]
    public async Task Training_tells_people_of_seats_waitlists_results_and_certificates(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, name: "train-notify");
        var school = await School.ArrangeAsync(host);
        var first = await school.AccountAsync();
        var second = await school.AccountAsync();
        var training = new TrainingWorld(host, school.World.Area, school.World.AreaApi, school.Code);
        var session = await training.SessionAsync(await training.CourseAsync("การสอนอ่านออกเขียนได้"), capacity: 1, start: "2027-03-10", end: "2027-03-11");

        Assert.Equal("Registered", await training.RegisterAsync(session, first.NationalId));
        Assert.Equal("Waitlisted", await training.RegisterAsync(session, second.NationalId));
        var seat = Assert.Single(await first.ItemsAsync());
        Assert.Equal(("registration-confirmed", $"/sessions/{session}"), (seat.GetProperty("kind").GetString(), seat.GetProperty("link").GetString()));
        Assert.Contains("การสอนอ่านออกเขียนได้", seat.GetProperty("title").GetString());
        Assert.Contains("10 มีนาคม 2570", seat.GetProperty("body").GetString());
        Assert.Equal(["registration-waitlisted"], await KindsAsync(second));

        // A registration refused (twice) raises nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await TrainingWorld.RegisterAsync(training.Admin, session, first.NationalId)).StatusCode);
        Assert.Single(await first.ItemsAsync());

        // The first cancels themself: the second moves up and is told.
        Assert.Equal(HttpStatusCode.NoContent, (await first.Api.DeleteAsync($"/api/v1/sessions/{session}/registrations/{first.NationalId}")).StatusCode);
        Assert.Equal(["registration-promoted", "registration-waitlisted"], await KindsAsync(second));

        // Results approved and certificates issued: the attendee hears of both, with the way to their transcript.
        var results = await training.Admin.PutAsJsonAsync($"/api/v1/sessions/{session}/results",
            new[] { new { nationalId = second.NationalId, attended = true, hours = 12, preTest = 40, postTest = 90 } });
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await training.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/results/approval", new { })).StatusCode);
        Assert.True((await training.Admin.PostAsync($"/api/v1/sessions/{session}/certificates", null)).IsSuccessStatusCode);
        var kinds = await KindsAsync(second);
        Assert.Equal(["certificate-ready", "results-ready", "registration-promoted", "registration-waitlisted"], kinds);
        Assert.Equal("/me/transcript", (await second.ItemsAsync())[0].GetProperty("link").GetString());
        Assert.DoesNotContain("results-ready", await KindsAsync(first));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reminders_go_before_a_due_date_and_the_day_after_it_each_once_even_after_a_restart(DatabaseProvider provider)
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(provider, "reminders");
        var host = AppHost.StartOn(provider, key, cs, () => Task.CompletedTask, seedDemo: false, bootstrapAdmin: true);
        School school;
        Account late, done;
        Guid session;
        try
        {
            school = await School.ArrangeAsync(host);
            late = await school.AccountAsync();
            done = await school.AccountAsync();
            Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(done)).StatusCode);
            var training = new TrainingWorld(host, school.World.Area, school.World.AreaApi, school.Code);
            session = await training.SessionAsync(await training.CourseAsync(), start: "2027-03-10", end: "2027-03-11");
            Assert.Equal("Registered", await training.RegisterAsync(session, late.NationalId));
            // The school's data last changed on 1 June 2026 (so they go stale on 30 August, away from the other due dates).
            var june = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
            await host.WithDbAsync(async db =>
            {
                await db.Schools.Where(s => s.Code == school.Code).ExecuteUpdateAsync(x => x.SetProperty(s => s.UpdatedAt, june));
                return await db.People.Where(p => p.School!.Code == school.Code).ExecuteUpdateAsync(x => x.SetProperty(p => p.UpdatedAt, june));
            });

            // ID Plans of fiscal 2570 are due on 30 Nov 2569 (2026): three days before, only the one who has not submitted hears.
            var before = new DateOnly(2026, 11, 28);
            Assert.Equal(1, await RemindAsync(host, before));
            Assert.Equal(0, await RemindAsync(host, before));
            Assert.Equal(0, await RemindAsync(host, before.AddDays(1)));
            var reminder = (await late.ItemsAsync()).Single(i => i.GetProperty("kind").GetString() == "id-plan-due");
            Assert.Equal("/me/id-plan", reminder.GetProperty("link").GetString());
            Assert.Equal("2026-11-30", reminder.GetProperty("dueOn").GetString());
            Assert.Contains("ครบกำหนด 30 พฤศจิกายน 2569", reminder.GetProperty("title").GetString());
            Assert.DoesNotContain("id-plan-due", await KindsAsync(done));
            // On the due date itself nothing new goes.
            Assert.Equal(0, await RemindAsync(host, new DateOnly(2026, 11, 30)));
        }
        finally
        {
            await host.DisposeAsync();
        }

        // The app restarts on the same database: what was sent is remembered there.
        await using var restarted = AppHost.StartOn(provider, key, cs, drop, seedDemo: false, bootstrapAdmin: false);
        Assert.Equal(0, await RemindAsync(restarted, new DateOnly(2026, 11, 28)));
        var lateApi = await restarted.BearerAsync(late.Email, AppHost.Password);
        late = late with { Api = lateApi };
        Assert.Single(await KindsAsync(late), k => k == "id-plan-due");

        // The day after it passed: the overdue reminder, once.
        Assert.Equal(1, await RemindAsync(restarted, new DateOnly(2026, 12, 1)));
        Assert.Equal(0, await RemindAsync(restarted, new DateOnly(2026, 12, 2)));
        var overdue = (await late.ItemsAsync()).First(i => i.GetProperty("kind").GetString() == "id-plan-due");
        Assert.Contains("เลยกำหนดแล้ว", overdue.GetProperty("title").GetString());

        // Two days before the session: the registered person; a week after its last day without results: the area's staff.
        Assert.Equal(1, await RemindAsync(restarted, new DateOnly(2027, 3, 8)));
        Assert.Equal(0, await RemindAsync(restarted, new DateOnly(2027, 3, 9)));
        Assert.Contains("session-reminder", await KindsAsync(late));
        Assert.Equal(1, await RemindAsync(restarted, new DateOnly(2027, 3, 19)));
        // (The staff's client belonged to the host before the restart: their inbox is read from the database.)
        var due = Assert.Single(await restarted.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "results-due").ToListAsync()));
        Assert.Equal($"/sessions/{session}/results", due.Link);
        Assert.Equal(Web.Features.Accounts.Role.AreaAdmin, await restarted.WithDbAsync(db => db.Users.Where(u => u.Id == due.UserId).Select(u => u.Role).SingleAsync()));

        // A school's data go stale 90 days after they last changed: its director hears three days before, once.
        Assert.Equal(1, await RemindAsync(restarted, new DateOnly(2026, 8, 28)));
        Assert.Equal(0, await RemindAsync(restarted, new DateOnly(2026, 8, 29)));
        var directorApi = await restarted.BearerAsync(school.Director.Email, AppHost.Password);
        var stale = (await (await directorApi.GetAsync("/api/v1/me/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "school-data-stale");
        Assert.Equal($"/schools/{school.Code}", stale.GetProperty("link").GetString());
    }
}
