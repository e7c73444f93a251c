using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Infrastructure;

/// <summary>Builds what a test needs through the public API, each with fresh keys.</summary>
public static class Arrange
{
    public static async Task<string> AreaAsync(this AppHost host, string? name = null)
    {
        var admin = await host.AdminAsync();
        var code = Unique.AreaCode();
        var response = await admin.PostAsJsonAsync("/api/v1/areas", new { code, name = name ?? $"สพป.ทดสอบ {code}", kind = "Primary", province = "เพชรบุรี" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    public static async Task<string> SchoolAsync(this AppHost host, string area, string? name = null, string type = "Primary",
        string district = "เมืองเพชรบุรี", string? network = null)
    {
        var admin = await host.AdminAsync();
        var code = Unique.SchoolCode();
        var response = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools",
            new { code, name = name ?? $"โรงเรียนทดสอบ {code}", type, district, network, smisCode = Unique.SmisCode(), obecCode = Unique.ObecCode() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    /// <summary>Adds a teacher (or another position) at a school through the API and returns their national ID.</summary>
    public static async Task<string> PersonAsync(this AppHost host, string area, string? school, string position = "Teacher",
        string firstName = "สมศรี", string lastName = "ทดสอบ", string? division = null)
    {
        var admin = await host.AdminAsync();
        var body = PersonBody(school, position, firstName, lastName, division);
        var response = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)body["nationalId"]!;
    }

    /// <summary>
    /// A complete person as the API takes it (POST and PUT), with a fresh national ID; a test changes the fields it is
    /// about and sends the rest as they are.
    /// </summary>
    public static Dictionary<string, object?> PersonBody(string? school, string position = "Teacher", string firstName = "สมศรี",
        string lastName = "ทดสอบ", string? division = null, string? nationalId = null) => new()
    {
        ["nationalId"] = nationalId ?? Unique.NationalId(), ["title"] = "นางสาว", ["firstName"] = firstName, ["lastName"] = lastName,
        ["gender"] = "Female", ["birthDate"] = "1985-06-15", ["position"] = position,
        ["academicStanding"] = position is "Teacher" ? "Professional" : "None", ["major"] = "Thai", ["teachingSubjectAreas"] = new[] { "Thai" },
        ["school"] = school, ["division"] = division, ["startDate"] = "2010-05-16",
    };

    /// <summary>Creates a user with the role in the area (and school) and returns a bearer client for them.</summary>
    public static async Task<HttpClient> UserAsync(this AppHost host, Role role, string? area, string? school = null, string? nationalId = null)
    {
        var email = await UserAccountAsync(host, role, area, school, nationalId);
        return await host.BearerAsync(email, AppHost.Password);
    }

    public static async Task<string> UserAccountAsync(this AppHost host, Role role, string? area, string? school = null, string? nationalId = null)
    {
        var admin = await host.AdminAsync();
        var email = Unique.Email(role.ToString().ToLowerInvariant());
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email, password = AppHost.Password, displayName = $"ผู้ทดสอบ {role}", role = role.ToString(),
            areas = area is null ? Array.Empty<string>() : [area], school, nationalId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The field names of a 422 problem's errors.</summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        return body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();
    }
}
