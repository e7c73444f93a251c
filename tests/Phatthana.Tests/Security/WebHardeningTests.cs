using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Tests.Security;

/// <summary>Sign-in throttling, the same answer for unknown accounts and wrong passwords, secure cookies, headers everywhere.</summary>
public sealed class WebHardeningTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string NewAddress() => $"198.51.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";

    private static HttpClient From(AppHost host, string address)
    {
        // Through a proxy on the same host, which says who the client is.
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add(AppHost.RemoteAddressHeader, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sign_in_attempts_from_one_address_are_limited(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var email = await host.UserAccountAsync(Role.Supervisor, await host.AreaAsync());
        var address = NewAddress();
        var client = From(host, address);
        // Spread over many unknown accounts, as a password spray would be: the lockout of one account cannot stop that.
        for (var i = 0; i < SignInThrottle.DefaultPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = Unique.Email(), password = "guess-123456" })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppHost.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SignInThrottle.TooMany, (await limited.JsonAsync()).GetProperty("detail").GetString());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        // The sign-in page shares the address's allowance.
        var page = await From(host, address).PostAsync("/account/login", new FormUrlEncodedContent([new("Email", email), new("Password", AppHost.Password)]));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("บ่อยเกินไป", await page.Content.ReadAsStringAsync());

        // Another address, and other requests from the limited one, are not held up.
        Assert.Equal(HttpStatusCode.OK, (await From(host, NewAddress()).PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppHost.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_is_believed_only_from_a_known_proxy()
    {
        // A proxy network configured beside the default (a proxy on the same host); a small allowance to reach quickly.
        await using var host = await AppHost.StartAsync(DatabaseProvider.Sqlite, name: "proxies", settings: new Dictionary<string, string?>
        {
            ["Phatthana:ForwardedHeaders:KnownNetworks"] = "10.20.0.0/16",
            ["Phatthana:Auth:SignInPerMinute"] = "3",
        });
        HttpClient Client(string connection, string? forwarded)
        {
            var client = host.Anonymous();
            client.DefaultRequestHeaders.Add(AppHost.RemoteAddressHeader, connection);
            if (forwarded is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwarded);
            return client;
        }
        Task<HttpResponseMessage> Attempt(HttpClient client) => client.PostAsJsonAsync("/api/v1/auth/token", new { email = Unique.Email(), password = "guess-123456" });

        // A client talking to the app directly: a new X-Forwarded-For each time changes nothing — its own address is counted.
        var direct = NewAddress();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Attempt(Client(direct, NewAddress()))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Attempt(Client(direct, NewAddress()))).StatusCode);

        // Through the configured proxy network the forwarded address is the client's: each gets its own allowance…
        var behind = NewAddress();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Attempt(Client("10.20.3.4", behind))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Attempt(Client("10.20.9.9", behind))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Attempt(Client("10.20.3.4", NewAddress()))).StatusCode);
        // …and so through a proxy on the same host (loopback, trusted by default).
        Assert.Equal(HttpStatusCode.Unauthorized, (await Attempt(Client("127.0.0.1", NewAddress()))).StatusCode);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_app_with_its_name()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await AppHost.StartAsync(DatabaseProvider.Sqlite, name: "bad-proxies",
                settings: new Dictionary<string, string?> { ["Phatthana:ForwardedHeaders:KnownProxies"] = "proxy.example" });
            await host.Anonymous().GetAsync("/health");
        });
        Assert.Contains("Phatthana:ForwardedHeaders:KnownProxies", failure.ToString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_sign_in_page_answers_an_unknown_account_as_it_answers_a_wrong_password(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var email = await host.UserAccountAsync(Role.Teacher, await host.AreaAsync());
        async Task<string> Attempt(string who, string password)
        {
            var browser = new Browserless(host.Anonymous());
            var response = await browser.SubmitAsync("/account/login", "form.form", new() { ["Email"] = who, ["Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = await Browserless.ParseAsync(response);
            return doc.QuerySelector(".validation-summary-errors, [data-valmsg-summary], .alert, .errors")?.TextContent.Trim() ?? doc.Body!.TextContent;
        }
        var wrong = await Attempt(email, "wrong-password-9");
        var unknown = await Attempt(Unique.Email(), "wrong-password-9");
        Assert.Contains(AccountsText.SignInFailed, wrong);
        Assert.Equal(wrong, unknown);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Over_https_the_cookies_are_secure_http_only_and_same_site(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var email = await host.UserAccountAsync(Role.Teacher, await host.AreaAsync());
        var browser = new Browserless(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        var (form, _) = await browser.GetAsync("/account/login");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        var signedIn = await browser.SubmitAsync("/account/login", "form.form", new() { ["Email"] = email, ["Password"] = AppHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("phatthana.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", auth);
        Assert.Contains("httponly", auth);
        Assert.Contains("samesite=lax", auth);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Api_answers_files_and_errors_carry_the_security_headers_too(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var area = await host.AreaAsync();
        foreach (var response in new[]
                 {
                     await admin.GetAsync("/api/v1/areas"), await admin.GetAsync($"/api/v1/areas/{area}/schools?format=xlsx"),
                     await admin.GetAsync("/api/v1/nothing-here"), await host.Anonymous().GetAsync("/no-such-page"), await host.Anonymous().GetAsync("/css/site.css"),
                 })
        {
            var what = response.RequestMessage!.RequestUri!.PathAndQuery;
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
            Assert.Contains("frame-ancestors 'none'", csp!.Single());
            Assert.DoesNotContain("unsafe-inline", csp!.Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }
}
