using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Networks;

/// <summary>Membership over time: one network at a time, the school's current network kept in step, and who may change it.</summary>
public sealed class NetworkMembershipTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_school_in_one_network_is_refused_by_another_until_its_membership_ends(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider));
        var today = NetworkWorld.Today;
        var school = w.Schools[0];

        // The school form put it in A from today: that is its history and its current network.
        var a = await w.DetailAsync(w.IdA);
        var membership = a.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("code").GetString() == school);
        Assert.Equal(D(today), membership.GetProperty("from").GetString());
        Assert.True(membership.GetProperty("current").GetBoolean());

        // Joining B while in A (from a date before, on, or after today, open or closed) is refused in Thai, naming A.
        foreach (var (from, to) in new[] { (today.AddDays(-10), (DateOnly?)null), (today.AddDays(30), today.AddDays(60)) })
        {
            var refused = await w.Admin.PostAsJsonAsync(w.Url(w.IdB, "/members"), new { school, from = D(from), to = to is { } t ? D(t) : null });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var detail = (await refused.JsonAsync()).GetProperty("detail").GetString()!;
            Assert.Contains(w.NetworkA, detail);
            Assert.Contains("เครือข่ายเดียวในเวลาเดียวกัน", detail);
        }
        // The same network twice over overlapping dates is refused too.
        var twice = await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/members"), new { school, from = D(today.AddDays(5)) });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("ซ้อนกัน", (await twice.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(w.NetworkA, await w.CurrentNetworkAsync(school));
        Assert.Single((await w.DetailAsync(w.IdB)).GetProperty("members").EnumerateArray());

        // End A yesterday, join B today: the history keeps both and the school's network is now B.
        var id = membership.GetProperty("id").GetString();
        var ended = await w.Admin.PutAsJsonAsync(w.Url(w.IdA, $"/members/{id}"), new { from = (string?)null, to = D(today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ended.StatusCode); // from is required
        ended = await w.Admin.PutAsJsonAsync(w.Url(w.IdA, $"/members/{id}"), new { from = D(today.AddDays(-1)), to = D(today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Null(await w.CurrentNetworkAsync(school));
        var joined = await w.Admin.PostAsJsonAsync(w.Url(w.IdB, "/members"), new { school, from = D(today) });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        Assert.Equal(w.NetworkB, await w.CurrentNetworkAsync(school));
        var history = (await w.DetailAsync(w.IdA)).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("code").GetString() == school);
        Assert.False(history.GetProperty("current").GetBoolean());

        // The school form moving it back to A closes B's membership and opens A's: still one network at a time.
        var body = (await (await w.Admin.GetAsync($"/api/v1/schools/{school}")).JsonAsync()).Deserialize<Dictionary<string, object?>>()!;
        body["network"] = w.NetworkA;
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"/api/v1/schools/{school}", body)).StatusCode);
        Assert.Equal(w.NetworkA, await w.CurrentNetworkAsync(school));
        var count = await w.Host.WithDbAsync(db => db.NetworkMemberships.IgnoreQueryFilters()
            .CountAsync(m => db.Schools.IgnoreQueryFilters().Any(s => s.Id == m.SchoolId && s.Code == school)));
        Assert.Equal(2, count); // A (yesterday) and A (today on); B's membership that began today was dropped
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_memberships_are_refused_with_their_field(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider));
        var today = NetworkWorld.Today;
        var newcomer = await w.Host.SchoolAsync(w.Area);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { school = "9999999999", from = D(today) }, "school"),
            (new { school = (string?)null, from = D(today) }, "school"),
            (new { school = newcomer, from = (string?)null }, "from"),
            (new { school = newcomer, from = D(today), to = D(today.AddDays(-1)) }, "to"),
        })
        {
            var response = await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/members"), body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(field, await response.ErrorFieldsAsync());
        }
        Assert.Null(await w.CurrentNetworkAsync(newcomer));
        // A future membership is history to come: the school has no network today.
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/members"), new { school = newcomer, from = D(today.AddDays(7)) })).StatusCode);
        Assert.Null(await w.CurrentNetworkAsync(newcomer));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_area_sees_no_network_and_a_teacher_reads_but_cannot_write(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await NetworkWorld.CreateAsync(host);
        var other = await host.AreaAsync();
        var foreign = await host.UserAsync(Role.AreaAdmin, other);
        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.Schools[0]);
        var member = new { school = w.Schools[2], from = D(NetworkWorld.Today.AddDays(400)) };

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(w.Url(w.IdA))).StatusCode); // not their area at all
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/areas/{other}/networks/{w.IdA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/areas/{other}/networks/{w.IdA}/members", member)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/areas/{other}/networks/{w.IdA}/goals",
            new { academicYear = 2568, metric = "QaPassed", target = 100 })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync(w.Url(w.IdA))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(w.Url(w.IdB, "/members"), member)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(w.Url(w.IdA, "/goals"), new { academicYear = 2568, metric = "QaPassed", target = 100 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(w.Url(w.IdA, "/meetings"), new { date = "2026-01-10", place = "x", agenda = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsync($"/api/v1/areas/{w.Area}/imports/onet?academicYear=2568", new StringContent(""))).StatusCode);
        Assert.Single((await w.DetailAsync(w.IdB)).GetProperty("members").EnumerateArray());
    }
}
