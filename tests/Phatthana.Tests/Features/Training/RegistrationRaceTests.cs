using System.Net;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Training;
using Microsoft.EntityFrameworkCore;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// Parallel registrations over HTTP (in-process, loopback): the last seat is never taken twice, and one person asking twice at
/// once is registered once. Run on both databases.
/// </summary>
public sealed class RegistrationRaceTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Sixty_people_racing_for_ten_seats_give_exactly_ten_registered_and_fifty_waitlisted(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 10);
        var people = new List<string>();
        for (var i = 0; i < 60; i++) people.Add(await w.PersonAsync(firstName: $"ครูแข่ง{i}"));

        // Each request on its own client, all released at once.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++) clients.Add(await host.UserAsync(Web.Features.Accounts.Role.AreaAdmin, w.Area));
        using var start = new ManualResetEventSlim(false);
        var tasks = people.Select((id, i) => Task.Run(async () =>
        {
            start.Wait();
            return await W.RegisterAsync(clients[i % clients.Count], session, id);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(tasks);

        var bodies = new List<string>();
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            bodies.Add((await r.JsonAsync()).GetProperty("status").GetString()!);
        }
        Assert.Equal(10, bodies.Count(s => s == "Registered"));
        Assert.Equal(50, bodies.Count(s => s == "Waitlisted"));

        var statuses = await w.StatusesAsync(session);
        Assert.Equal(60, statuses.Count);
        Assert.Equal(10, statuses.Values.Count(s => s == "Registered"));
        Assert.Equal(50, statuses.Values.Count(s => s == "Waitlisted"));
        Assert.Equal(10, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
        var counter = await host.WithDbAsync(db => db.TrainingSessions.Where(s => s.Id == session).Select(s => s.Registered).SingleAsync());
        Assert.Equal(10, counter);
        Assert.Equal(10, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session && r.Status == RegistrationStatus.Registered)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_seat_freed_after_the_session_was_found_full_is_taken_by_the_next_to_ask(DatabaseProvider provider)
    {
        // The app remembers a session it found full (claimants then skip their turn before the database); that is only a hint,
        // and a seat given back later must still go to the next one who asks.
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 1);
        var people = new List<string>();
        for (var i = 0; i < 4; i++) people.Add(await w.PersonAsync(firstName: $"ครูที่นั่งคืน{i}"));
        Assert.Equal("Registered", await w.RegisterAsync(session, people[0]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, people[1]));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{people[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{people[0]}")).StatusCode);
        Assert.Equal(0, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());

        Assert.Equal("Registered", await w.RegisterAsync(session, people[2]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, people[3]));
        Assert.Equal(1, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_person_registering_twice_at_once_is_one_201_and_one_409(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        // Eight people, each asking twice at the same moment; four seats, so the seat counter is raced as well.
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 4);
        var people = new List<string>();
        for (var i = 0; i < 8; i++) people.Add(await w.PersonAsync(firstName: $"ครูซ้ำ{i}"));
        var other = await host.UserAsync(Web.Features.Accounts.Role.AreaAdmin, w.Area);

        using var start = new ManualResetEventSlim(false);
        var tasks = people.SelectMany(id => new[] { w.Admin, other }.Select(client => Task.Run(async () =>
        {
            start.Wait();
            var response = await W.RegisterAsync(client, session, id);
            return (id, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }))).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        foreach (var group in results.GroupBy(r => r.id))
        {
            var codes = group.Select(g => g.StatusCode).Order().ToArray();
            Assert.True(codes.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.Conflict]),
                string.Join(" | ", group.Select(g => $"{g.StatusCode} {g.Body}")));
        }
        var statuses = await w.StatusesAsync(session);
        Assert.Equal(8, statuses.Count);
        Assert.Equal(4, statuses.Values.Count(s => s == "Registered"));
        Assert.Equal(4, statuses.Values.Count(s => s == "Waitlisted"));
        Assert.Equal(4, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cancelling_one_seat_twice_at_once_promotes_one_waiting_person(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 2);
        var people = new List<string>();
        for (var i = 0; i < 6; i++) people.Add(await w.PersonAsync(firstName: $"ครูยกเลิก{i}"));
        foreach (var id in people) await w.RegisterAsync(session, id);
        var other = await host.UserAsync(Web.Features.Accounts.Role.AreaAdmin, w.Area);

        // The first registered one is cancelled from two places at the same moment (a double click, two staff).
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (await (i % 2 == 0 ? w.Admin : other).DeleteAsync($"/api/v1/sessions/{session}/registrations/{people[0]}")).StatusCode;
        })).ToList();
        start.Set();
        Assert.All(await Task.WhenAll(tasks), code => Assert.Equal(HttpStatusCode.NoContent, code));

        var statuses = await w.StatusesAsync(session);
        Assert.Equal(["Cancelled", "Registered", "Registered", "Waitlisted", "Waitlisted", "Waitlisted"], people.Select(id => statuses[id]));
        Assert.Equal(2, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Registering_again_after_cancelling_twice_at_once_takes_one_seat(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 3);
        var me = await w.PersonAsync(firstName: "กลับมา");
        await w.RegisterAsync(session, me);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{me}")).StatusCode);
        var other = await host.UserAsync(Web.Features.Accounts.Role.AreaAdmin, w.Area);

        using var start = new ManualResetEventSlim(false);
        var tasks = new[] { w.Admin, other, w.Admin, other }.Select(client => Task.Run(async () =>
        {
            start.Wait();
            return (await W.RegisterAsync(client, session, me)).StatusCode;
        })).ToList();
        start.Set();
        var codes = (await Task.WhenAll(tasks)).Order().ToArray();
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], codes);

        Assert.Equal("Registered", (await w.StatusesAsync(session))[me]);
        Assert.Equal(1, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
    }
}
