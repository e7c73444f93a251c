using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// Registrations answered in batches (decision 010), on both databases: a batch made to hold many different requests
/// answers each as it would have been answered alone, and two instances of the app on one database never give more seats
/// than there are. The batches are made certain, not left to timing: a lock on the session holds the first claim while
/// the rest queue behind it in the app, and the app's own metrics say when they have.
/// </summary>
public sealed class RegistrationBatchTests(Instances instances) : IClassFixture<Instances>
{
    public static TheoryData<DatabaseProvider> Providers => ProviderTests.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task One_batch_answers_each_request_as_it_would_alone(DatabaseProvider provider)
    {
        var (host, _) = await instances.Get(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 3);
        var director = await host.UserAsync(Role.SchoolAdmin, w.Area, w.School);
        var good = new List<string>();
        for (var i = 0; i < 5; i++) good.Add(await w.PersonAsync(firstName: $"ครูชุด{i}"));
        var twice = await w.PersonAsync(firstName: "ขอสองครั้ง");
        var already = await w.PersonAsync(firstName: "มีที่แล้ว");
        Assert.Equal("Registered", await w.RegisterAsync(session, already));
        var returning = await w.PersonAsync(firstName: "กลับมาใหม่");
        await w.RegisterAsync(session, returning);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{returning}")).StatusCode);
        var retired = await w.PersonAsync(firstName: "เกษียณ");
        await w.SetStatusAsync(retired, "Retired");
        var elsewhere = await w.PersonAsync(school: await host.SchoolAsync(w.Area), firstName: "ต่างโรงเรียน");
        var otherArea = await host.AreaAsync();
        var foreign = await host.PersonAsync(otherArea, await host.SchoolAsync(otherArea));
        var unknown = Unique.NationalId();
        var badCheckDigit = unknown[..12] + (char)('0' + (unknown[12] - '0' + 1) % 10);

        // One seat is left once good[0] has its own; everything after it arrives while good[0]'s claim waits behind the lock.
        using var probe = new CoalescingProbe(host);
        var later = new (string Label, HttpClient Client, string NationalId)[]
        {
            ("good1", w.Admin, good[1]), ("twice", w.Admin, twice), ("good2", w.Admin, good[2]), ("twice", w.Admin, twice),
            ("already", w.Admin, already), ("unknown", w.Admin, unknown), ("badCheckDigit", w.Admin, badCheckDigit), ("retired", w.Admin, retired),
            ("foreign", w.Admin, foreign), ("returning", w.Admin, returning), ("elsewhere", w.Admin, elsewhere),
            ("director own staff", director, good[3]), ("director other school", director, elsewhere), ("director own staff", director, good[4]),
        };
        Task<HttpResponseMessage> first;
        List<(string Label, Task<HttpResponseMessage> Response)> asked;
        await using (await Instances.HoldSessionAsync(host, session))
        {
            first = W.RegisterAsync(w.Admin, session, good[0]);
            await probe.UntilAsync("registrations", (batches, _) => batches.Count == 1, "the first batch");
            asked = [.. later.Select(l => (l.Label, W.RegisterAsync(l.Client, session, l.NationalId)))];
            await probe.UntilAsync("registrations", (_, waiting) => waiting == later.Length, "every later request queued");
        }
        Assert.Equal("Registered", (await (await first).JsonAsync()).GetProperty("status").GetString());
        var answers = new List<(string Label, HttpStatusCode Code, JsonElement Body)>();
        foreach (var (label, response) in asked) answers.Add((label, (await response).StatusCode, await (await response).JsonAsync()));
        Assert.Equal([1, later.Length], probe.Batches("registrations"));

        string Show((string Label, HttpStatusCode Code, JsonElement Body) a) => $"{a.Label}: {(int)a.Code} {a.Body}";
        var created = answers.Where(a => a.Code == HttpStatusCode.Created).ToList();
        Assert.Equal(["director own staff", "director own staff", "elsewhere", "good1", "good2", "returning", "twice"], created.Select(a => a.Label).Order());
        Assert.Equal(1, created.Count(a => a.Body.GetProperty("status").GetString() == "Registered"));
        foreach (var label in new[] { "unknown", "badCheckDigit", "retired", "foreign", "director other school" })
        {
            var a = Assert.Single(answers, a => a.Label == label);
            Assert.True(a.Code == HttpStatusCode.UnprocessableEntity, Show(a));
            Assert.Equal("nationalId", a.Body.GetProperty("errors")[0].GetProperty("field").GetString());
        }
        foreach (var a in answers.Where(a => a.Label == "already" || a is { Label: "twice", Code: not HttpStatusCode.Created }))
        {
            Assert.True(a.Code == HttpStatusCode.Conflict, Show(a));
            Assert.Contains(TrainingText.AlreadyRegistered, a.Body.ToString());
        }
        Assert.Equal(2, answers.Count(a => a.Label == "twice"));

        // Stored as answered: three seats on the counter and in the rows; each row's audit entry names the one who asked.
        var statuses = await w.StatusesAsync(session);
        Assert.Equal(3, statuses.Values.Count(s => s == "Registered"));
        Assert.Equal(6, statuses.Values.Count(s => s == "Waitlisted"));
        Assert.Equal(3, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
        var rows = await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == session).Include(r => r.Person).ToListAsync());
        var audits = await host.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == nameof(Registration)).ToListAsync());
        foreach (var row in rows)
            Assert.Contains(audits, e => e.EntityKey == row.Id.ToString() && e.UserName == row.RegisteredBy && e.After!.Contains(row.Status.ToString()));
        var byDirector = rows.Where(r => r.Person!.NationalId == good[3] || r.Person.NationalId == good[4]).Select(r => r.RegisteredBy).Distinct().ToList();
        Assert.NotEqual(rows.Single(r => r.Person!.NationalId == good[1]).RegisteredBy, Assert.Single(byDirector));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_instances_on_one_database_never_give_more_seats_than_there_are(DatabaseProvider provider)
    {
        var (a, b) = await instances.Get(provider);
        var w = await W.ArrangeAsync(a);
        var onB = b.Anonymous();
        onB.DefaultRequestHeaders.Authorization = w.Admin.DefaultRequestHeaders.Authorization;
        var course = await w.CourseAsync();
        // The last seat (each instance's first claim waits behind the lock, so both read it as free), then ten for sixty.
        foreach (var (capacity, count) in new[] { (1, 16), (10, 60) })
        {
            var session = await w.SessionAsync(course, capacity: capacity);
            var people = new List<string>();
            for (var i = 0; i < count; i++) people.Add(await w.PersonAsync(firstName: $"ครูสองเครื่อง{i}"));
            using var probeA = new CoalescingProbe(a);
            using var probeB = new CoalescingProbe(b);
            List<Task<HttpResponseMessage>> asked;
            await using (await Instances.HoldSessionAsync(a, session))
            {
                asked = [.. people.Select((id, i) => W.RegisterAsync(i % 2 == 0 ? w.Admin : onB, session, id))];
                foreach (var probe in new[] { probeA, probeB })
                    await probe.UntilAsync("registrations", (batches, waiting) => batches.Count >= 1 && batches.Sum() + waiting == count / 2, "every request queued");
            }
            var statuses = new List<string>();
            foreach (var response in asked)
            {
                Assert.Equal(HttpStatusCode.Created, (await response).StatusCode);
                statuses.Add((await (await response).JsonAsync()).GetProperty("status").GetString()!);
            }
            Assert.Equal(capacity, statuses.Count(s => s == "Registered"));
            Assert.Equal(count - capacity, statuses.Count(s => s == "Waitlisted"));
            Assert.Equal(capacity, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
            Assert.Equal(capacity, await a.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session && r.Status == RegistrationStatus.Registered)));
        }
    }
}
