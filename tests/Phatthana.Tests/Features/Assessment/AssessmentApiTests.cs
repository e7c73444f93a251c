using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>
/// The pinned self-assessment API over HTTP on both databases: a framework added, a round on part of it, items answered
/// with the level following the rule, bad keys and values refused with nothing changed, the round submitted (read-only),
/// reopened by an AreaAdmin with an audited reason, reviewed by an assessor, and a framework in use revised as a new revision.
/// </summary>
public sealed class AssessmentApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    internal static object Framework(string code, int itemsOfSecond = 3) => new
    {
        code, name = "กรอบทดสอบการประเมินตนเอง",
        standards = new[]
        {
            new
            {
                number = 1, name = "การบริหารจัดการองค์การ",
                indicators = new object[]
                {
                    new { number = 1, name = "การบริหารจัดการที่ดี", rule = new { kind = "Count", levels = new[] { new { level = 3, minClear = 2 }, new { level = 2, minClear = 1 }, new { level = 1, minClear = 0 } } },
                        items = new[] { new { number = 1, text = "มีแผนปฏิบัติการ" }, new { number = 2, text = "มีการติดตามผล" } } },
                    new { number = 2, name = "การพัฒนาครู", rule = new { kind = "Rubric" },
                        items = Enumerable.Range(1, itemsOfSecond).Select(n => new { number = n, text = $"ประเด็นการพัฒนาข้อ {n}" }).ToArray() },
                },
            },
        },
    };

    private async Task<(AppHost Host, string Area, HttpClient Admin, string Code, Guid Round)> ArrangeAsync(DatabaseProvider provider, string[]? indicators = null)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var code = $"T-{Unique.PositionNumber()}";
        var created = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", Framework(code));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var round = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = code, name = "ครั้งที่ 1/2569", startDate = "2025-10-01", endDate = "2026-03-31", indicators });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        return (host, area, admin, code, (await round.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> Answer(HttpClient client, Guid round, string indicator, object item, bool done, string evidence, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["done"] = done, ["evidence"] = evidence };
        foreach (var p in extra?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(extra);
        return client.PutAsJsonAsync($"/api/v1/assessment-rounds/{round}/items/{indicator}/{item}", body);
    }

    private static async Task<JsonElement> IndicatorAsync(HttpClient client, Guid round, string key) =>
        (await (await client.GetAsync($"/api/v1/assessment-rounds/{round}")).JsonAsync()).GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);

    [Theory, MemberData(nameof(Providers))]
    public async Task Items_answered_move_the_level_by_the_rule_and_the_round_reads_as_pinned(DatabaseProvider provider)
    {
        var (_, _, admin, _, round) = await ArrangeAsync(provider);
        var body = await (await admin.GetAsync($"/api/v1/assessment-rounds/{round}")).JsonAsync();
        Assert.Equal("ครั้งที่ 1/2569", body.GetProperty("name").GetString());
        var indicators = body.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal([(1, 1), (1, 2)], indicators.Select(i => (i.GetProperty("standard").GetInt32(), i.GetProperty("number").GetInt32())));
        Assert.Equal([(1, 3), (0, 4)], indicators.Select(i => (i.GetProperty("level").GetInt32(), i.GetProperty("maxLevel").GetInt32())));
        Assert.Equal(2, indicators[0].GetProperty("items").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await Answer(admin, round, "1.1", 1, true, "Clear", new { results = "จัดทำแผนปฏิบัติการประจำปี", successFactors = "ผู้บริหารให้ความสำคัญ" })).StatusCode);
        var first = await IndicatorAsync(admin, round, "1.1");
        Assert.Equal(2, first.GetProperty("level").GetInt32());
        Assert.Equal("ชัดเจน 1 จาก 2 ข้อ → ระดับ 2", first.GetProperty("levelReason").GetString());
        var item = first.GetProperty("items")[0];
        Assert.Equal(("Clear", "จัดทำแผนปฏิบัติการประจำปี"), (item.GetProperty("evidence").GetString(), item.GetProperty("results").GetString()));

        var second = await Answer(admin, round, "1.1", 2, true, "ClearAndVerified");
        Assert.Equal(3, (await second.JsonAsync()).GetProperty("level").GetInt32());

        // The rubric: all done, all clear and verified, results used on every item → 4.
        for (var n = 1; n <= 3; n++)
            Assert.Equal(HttpStatusCode.OK, (await Answer(admin, round, "1.2", n, true, "ClearAndVerified", new { resultsUsedToImprove = n == 3 ? (object)true : "นำผลไปปรับแผนปีถัดไป" })).StatusCode);
        Assert.Equal(4, (await IndicatorAsync(admin, round, "1.2")).GetProperty("level").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await Answer(admin, round, "1.2", 3, true, "ClearAndVerified", new { resultsUsedToImprove = false })).StatusCode);
        Assert.Equal(3, (await IndicatorAsync(admin, round, "1.2")).GetProperty("level").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_keys_and_bad_values_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        var (host, _, admin, _, round) = await ArrangeAsync(provider, ["1.2"]);
        var outOfScope = await Answer(admin, round, "1.1", 1, true, "Clear");
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Contains("ไม่อยู่ในขอบเขต", await outOfScope.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(admin, round, "9.9", 1, true, "Clear")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(admin, round, "1.2", 7, true, "Clear")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(admin, round, "1.2", "ก", true, "Clear")).StatusCode);
        foreach (var (evidence, done) in new[] { ("Perfect", true), ("2", true), ("Clear", false) })
        {
            var bad = await Answer(admin, round, "1.2", 1, done, evidence);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal("evidence", (await bad.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        }
        var noDone = await admin.PutAsJsonAsync($"/api/v1/assessment-rounds/{round}/items/1.2/1", new { evidence = "Clear" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDone.StatusCode);
        var tooLong = await Answer(admin, round, "1.2", 1, true, "Clear", new { results = new string('ก', 4001) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.ItemEntries.CountAsync(e => e.RoundId == round)));

        // A round naming an indicator the framework lacks, or none, is refused.
        var code = (await (await admin.GetAsync($"/api/v1/assessment-rounds/{round}")).JsonAsync()).GetProperty("framework").GetString();
        var area = await host.WithDbAsync(db => db.AssessmentRounds.Where(r => r.Id == round).Select(r => db.Areas.First(a => a.Id == r.AreaId).Code).SingleAsync());
        var unknown = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = code, name = "ครั้งที่ 2", startDate = "2026-04-01", endDate = "2026-09-30", indicators = new[] { "1.2", "3.1" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("indicators[1]", (await unknown.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        var noFramework = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = "NOPE", name = "ครั้งที่ 2", startDate = "2026-04-01", endDate = "2026-03-01" });
        var fields = (await noFramework.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["endDate", "framework"], fields.Order());
        Assert.Equal(1, await host.WithDbAsync(db => db.AssessmentRounds.CountAsync(r => r.AreaId == db.Areas.First(a => a.Code == area).Id)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_submitted_round_is_read_only_until_an_area_admin_reopens_it_with_an_audited_reason(DatabaseProvider provider)
    {
        var (host, area, admin, _, round) = await ArrangeAsync(provider);
        Assert.Equal(HttpStatusCode.OK, (await Answer(admin, round, "1.1", 1, true, "Clear")).StatusCode);
        var supervisor = await host.UserAsync(Role.Supervisor, area);
        var submitted = await supervisor.PostAsJsonAsync($"/api/v1/assessment-rounds/{round}/submit", new { });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", (await submitted.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(2, await host.WithDbAsync(db => db.RoundIndicators.Where(i => i.RoundId == round && i.IndicatorKey == "1.1").Select(i => i.SubmittedLevel).SingleAsync()));

        var late = await Answer(admin, round, "1.1", 2, true, "Clear");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.ItemEntries.CountAsync(e => e.RoundId == round)));

        // A supervisor submits but only an AreaAdmin reopens; a reason is required.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/assessment-rounds/{round}/reopen", new { reason = "แก้ไข" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync($"/api/v1/assessment-rounds/{round}/reopen", new { reason = "" })).StatusCode);
        var reopened = await admin.PostAsJsonAsync($"/api/v1/assessment-rounds/{round}/reopen", new { reason = "เพิ่มหลักฐานการประชุมที่ตกหล่น" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Answer(admin, round, "1.1", 2, true, "Clear")).StatusCode);
        var audit = await (await host.AdminAsync()).GetAsync($"/api/v1/audit?entity=AssessmentRound&key={round}");
        Assert.Contains("เพิ่มหลักฐานการประชุมที่ตกหล่น", await audit.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_assessor_reviews_a_submitted_round_and_both_levels_are_kept(DatabaseProvider provider)
    {
        var (host, area, admin, _, round) = await ArrangeAsync(provider);
        await Answer(admin, round, "1.1", 1, true, "Clear");
        await Answer(admin, round, "1.1", 2, true, "Clear");
        var assessor = await host.UserAsync(Role.Assessor, area);
        var review = (object body) => assessor.PutAsJsonAsync($"/api/v1/assessment-rounds/{round}/indicators/1.1/review", body);

        Assert.Equal(HttpStatusCode.Conflict, (await review(new { comment = "ยังไม่ส่ง" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/assessment-rounds/{round}/submit", new { })).StatusCode);
        // The assessor reads but cannot answer items; an AreaAdmin cannot review.
        Assert.Equal(HttpStatusCode.Forbidden, (await Answer(assessor, round, "1.1", 1, true, "None")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PutAsJsonAsync($"/api/v1/assessment-rounds/{round}/indicators/1.1/review", new { comment = "x" })).StatusCode);

        var noReason = await review(new { comment = "หลักฐานข้อ 2 เป็นเพียงคำสั่ง", agreedLevel = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await review(new { agreedLevel = 9, reason = "x" })).StatusCode);
        var agreed = await review(new { comment = "หลักฐานข้อ 2 เป็นเพียงคำสั่ง", agreedLevel = 2, reason = "ไม่พบรายงานผลการติดตาม" });
        Assert.True(agreed.StatusCode == HttpStatusCode.OK, await agreed.Content.ReadAsStringAsync());
        var indicator = await IndicatorAsync(assessor, round, "1.1");
        Assert.Equal((3, 2, "ไม่พบรายงานผลการติดตาม"), (indicator.GetProperty("level").GetInt32(), indicator.GetProperty("agreedLevel").GetInt32(), indicator.GetProperty("agreedReason").GetString()));
        Assert.Equal("Reviewed", (await (await assessor.GetAsync($"/api/v1/assessment-rounds/{round}")).JsonAsync()).GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rounds_and_frameworks_are_guarded_by_role_and_area(DatabaseProvider provider)
    {
        var (host, area, _, code, round) = await ArrangeAsync(provider);
        var teacher = await host.UserAsync(Role.Teacher, area, await host.SchoolAsync(area));
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/assessment-rounds/{round}")).StatusCode);
        var other = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/assessment-rounds/{round}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Answer(other, round, "1.1", 1, true, "Clear")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/frameworks", Framework($"X-{Unique.PositionNumber()}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/frameworks/{code}", Framework(code))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_framework_in_use_is_revised_as_a_new_revision_and_its_round_keeps_the_old_one(DatabaseProvider provider)
    {
        var (host, _, admin, code, round) = await ArrangeAsync(provider);
        var system = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await system.PostAsJsonAsync("/api/v1/frameworks", Framework(code))).StatusCode);

        var revised = await system.PutAsJsonAsync($"/api/v1/frameworks/{code}", Framework(code, itemsOfSecond: 4));
        Assert.True(revised.StatusCode == HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        Assert.Equal(2, (await revised.JsonAsync()).GetProperty("revision").GetInt32());
        var exported = await (await system.GetAsync($"/api/v1/frameworks/{code}")).JsonAsync();
        Assert.Equal(4, exported.GetProperty("standards")[0].GetProperty("indicators")[1].GetProperty("items").GetArrayLength());
        var first = await (await system.GetAsync($"/api/v1/frameworks/{code}?revision=1")).JsonAsync();
        Assert.Equal(3, first.GetProperty("standards")[0].GetProperty("indicators")[1].GetProperty("items").GetArrayLength());
        Assert.Equal(3, (await IndicatorAsync(admin, round, "1.2")).GetProperty("items").GetArrayLength());

        // Not in use: changed in place. A bad document changes nothing.
        var unused = $"U-{Unique.PositionNumber()}";
        Assert.Equal(HttpStatusCode.Created, (await system.PostAsJsonAsync("/api/v1/frameworks", Framework(unused))).StatusCode);
        Assert.Equal(1, (await (await system.PutAsJsonAsync($"/api/v1/frameworks/{unused}", Framework(unused, 5))).JsonAsync()).GetProperty("revision").GetInt32());
        var bad = await system.PutAsJsonAsync($"/api/v1/frameworks/{unused}", new { code = unused, name = "x", standards = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(5, (await (await system.GetAsync($"/api/v1/frameworks/{unused}")).JsonAsync()).GetProperty("standards")[0].GetProperty("indicators")[1].GetProperty("items").GetArrayLength());
        Assert.Equal(1, await host.WithDbAsync(db => db.Frameworks.CountAsync(f => f.Code == unused)));
    }
}
