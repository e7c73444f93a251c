using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Tests.Operations;

/// <summary>
/// Every API endpoint and page, taken from the app's own endpoint list (not a hand-kept one), called as nobody,
/// as a read-only assessor of the area, and as the staff of another area. A new endpoint is swept automatically.
/// </summary>
public sealed partial class AuthorisationSweepTests(AppHosts hosts) : ProviderTests(hosts)
{
    private sealed record Target(string Method, string Url, string? Policy, bool Anonymous, bool IsPage, bool Scoped);

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_answers_401_403_or_404_to_callers_without_the_right(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var person = await host.PersonAsync(area, school);
        var targets = Targets(host, area, school, person);
        Assert.True(targets.Count > 40, $"only {targets.Count} endpoints found");

        var anonymous = host.Anonymous();
        var assessor = await host.UserAsync(Role.Assessor, area);
        var foreign = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        var failures = new List<string>();

        foreach (var t in targets.Where(t => !t.Anonymous))
        {
            var response = await Send(anonymous, t);
            var ok = t.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString).StartsWith("/account/login")
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok) failures.Add($"anonymous {t.Method} {t.Url} → {(int)response.StatusCode}");
        }

        // The assessor reads but never writes, and a teacher reads only what is theirs: every endpoint whose policy leaves
        // the role out is 403. Revoking one's own token would end the sweep, so that one is left out.
        var teacher = await host.UserAsync(Role.Teacher, area, school);
        foreach (var (role, client) in new[] { (Role.Assessor, assessor), (Role.Teacher, teacher) })
        {
            foreach (var t in targets.Where(t => !t.Anonymous && t.Policy is not null && !Policies.Allows(t.Policy, role)))
            {
                var response = await Send(client, t);
                if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{role} {t.Method} {t.Url} → {(int)response.StatusCode}");
            }
            foreach (var t in targets.Where(t => !t.Anonymous && t.Policy is not null && Policies.Allows(t.Policy, role) && t.Method == "GET" && !t.Url.Contains("/auth/")))
            {
                var response = await Send(client, t);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.InternalServerError)
                    failures.Add($"{role} {t.Method} {t.Url} → {(int)response.StatusCode}");
            }
        }

        // Staff of another area: the role may be right, the area is not theirs.
        foreach (var t in targets.Where(t => t.Scoped && !t.Anonymous))
        {
            var response = await Send(foreign, t);
            var expected = Policies.Allows(t.Policy!, Role.AreaAdmin) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected) failures.Add($"other area's staff {t.Method} {t.Url} → {(int)response.StatusCode}, expected {(int)expected}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Nothing was changed by any of it.
        Assert.Equal(HttpStatusCode.OK, (await (await host.AdminAsync()).GetAsync($"/api/v1/schools/{school}")).StatusCode);
    }

    private static List<Target> Targets(AppHost host, string area, string school, string person)
    {
        var targets = new List<Target>();
        foreach (var e in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (raw.Contains("{**")) continue; // static-file and API-reference catch-alls
            var isPage = e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;
            if (!isPage && !raw.StartsWith("/api/v1/")) continue;
            if (raw == "/api/v1/auth/token") continue; // the sign-in itself; covered by AuthApiTests
            var url = Parameter().Replace(raw, m => m.Groups[1].Value switch
            {
                "areaCode" or "code" => area,
                "schoolCode" => school,
                "academicYear" => "2569",
                "fiscalYear" => "2570",
                "person" => person,
                "kind" => "people",
                "positionNumber" => "1",
                "id" or "evidenceId" when m.Groups[2].Value.Contains("guid") => Guid.NewGuid().ToString(),
                "indicator" or "key" => "1.1",
                "step" => "submit",
                "half" => "1",
                "item" => "1",
                "standard" => "1",
                "handler" => "",
                "course" => Guid.NewGuid().ToString(),
                "certificateCode" => "no-such-certificate",
                "id" => "new",
                var other => throw new InvalidOperationException($"No test value for route parameter {other} in {raw}"),
            });
            var policy = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var scoped = raw.Contains("{areaCode}") || raw.Contains("{schoolCode}") || raw.Contains("{person}");
            var methods = isPage ? ["GET"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            targets.AddRange(methods.Select(m => new Target(m, url, policy, anonymous, isPage, scoped)));
        }
        return targets;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Target t) => t.Method switch
    {
        "GET" => client.GetAsync(t.Url),
        "DELETE" => client.DeleteAsync(t.Url),
        "POST" => client.PostAsJsonAsync(t.Url, new { }),
        "PUT" => client.PutAsJsonAsync(t.Url, new { }),
        var m => throw new InvalidOperationException($"No test for method {m}"),
    };

    [GeneratedRegex(@"\{(\w+)(:[^}?]*)?\??\}")]
    private static partial Regex Parameter();
}
