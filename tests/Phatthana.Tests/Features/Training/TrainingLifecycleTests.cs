using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// A session's life over HTTP on both databases: the registration window, the course's target group (and registering
/// outside it with a reason), raising and lowering capacity, attendance per day, and results approved (locked), refused
/// while locked and opened again with a reason that the audit log keeps.
/// </summary>
public sealed class TrainingLifecycleTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<string> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static object SessionBody(JsonElement s, object? changes = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = s.GetProperty("name").GetString(), ["startDate"] = s.GetProperty("startDate").GetString(), ["endDate"] = s.GetProperty("endDate").GetString(),
            ["venue"] = s.GetProperty("venue").GetString(), ["capacity"] = s.GetProperty("capacity").GetInt32(), ["status"] = s.GetProperty("status").GetString(),
        };
        foreach (var p in changes?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(changes);
        return body;
    }

    private static Task<HttpResponseMessage> UpdateAsync(W w, Guid session, JsonElement current, object changes) =>
        w.Admin.PutAsJsonAsync($"/api/v1/sessions/{session}", SessionBody(current, changes));

    [Theory, MemberData(nameof(Providers))]
    public async Task Registration_is_refused_outside_the_window_with_the_dates_and_the_window_can_be_changed(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), start: Iso(Today.AddDays(30)));
        var person = await w.PersonAsync();
        var current = await w.SessionBodyAsync(session);

        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(w, session, current, new { registrationOpensOn = Iso(Today.AddDays(3)) })).StatusCode);
        var early = await W.RegisterAsync(w.Admin, session, person);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("เปิดรับลงทะเบียนตั้งแต่", await ProblemAsync(early));

        current = await w.SessionBodyAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(w, session, current, new { registrationOpensOn = Iso(Today.AddDays(-5)), registrationClosesOn = Iso(Today.AddDays(-1)) })).StatusCode);
        var late = await W.RegisterAsync(w.Admin, session, person);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("ปิดรับลงทะเบียนแล้วเมื่อ", await ProblemAsync(late));
        Assert.Equal(0, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session)));

        // A window closing before it opens, or after the session ends, is refused and changes nothing.
        current = await w.SessionBodyAsync(session);
        var backwards = await UpdateAsync(w, session, current, new { registrationOpensOn = Iso(Today.AddDays(2)), registrationClosesOn = Iso(Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains("วันปิดรับลงทะเบียนต้องไม่ก่อนวันเปิดรับ", await ProblemAsync(backwards));
        var afterEnd = await UpdateAsync(w, session, current, new { registrationClosesOn = Iso(Today.AddDays(40)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterEnd.StatusCode);
        Assert.Equal(Iso(Today.AddDays(-1)), (await w.SessionBodyAsync(session)).GetProperty("registrationClosesOn").GetString());

        current = await w.SessionBodyAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(w, session, current, new { registrationOpensOn = Iso(Today), registrationClosesOn = Iso(Today) })).StatusCode);
        Assert.Equal("Registered", await w.RegisterAsync(session, person));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Outside_the_target_group_needs_a_reason_from_someone_registering_others_and_a_teacher_cannot_give_one(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var code = $"C{Unique.PositionNumber()}";
        var created = await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/courses", new
        {
            code, name = "สะเต็มศึกษาสำหรับครูวิทยาศาสตร์", method = "Training", hours = 12, passPercent = 70, targetPositions = new[] { "Teacher" }, targetSubjectAreas = new[] { "Science" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await w.SessionAsync(code);
        var thaiTeacher = await w.PersonAsync(firstName: "ครูภาษาไทย"); // the arranged people teach Thai

        var refused = await W.RegisterAsync(w.Admin, session, thaiTeacher);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = (await refused.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("overrideReason", error.GetProperty("field").GetString());
        Assert.Contains("กลุ่มสาระเป้าหมาย", error.GetProperty("message").GetString());
        Assert.Equal(0, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session)));

        // The teacher themself: refused, reason or not.
        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.School, thaiTeacher);
        var self = await teacher.PostAsJsonAsync($"/api/v1/sessions/{session}/registrations", new { nationalId = thaiTeacher, overrideReason = "อยากเรียน" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.Equal("nationalId", (await self.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var admitted = await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/registrations", new { nationalId = thaiTeacher, overrideReason = "  สอนวิทยาศาสตร์แทนครูที่ย้าย  " });
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        var row = (await (await w.Admin.GetAsync($"/api/v1/sessions/{session}/registrations")).JsonAsync())[0];
        Assert.Equal("สอนวิทยาศาสตร์แทนครูที่ย้าย", row.GetProperty("overrideReason").GetString());

        // Someone in the target group needs no reason, and a reason given anyway is not kept as an override.
        var science = Arrange.PersonBody(w.School, firstName: "ครูวิทย์");
        science["major"] = "Science";
        science["teachingSubjectAreas"] = new[] { "Science" };
        Assert.Equal(HttpStatusCode.Created, (await (await host.AdminAsync()).PostAsJsonAsync($"/api/v1/areas/{w.Area}/people", science)).StatusCode);
        var inGroup = (string)science["nationalId"]!;
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/registrations", new { nationalId = inGroup, overrideReason = "ไม่จำเป็น" })).StatusCode);
        var reasons = await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == session).Select(r => r.OverrideReason).ToListAsync());
        Assert.Equal(1, reasons.Count(r => r is null));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Raising_capacity_moves_the_waitlist_up_in_order_and_it_cannot_drop_below_the_seats_taken(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(), capacity: 1);
        var p = new List<string>();
        for (var i = 0; i < 4; i++) p.Add(await w.PersonAsync(firstName: $"คนที่{i}"));
        foreach (var id in p) await w.RegisterAsync(session, id);

        var current = await w.SessionBodyAsync(session);
        var raised = await UpdateAsync(w, session, current, new { capacity = 3 });
        Assert.True(raised.StatusCode == HttpStatusCode.OK, await ProblemAsync(raised));
        var statuses = await w.StatusesAsync(session);
        Assert.Equal(["Registered", "Registered", "Registered", "Waitlisted"], p.Select(id => statuses[id]));
        Assert.Equal(3, (await w.SessionBodyAsync(session)).GetProperty("registered").GetInt32());

        current = await w.SessionBodyAsync(session);
        var lowered = await UpdateAsync(w, session, current, new { capacity = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lowered.StatusCode);
        Assert.Contains("มีผู้ได้ที่นั่งแล้ว 3 คน", await ProblemAsync(lowered));
        Assert.Equal(3, (await w.SessionBodyAsync(session)).GetProperty("capacity").GetInt32());

        // A stale version is a conflict, not a silent overwrite.
        var stale = await w.Admin.PutAsJsonAsync($"/api/v1/sessions/{session}", new Dictionary<string, object?>((Dictionary<string, object?>)SessionBody(current, new { venue = "ที่อื่น" })) { ["version"] = current.GetProperty("version").GetInt32() - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Attendance_per_day_gives_attended_and_hours_in_proportion_and_bad_days_save_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 18, passPercent: 60), start: "2025-02-03", end: "2025-02-05");
        var a = await w.PersonAsync(firstName: "มาสองวัน");
        var b = await w.PersonAsync(firstName: "ไม่มาเลย");
        await w.RegisterAsync(session, a);
        await w.RegisterAsync(session, b);

        foreach (var (bad, expected) in new (object, string)[]
                 {
                     (new { nationalId = a, days = new[] { "2025-02-03", "2025-02-06" }, postTest = 80 }, "ไม่อยู่ในช่วงวันอบรม"),
                     (new { nationalId = a, days = new[] { "2025-02-03", "2025-02-03" }, postTest = 80 }, "ซ้ำกัน"),
                     (new { nationalId = a, attended = false, days = new[] { "2025-02-04" }, postTest = 80 }, "ไม่เข้าร่วม"),
                 })
        {
            var response = await w.ResultsAsync(session, bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(expected, await ProblemAsync(response));
        }
        Assert.Equal(0, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == session && r.Attended != null)));

        var ok = await w.ResultsAsync(session, new { nationalId = a, days = new[] { "2025-02-05", "2025-02-03" }, postTest = 75 }, new { nationalId = b, days = Array.Empty<string>(), postTest = (decimal?)null });
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ProblemAsync(ok));
        var rows = (await (await w.Admin.GetAsync($"/api/v1/sessions/{session}/registrations")).JsonAsync()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("nationalId").GetString()!);
        Assert.True(rows[a].GetProperty("attended").GetBoolean());
        Assert.Equal(12m, rows[a].GetProperty("hours").GetDecimal()); // 18 h × 2 of 3 days
        Assert.Equal(["2025-02-03", "2025-02-05"], rows[a].GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.True(rows[a].GetProperty("passed").GetBoolean());
        Assert.False(rows[b].GetProperty("attended").GetBoolean());
        Assert.Equal(0m, rows[b].GetProperty("hours").GetDecimal());

        // Moving the session's dates away from a day someone signed in on is refused.
        var current = await w.SessionBodyAsync(session);
        var moved = await UpdateAsync(w, session, current, new { startDate = "2025-02-04", endDate = "2025-02-05" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Approved_results_are_locked_until_opened_again_with_a_reason_that_the_audit_log_keeps(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 6, passPercent: 70), capacity: 2);
        var a = await w.PersonAsync(firstName: "ก");
        var b = await w.PersonAsync(firstName: "ข");
        await w.RegisterAsync(session, a);
        await w.RegisterAsync(session, b);
        var approve = () => w.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/results/approval", new { });

        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(session, new { nationalId = a, attended = true, postTest = 90 })).StatusCode);
        var early = await approve();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("ยังไม่ได้บันทึกผลของผู้ลงทะเบียน 1 คน", await ProblemAsync(early));

        // Only those who run training approve; a school director or a teacher cannot, nor an admin of another area.
        var director = await host.UserAsync(Role.SchoolAdmin, w.Area, w.School);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync($"/api/v1/sessions/{session}/results/approval", new { })).StatusCode);
        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/sessions/{session}/results/approval", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(session, new { nationalId = b, attended = true, postTest = 50 })).StatusCode);
        var approved = await approve();
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await ProblemAsync(approved));
        var body = await approved.JsonAsync();
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("resultsApprovedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await approve()).StatusCode);

        var locked = await w.ResultsAsync(session, new { nationalId = b, attended = true, postTest = 95 });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{b}")).StatusCode);
        Assert.Equal(50m, await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == session && r.Person!.NationalId == b).Select(r => r.PostTest!.Value).SingleAsync()));

        var noReason = await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/results/reopen", new { reason = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var reopened = await w.Admin.PostAsJsonAsync($"/api/v1/sessions/{session}/results/reopen", new { reason = "แก้คะแนนหลังอบรมที่กรอกผิด" });
        Assert.True(reopened.StatusCode == HttpStatusCode.OK, await ProblemAsync(reopened));
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(session, new { nationalId = b, attended = true, postTest = 95 })).StatusCode);

        var audit = await (await host.AdminAsync()).GetAsync($"/api/v1/audit?entity=TrainingSession&key={session}");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("แก้คะแนนหลังอบรมที่กรอกผิด", await audit.Content.ReadAsStringAsync());
    }
}
