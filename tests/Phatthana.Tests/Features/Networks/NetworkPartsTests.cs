using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;

namespace Phatthana.Tests.Features.Networks;

/// <summary>A network's board, academic centres, supervisors and meetings: what is kept, and each bad input refused.</summary>
public sealed class NetworkPartsTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.True(response.StatusCode == status, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_board_has_one_chair_at_a_time_and_the_network_names_todays(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await NetworkWorld.CreateAsync(host);
        var teacher = await host.PersonAsync(w.Area, w.Schools[1], firstName: "มานี", lastName: "กรรมการ");
        var roles = w.Url(w.IdA, "/roles");
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(roles, new { role = "Chair", school = w.Schools[0], from = "2025-05-16" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(roles, new { role = "Committee", person = teacher, from = "2025-05-16" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(roles, new { role = "Secretary", name = "นายภายนอก ผู้ช่วย", from = "2025-05-16" })).StatusCode);

        var clash = await w.Admin.PostAsJsonAsync(roles, new { role = "Chair", name = "ประธานคนที่สอง", from = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("มีได้ครั้งละหนึ่งคน", (await clash.JsonAsync()).GetProperty("detail").GetString());
        await AssertRefused(await w.Admin.PostAsJsonAsync(roles, new { role = "Chair", name = "x", school = w.Schools[0], from = "2026-01-01" }), HttpStatusCode.UnprocessableEntity, "person");
        await AssertRefused(await w.Admin.PostAsJsonAsync(roles, new { role = "Committee", person = "1111111111111", from = "2026-01-01" }), HttpStatusCode.UnprocessableEntity, "person");
        await AssertRefused(await w.Admin.PostAsJsonAsync(roles, new { role = "Committee", name = "x" }), HttpStatusCode.UnprocessableEntity, "from");
        await AssertRefused(await w.Admin.PostAsJsonAsync(roles, new { name = "x", from = "2026-01-01" }), HttpStatusCode.UnprocessableEntity, "role");

        var detail = await w.DetailAsync(w.IdA);
        Assert.Equal(3, detail.GetProperty("roles").GetArrayLength());
        Assert.StartsWith("ผู้อำนวยการโรงเรียนทดสอบ", detail.GetProperty("chair").GetString());
        Assert.Equal("นายภายนอก ผู้ช่วย", detail.GetProperty("secretary").GetString());
        Assert.Contains(detail.GetProperty("roles").EnumerateArray(), r => r.GetProperty("name").GetString() == "นางสาวมานี กรรมการ");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Centres_are_at_member_schools_with_a_supervisor_and_meetings_take_member_schools(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await NetworkWorld.CreateAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync($"/api/v1/areas/{w.Area}/divisions", new { name = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา" })).StatusCode);
        var supervisor = await host.PersonAsync(w.Area, null, position: "Supervisor", firstName: "นิเทศ", lastName: "ประจำศูนย์", division: "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา");
        var teacher = await host.PersonAsync(w.Area, w.Schools[0]);

        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/supervisors"), new { person = supervisor })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/supervisors"), new { person = supervisor })).StatusCode);
        await AssertRefused(await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/supervisors"), new { person = teacher }), HttpStatusCode.UnprocessableEntity, "person");

        var centres = w.Url(w.IdA, "/centres");
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(centres, new { subject = "Mathematics", school = w.Smis[0], supervisor })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await w.Admin.PostAsJsonAsync(centres, new { subject = "Mathematics", school = w.Schools[1] })).StatusCode);
        await AssertRefused(await w.Admin.PostAsJsonAsync(centres, new { subject = "Thai", school = w.Schools[2] }), HttpStatusCode.UnprocessableEntity, "school"); // B's school
        await AssertRefused(await w.Admin.PostAsJsonAsync(centres, new { subject = "Thai", school = w.Schools[1], supervisor = teacher }), HttpStatusCode.UnprocessableEntity, "supervisor");
        await AssertRefused(await w.Admin.PostAsJsonAsync(centres, new { school = w.Schools[1] }), HttpStatusCode.UnprocessableEntity, "subject");

        var today = NetworkWorld.Today.ToString("yyyy-MM-dd");
        var meetings = w.Url(w.IdA, "/meetings");
        var created = await w.Admin.PostAsJsonAsync(meetings, new { date = today, place = "ห้องประชุมโรงเรียนประธาน", agenda = "1. วิเคราะห์ผล O-NET", schools = new[] { w.Schools[0], w.Smis[1] }, people = new[] { supervisor } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertRefused(await w.Admin.PostAsJsonAsync(meetings, new { date = today, agenda = "x" }), HttpStatusCode.UnprocessableEntity, "place");
        await AssertRefused(await w.Admin.PostAsJsonAsync(meetings, new { place = "x", agenda = "x" }), HttpStatusCode.UnprocessableEntity, "date");
        await AssertRefused(await w.Admin.PostAsJsonAsync(meetings, new { date = today, place = "x", agenda = "x", schools = new[] { w.Schools[2] } }), HttpStatusCode.UnprocessableEntity, "schools[0]");
        await AssertRefused(await w.Admin.PostAsJsonAsync(meetings, new { date = today, place = "x", agenda = "x", people = new[] { "1111111111111" } }), HttpStatusCode.UnprocessableEntity, "people[0]");

        // The minutes are written after the meeting: the attendance is replaced with them.
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.PutAsJsonAsync(w.Url(w.IdA, $"/meetings/{id}"),
            new { date = today, place = "ห้องประชุมโรงเรียนประธาน", agenda = "1. วิเคราะห์ผล O-NET", minutes = "มอบหมายศูนย์คณิตศาสตร์จัดสอนเสริม", schools = new[] { w.Schools[0] } })).StatusCode);

        var detail = await w.DetailAsync(w.IdA);
        var centre = Assert.Single(detail.GetProperty("centres").EnumerateArray());
        Assert.Equal(("Mathematics", w.Schools[0], "นางสาวนิเทศ ประจำศูนย์"), (centre.GetProperty("subject").GetString(), centre.GetProperty("schoolCode").GetString(), centre.GetProperty("supervisor").GetString()));
        Assert.Equal("นางสาวนิเทศ ประจำศูนย์", Assert.Single(detail.GetProperty("supervisors").EnumerateArray()).GetProperty("name").GetString());
        var meeting = Assert.Single(detail.GetProperty("meetings").EnumerateArray());
        Assert.Equal("มอบหมายศูนย์คณิตศาสตร์จัดสอนเสริม", meeting.GetProperty("minutes").GetString());
        Assert.Equal([w.Schools[0]], meeting.GetProperty("schools").EnumerateArray().Select(s => s.GetString()));
    }
}
