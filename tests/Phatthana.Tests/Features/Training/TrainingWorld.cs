using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// An area with one school, its AreaAdmin and helpers that add courses, sessions, people and registrations through the
/// pinned API, each with fresh keys.
/// </summary>
public sealed record TrainingWorld(AppHost Host, string Area, HttpClient Admin, string School)
{
    public static async Task<TrainingWorld> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var school = await host.SchoolAsync(area);
        return new TrainingWorld(host, area, admin, school);
    }

    /// <summary>Adds a course and returns its code.</summary>
    public async Task<string> CourseAsync(string name = "การจัดการเรียนรู้เชิงรุก", string method = "Workshop", decimal hours = 12, decimal passPercent = 70)
    {
        var code = $"C{Unique.PositionNumber()}";
        var response = await Admin.PostAsJsonAsync($"/api/v1/areas/{Area}/courses", new { code, name, method, hours, passPercent });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    /// <summary>Adds a session (รุ่น) of the course and returns its id.</summary>
    public async Task<Guid> SessionAsync(string course, int capacity = 30, string start = "2025-01-10", string? end = null, string name = "รุ่นที่ 1",
        string venue = "ห้องประชุมเขต", string? status = null)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/courses/{course}/sessions",
            new { name, startDate = start, endDate = end ?? start, venue, capacity, status });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public Task<string> PersonAsync(string? school = null, string firstName = "สมศรี", string lastName = "ทดสอบ") =>
        Host.PersonAsync(Area, school ?? School, firstName: firstName, lastName: lastName);

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, Guid session, string nationalId) =>
        client.PostAsJsonAsync($"/api/v1/sessions/{session}/registrations", new { nationalId });

    /// <summary>Registers and returns the status the API answered (after checking it was 201).</summary>
    public async Task<string> RegisterAsync(Guid session, string nationalId, HttpClient? client = null)
    {
        var response = await RegisterAsync(client ?? Admin, session, nationalId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
        return body.GetProperty("status").GetString()!;
    }

    /// <summary>The session's registrations by status: national ID → status.</summary>
    public async Task<Dictionary<string, string>> StatusesAsync(Guid session)
    {
        var response = await Admin.GetAsync($"/api/v1/sessions/{session}/registrations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("nationalId").GetString()!, r => r.GetProperty("status").GetString()!);
    }

    public async Task<JsonElement> SessionBodyAsync(Guid session)
    {
        var response = await Admin.GetAsync($"/api/v1/sessions/{session}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    /// <summary>Changes a person's status (Active, Retired, Transferred) through the people API.</summary>
    public async Task SetStatusAsync(string nationalId, string status, string? school = null)
    {
        var body = Arrange.PersonBody(school ?? School, nationalId: nationalId);
        body["status"] = status;
        var response = await (await Host.AdminAsync()).PutAsJsonAsync($"/api/v1/people/{nationalId}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> ResultsAsync(Guid session, params object[] rows) =>
        Admin.PutAsJsonAsync($"/api/v1/sessions/{session}/results", rows);
}
