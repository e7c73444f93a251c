using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Networks;

/// <summary>An area with two networks: A (schools 1 and 2) and B (school 3), each school joined through the school form's API (today, or dated back).</summary>
public sealed record NetworkWorld(AppHost Host, string Area, HttpClient Admin, string NetworkA, string NetworkB, string IdA, string IdB, string[] Schools, string[] Smis)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>With <paramref name="since"/>, the memberships are dated back to it (O-NET years count the members of their year).</summary>
    public static async Task<NetworkWorld> CreateAsync(AppHost host, DateOnly? since = null)
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (a, b) = ($"เครือข่ายก {Unique.AreaCode()}", $"เครือข่ายข {Unique.AreaCode()}");
        var ida = await CreateNetworkAsync(admin, area, a);
        var idb = await CreateNetworkAsync(admin, area, b);
        string[] schools = [await host.SchoolAsync(area, network: a), await host.SchoolAsync(area, network: a), await host.SchoolAsync(area, network: b)];
        var smis = new string[3];
        for (var i = 0; i < 3; i++) smis[i] = (await (await admin.GetAsync($"/api/v1/schools/{schools[i]}")).JsonAsync()).GetProperty("smisCode").GetString()!;
        var world = new NetworkWorld(host, area, admin, a, b, ida, idb, schools, smis);
        if (since is { } from)
            foreach (var id in new[] { ida, idb })
                foreach (var m in (await world.DetailAsync(id)).GetProperty("members").EnumerateArray())
                    Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync(world.Url(id, $"/members/{m.GetProperty("id").GetString()}"),
                        new { from = from.ToString("yyyy-MM-dd"), to = (string?)null })).StatusCode);
        return world;
    }

    public static async Task<string> CreateNetworkAsync(HttpClient admin, string area, string name)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/networks", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public string Url(string id, string part = "") => $"/api/v1/areas/{Area}/networks/{id}{part}";

    public async Task<JsonElement> DetailAsync(string id, HttpClient? client = null, string query = "")
    {
        var response = await (client ?? Admin).GetAsync(Url(id) + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public async Task<string?> CurrentNetworkAsync(string school) =>
        (await (await Admin.GetAsync($"/api/v1/schools/{school}")).JsonAsync()).GetProperty("network").GetString();
}
