using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>The pinned training API (API.md) over HTTP on both databases: courses, sessions and registrations, with who may do what.</summary>
public sealed class TrainingApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static async Task<int> CourseCountAsync(AppHost host, string area) =>
        await host.WithDbAsync(db => db.Courses.CountAsync(c => db.Areas.Any(a => a.Id == c.AreaId && a.Code == area)));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_course_is_201_with_its_body_a_second_code_in_the_area_is_409_and_bad_fields_are_422(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var url = $"/api/v1/areas/{w.Area}/courses";

        var created = await w.Admin.PostAsJsonAsync(url, new { code = "PLC-01", name = "ชุมชนการเรียนรู้ทางวิชาชีพ", method = "Plc", hours = 20.5m, passPercent = 60 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("PLC-01", body.GetProperty("code").GetString());
        Assert.Equal("ชุมชนการเรียนรู้ทางวิชาชีพ", body.GetProperty("name").GetString());
        Assert.Equal("Plc", body.GetProperty("method").GetString());
        Assert.Equal(20.5m, body.GetProperty("hours").GetDecimal());
        Assert.Equal(60m, body.GetProperty("passPercent").GetDecimal());
        var id = body.GetProperty("id").GetGuid();
        Assert.EndsWith($"/api/v1/courses/{id}", created.Headers.Location?.ToString());

        // It is listed, and can be read by id and by code.
        var list = await (await w.Admin.GetAsync(url)).JsonAsync();
        Assert.Equal(["PLC-01"], list.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.GetAsync($"/api/v1/courses/{id}")).StatusCode);

        // The same code again in the area: 409 naming code; another area may use it.
        var again = await w.Admin.PostAsJsonAsync(url, new { code = "PLC-01", name = "อื่น", method = "Training", hours = 6, passPercent = 50 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("code", (await again.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        var other = await W.ArrangeAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await other.Admin.PostAsJsonAsync($"/api/v1/areas/{other.Area}/courses",
            new { code = "PLC-01", name = "อื่น", method = "Training", hours = 6, passPercent = 50 })).StatusCode);

        // Bad method, hours and pass % are 422 naming each field; nothing is saved.
        foreach (var (input, fields) in new (object, string[])[]
        {
            (new { code = "BAD-1", name = "ก", method = "Lecture", hours = 6, passPercent = 50 }, ["method"]),
            (new { code = "BAD-2", name = "ก", method = "Training", hours = 0, passPercent = 50 }, ["hours"]),
            (new { code = "BAD-3", name = "ก", method = "Training", hours = -3, passPercent = 50 }, ["hours"]),
            (new { code = "BAD-4", name = "ก", method = "Training", hours = 6, passPercent = 100.01m }, ["passPercent"]),
            (new { code = "BAD-5", name = "ก", method = "Training", hours = 6, passPercent = -1 }, ["passPercent"]),
            (new { code = "BAD-6", name = "ก", method = "Bogus", hours = 5000, passPercent = 101 }, ["method", "hours", "passPercent"]),
        })
        {
            var response = await w.Admin.PostAsJsonAsync(url, input);
            Assert.Equal(fields.Order(), (await response.ErrorFieldsAsync()).Order());
        }
        var missing = await w.Admin.PostAsJsonAsync(url, new { code = "BAD-7", name = "ก" });
        Assert.Equal(new[] { "hours", "method", "passPercent" }, (await missing.ErrorFieldsAsync()).Order());
        Assert.Equal(1, await CourseCountAsync(host, w.Area));

        // Only those who run training add courses.
        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.School);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(url, new { code = "T-1", name = "ก", method = "Training", hours = 6, passPercent = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PostAsJsonAsync(url, new { code = "T-2", name = "ก", method = "Training", hours = 6, passPercent = 50 })).StatusCode);
        Assert.Equal(1, await CourseCountAsync(host, w.Area));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_session_is_201_with_its_id_bad_dates_capacity_or_venue_are_422_and_an_unknown_course_is_404(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var course = await w.CourseAsync();

        var response = await w.Admin.PostAsJsonAsync($"/api/v1/courses/{course}/sessions",
            new { name = "รุ่นที่ 1", startDate = "2025-01-10", endDate = "2025-01-12", venue = "โรงแรมเพชรบุรี", capacity = 40 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var session = await w.SessionBodyAsync(id);
        Assert.Equal("2025-01-10", session.GetProperty("startDate").GetString());
        Assert.Equal("2025-01-12", session.GetProperty("endDate").GetString());
        Assert.Equal(40, session.GetProperty("capacity").GetInt32());
        Assert.Equal(0, session.GetProperty("registered").GetInt32());
        Assert.Equal(2568, session.GetProperty("fiscalYear").GetInt32());

        // By the course's id too.
        var courseId = (await (await w.Admin.GetAsync($"/api/v1/courses/{course}")).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync($"/api/v1/courses/{courseId}/sessions",
            new { name = "รุ่นที่ 2", startDate = "2025-02-10", endDate = "2025-02-10", venue = "ห้องประชุมเขต", capacity = 1 })).StatusCode);

        foreach (var (input, field) in new (object, string)[]
        {
            (new { name = "รุ่นผิด", startDate = "2025-01-10", endDate = "2025-01-09", venue = "ห้อง", capacity = 10 }, "endDate"),
            (new { name = "รุ่นผิด", startDate = "2025-01-10", endDate = "2025-01-10", venue = "ห้อง", capacity = 0 }, "capacity"),
            (new { name = "รุ่นผิด", startDate = "2025-01-10", endDate = "2025-01-10", venue = "ห้อง", capacity = -5 }, "capacity"),
            (new { name = "รุ่นผิด", startDate = "2025-01-10", endDate = "2025-01-10", venue = (string?)null, capacity = 10 }, "venue"),
            (new { name = "รุ่นผิด", startDate = "2025-01-10", endDate = "2025-01-10", venue = "   ", capacity = 10 }, "venue"),
        })
            Assert.Equal([field], await (await w.Admin.PostAsJsonAsync($"/api/v1/courses/{course}/sessions", input)).ErrorFieldsAsync());
        var sessions = await (await w.Admin.GetAsync($"/api/v1/courses/{course}/sessions")).JsonAsync();
        Assert.Equal(["รุ่นที่ 1", "รุ่นที่ 2"], sessions.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        var good = new { name = "รุ่นที่ 3", startDate = "2025-01-10", endDate = "2025-01-10", venue = "ห้อง", capacity = 10 };
        foreach (var unknown in new[] { "NO-SUCH-COURSE", Guid.NewGuid().ToString() })
        {
            var missing = await w.Admin.PostAsJsonAsync($"/api/v1/courses/{unknown}/sessions", good);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
        // Another area's course is unknown to this area's admin.
        var other = await W.ArrangeAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.PostAsJsonAsync($"/api/v1/courses/{courseId}/sessions", good)).StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.TrainingSessions.CountAsync(s => s.Course!.Code == course && s.Course.Id == courseId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Registrations_fill_the_seats_then_wait_twice_is_409_and_a_closed_session_is_409(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var course = await w.CourseAsync();
        var session = await w.SessionAsync(course, capacity: 2);
        var people = new List<string>();
        for (var i = 0; i < 4; i++) people.Add(await w.PersonAsync(firstName: $"ครูคนที่{i + 1}"));

        Assert.Equal("Registered", await w.RegisterAsync(session, people[0]));
        Assert.Equal("Registered", await w.RegisterAsync(session, people[1]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, people[2]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, people[3]));
        Assert.Equal(2, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());

        // Twice — registered or waiting — is 409 on nationalId, and changes nothing.
        foreach (var again in new[] { people[0], people[3] })
        {
            var twice = await W.RegisterAsync(w.Admin, session, again);
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Equal("nationalId", (await twice.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        }
        var statuses = await w.StatusesAsync(session);
        Assert.Equal(["Registered", "Registered", "Waitlisted", "Waitlisted"], people.Select(p => statuses[p]));
        Assert.Equal(2, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());

        // A closed session refuses anyone.
        var closed = await w.SessionAsync(course, capacity: 10, status: "Closed", name: "รุ่นปิด");
        var refused = await W.RegisterAsync(w.Admin, closed, people[0]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await w.StatusesAsync(closed));
        Assert.Equal(0, (await w.SessionBodyAsync(closed)).GetProperty("registered").GetInt32());

        // An unknown session is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await W.RegisterAsync(w.Admin, Guid.NewGuid(), people[0])).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_bad_or_inactive_national_ids_are_422_on_nationalId_and_take_no_seat(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 5);
        var retired = await w.PersonAsync(firstName: "เกษียณ");
        var transferred = await w.PersonAsync(firstName: "ย้ายไป");
        await w.SetStatusAsync(retired, "Retired");
        await w.SetStatusAsync(transferred, "Transferred");
        var good = Unique.NationalId();
        var badChecksum = good[..12] + (char)('0' + (good[12] - '0' + 1) % 10);
        // Someone of another area is unknown here.
        var other = await W.ArrangeAsync(host);
        var elsewhere = await other.PersonAsync();

        foreach (var id in new[] { good, badChecksum, "12345", "", retired, transferred, elsewhere })
        {
            var response = await W.RegisterAsync(w.Admin, session, id);
            Assert.Equal(["nationalId"], await response.ErrorFieldsAsync());
        }
        var message = (await (await W.RegisterAsync(w.Admin, session, retired)).JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("เกษียณ", message);
        Assert.Empty(await w.StatusesAsync(session));
        Assert.Equal(0, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cancelling_a_seat_promotes_the_first_waiting_and_the_seats_never_exceed_capacity(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 2);
        var p = new List<string>();
        for (var i = 0; i < 5; i++) p.Add(await w.PersonAsync(firstName: $"ครู{i}"));
        foreach (var id in p) await w.RegisterAsync(session, id);
        // 0, 1 registered; 2, 3, 4 waiting in that order.

        async Task CheckAsync(params string[] expected)
        {
            var statuses = await w.StatusesAsync(session);
            Assert.Equal(expected, p.Select(id => statuses[id]));
            var registered = statuses.Values.Count(s => s == "Registered");
            Assert.True(registered <= 2, $"{registered} registered in 2 seats");
            Assert.Equal(registered, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{p[0]}")).StatusCode);
        await CheckAsync("Cancelled", "Registered", "Registered", "Waitlisted", "Waitlisted");

        // Cancelling a waiting one moves nobody up.
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{p[3]}")).StatusCode);
        await CheckAsync("Cancelled", "Registered", "Registered", "Cancelled", "Waitlisted");

        // The next seat freed goes to the next waiting (4, not the cancelled 3).
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{p[1]}")).StatusCode);
        await CheckAsync("Cancelled", "Cancelled", "Registered", "Cancelled", "Registered");

        // With nobody waiting a cancelled seat goes back to the session, and the first to ask again gets it.
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{p[2]}")).StatusCode);
        await CheckAsync("Cancelled", "Cancelled", "Cancelled", "Cancelled", "Registered");
        Assert.Equal("Registered", await w.RegisterAsync(session, p[0]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, p[1]));
        await CheckAsync("Registered", "Waitlisted", "Cancelled", "Cancelled", "Registered");

        // Someone never registered: 404.
        var stranger = await w.PersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{stranger}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_registers_only_self_a_school_admin_only_their_staff_an_assessor_is_403_and_another_area_sees_no_session(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 10);
        var otherSchool = await host.SchoolAsync(w.Area);
        var self = await w.PersonAsync(firstName: "ครูตัวเอง");
        var colleague = await w.PersonAsync(firstName: "เพื่อนครู");
        var outsider = await w.PersonAsync(otherSchool, firstName: "ครูโรงเรียนอื่น");

        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.School, self);
        Assert.Equal("Registered", await w.RegisterAsync(session, self, teacher));
        var forColleague = await W.RegisterAsync(teacher, session, colleague);
        Assert.True(forColleague.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.NotFound, forColleague.StatusCode.ToString());
        if (forColleague.StatusCode == HttpStatusCode.UnprocessableEntity) Assert.Equal(["nationalId"], await forColleague.ErrorFieldsAsync());

        var director = await host.UserAsync(Role.SchoolAdmin, w.Area, w.School);
        Assert.Equal("Registered", await w.RegisterAsync(session, colleague, director));
        Assert.Equal(["nationalId"], await (await W.RegisterAsync(director, session, outsider)).ErrorFieldsAsync());

        var assessor = await host.UserAsync(Role.Assessor, w.Area);
        Assert.Equal(HttpStatusCode.Forbidden, (await W.RegisterAsync(assessor, session, outsider)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await W.RegisterAsync(host.Anonymous(), session, outsider)).StatusCode);

        var otherArea = await W.ArrangeAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await W.RegisterAsync(otherArea.Admin, session, outsider)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherArea.Admin.GetAsync($"/api/v1/sessions/{session}")).StatusCode);

        var statuses = await w.StatusesAsync(session);
        Assert.Equal(new[] { colleague, self }.Order(), statuses.Keys.Order());
        Assert.Equal(2, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());

        // A teacher cancels only their own registration.
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.DeleteAsync($"/api/v1/sessions/{session}/registrations/{colleague}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await teacher.DeleteAsync($"/api/v1/sessions/{session}/registrations/{self}")).StatusCode);
        Assert.Equal("Registered", (await w.StatusesAsync(session))[colleague]);
    }
}
