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
    /// <param name="Body">The type an API endpoint reads from its JSON body, when it reads one (the fuzz tests use it).</param>
    internal sealed record Target(string Method, string Url, string? Policy, bool Anonymous, bool IsPage, bool Scoped, bool Posts = false, string Route = "",
        Type? Body = null);

    /// <summary>What the sweep checked, for docs/security.md (written by the last run: endpoints × callers, calls made).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Figures = new();

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
        var failures = new List<string>();
        var calls = 0;

        foreach (var t in targets.Where(t => !t.Anonymous))
        {
            var response = await Send(anonymous, t);
            calls++;
            var ok = t.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString).StartsWith("/account/login")
                : response.StatusCode == HttpStatusCode.Unauthorized;
            if (!ok) failures.Add($"anonymous {t.Method} {t.Url} → {(int)response.StatusCode}");
        }

        // Every role, in its own area: every endpoint whose policy leaves the role out is 403 (writes included — none of
        // them may run); every page and API read it is allowed answers without 401/403/5xx, and so does its Excel export.
        // Revoking one's own token would end the sweep, so the token endpoints are left out of the reads.
        var foreignArea = await host.AreaAsync();
        var foreignSchool = await host.SchoolAsync(foreignArea);
        var allowedReads = 0;
        foreach (var role in Enum.GetValues<Role>())
        {
            var client = role == Role.SystemAdmin ? await host.AdminAsync()
                : await host.UserAsync(role, area, role is Role.SchoolAdmin or Role.Teacher ? school : null);
            foreach (var t in targets.Where(t => !t.Anonymous && t.Policy is not null && !Policies.Allows(t.Policy, role)))
            {
                var response = await Send(client, t);
                calls++;
                if (response.StatusCode != HttpStatusCode.Forbidden) failures.Add($"{role} {t.Method} {t.Url} → {(int)response.StatusCode}");
            }
            foreach (var t in targets.Where(t => !t.Anonymous && t.Policy is not null && Policies.Allows(t.Policy, role) && t.Method == "GET" && !t.Url.Contains("/auth/")))
            {
                var response = await Send(client, t);
                calls++;
                allowedReads++;
                if (response.StatusCode == HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.Forbidden && !RefusedInside.ContainsKey(t.Route)))
                    failures.Add($"{role} {t.Method} {t.Url} → {(int)response.StatusCode}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType is not ("application/json" or "text/html")) continue;
                // The same read as a file: an endpoint that exports answers .xlsx as an attachment; one that does not ignores it.
                var export = await Send(client, t with { Url = t.Url + (t.Url.Contains('?') ? "&" : "?") + "format=xlsx" });
                calls++;
                if ((int)export.StatusCode >= 500 || export.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{role} export {t.Url}?format=xlsx → {(int)export.StatusCode}");
                else if (export.Content.Headers.ContentType?.MediaType == Phatthana.Web.Shared.Reporting.ExcelExporter.ContentType)
                {
                    Figures.AddOrUpdate("exports", 1, (_, n) => n + 1);
                    if (export.Content.Headers.ContentDisposition?.DispositionType != "attachment")
                        failures.Add($"{role} export {t.Url}?format=xlsx is not an attachment");
                }
            }

            // The same role in another area: the role may be right, the area is not theirs — 404 (403 when the role is wrong).
            if (role == Role.SystemAdmin) continue; // sees every area
            var foreign = await host.UserAsync(role, foreignArea, role is Role.SchoolAdmin or Role.Teacher ? foreignSchool : null);
            foreach (var t in targets.Where(t => t.Scoped && !t.Anonymous))
            {
                var response = await Send(foreign, t);
                calls++;
                var expected = Policies.Allows(t.Policy!, role) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected) failures.Add($"{role} of another area {t.Method} {t.Url} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered wrongly:\n" + string.Join("\n", failures));
        // Nothing was changed by any of it.
        Assert.Equal(HttpStatusCode.OK, (await (await host.AdminAsync()).GetAsync($"/api/v1/schools/{school}")).StatusCode);
        Figures[$"{provider} endpoints"] = targets.Count;
        Figures[$"{provider} calls"] = calls;
        Figures[$"{provider} allowed reads"] = allowedReads;
    }

    /// <summary>
    /// Reads whose declared policy lets every signed-in role in, and whose handler then refuses some callers (403) for a
    /// reason the policy cannot see. Kept short and explained: any other 403 of an allowed read fails the sweep.
    /// </summary>
    private static readonly Dictionary<string, string> RefusedInside = new()
    {
        ["/areas/{areaCode}/networks/{id}"] = "id \"new\" is the form that creates a network: readers see networks, only area staff create them",
        ["/api/v1/sessions/{id:guid}/certificates/{person}"] = "one's own certificate, or anyone's for the roles that run training",
    };

    /// <summary>Every page's form post is refused without its antiforgery token (400), whoever sends it.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_page_post_needs_its_antiforgery_token(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var person = await host.PersonAsync(area, school);
        var admin = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var posts = Targets(host, area, school, person).Where(t => t.IsPage && t.Posts).Select(t => t.Url).Distinct().ToList();
        Assert.True(posts.Count > 15, $"only {posts.Count} pages with a form post found");
        var failures = new List<string>();
        foreach (var url in posts)
        {
            var response = await admin.Client.PostAsync(url, new FormUrlEncodedContent([new("Name", "ไม่มีโทเค็น")]));
            if (response.StatusCode != HttpStatusCode.BadRequest) failures.Add($"POST {url} without a token → {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Figures[$"{provider} page posts"] = posts.Count;
    }

    /// <summary>Every page and /api/v1 route × method from the app's own endpoint data source, with sample route values.</summary>
    internal static List<Target> Targets(AppHost host, string area, string school, string person)
    {
        var targets = new List<Target>();
        foreach (var e in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (raw.Contains("{**")) continue; // static-file and API-reference catch-alls
            var page = e.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            var isPage = page is not null;
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
                "id" or "evidenceId" or "entryId" when m.Groups[2].Value.Contains("guid") => Guid.NewGuid().ToString(),
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
            var posts = page?.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)) == true;
            var body = e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { RequestType: { } type } accepts
                && accepts.ContentTypes.Contains("application/json") ? type : null;
            targets.AddRange(methods.Select(m => new Target(m, url, policy, anonymous, isPage, scoped, posts && raw != "/error", raw, body)));
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
