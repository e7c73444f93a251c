using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Tests.Operations;

public sealed class OperationsTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Health_answers_when_the_database_does(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var response = await host.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains(provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL", body.GetProperty("database").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenApi_document_lists_every_api_endpoint(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var response = await host.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.JsonAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/'))
            .ToHashSet();
        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(paths));
        foreach (var pinned in new[] { "/api/v1/areas", "/api/v1/users", "/api/v1/auth/token", "/api/v1/areas/{areaCode}/schools",
                     "/api/v1/schools/{schoolCode}/student-counts/{academicYear}" })
            Assert.Contains(pinned, paths);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Api_reference_ui_is_served(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var redirect = await host.Anonymous().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var response = await host.Anonymous().GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_declares_who_may_call_it(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 40);
        var undeclared = endpoints
            .Where(e => e.RoutePattern.RawText != "{**path:file}") // the static-files fallback of a development build
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null && Policies.Roles.ContainsKey(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_carry_security_headers_and_no_inline_script(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var response = await host.Anonymous().GetAsync("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var doc = await Browserless.ParseAsync(response);
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_api_paths_are_problem_json_404(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var response = await (await host.AdminAsync()).GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
