using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Operations;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer: the data-protection keys live in the database, so
/// the sign-in cookie and a form's antiforgery token made by one instance are accepted by the other. Cookies are carried
/// by hand here (no cookie jar), so what instance B is sent is exactly what instance A set.
/// </summary>
public sealed partial class TwoInstancesTests(Instances instances) : IClassFixture<Instances>
{
    public static TheoryData<DatabaseProvider> Providers => ProviderTests.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_cookie_and_a_form_token_made_by_one_instance_work_on_the_other(DatabaseProvider provider)
    {
        var (a, b) = await instances.Get(provider);
        var area = await a.AreaAsync();
        var email = await a.UserAccountAsync(Role.AreaAdmin, area);
        var onA = Bare(a);
        var onB = Bare(b);

        // Sign in on A.
        var jar = new Dictionary<string, string>();
        var login = await Send(onA, HttpMethod.Get, "/account/login", jar);
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = AppHost.Password, ["__RequestVerificationToken"] = Token(await login.Content.ReadAsStringAsync()) };
        var signedIn = await Send(onA, HttpMethod.Post, "/account/login", jar, fields);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("phatthana.auth", jar.Keys);

        // B takes A's cookie: signed in there.
        Assert.Equal(HttpStatusCode.OK, (await Send(onB, HttpMethod.Get, $"/areas/{area}", jar)).StatusCode);
        // Without it, or with a made-up one, B sends the caller to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await Send(onB, HttpMethod.Get, $"/areas/{area}", [])).StatusCode);
        var forged = jar.ToDictionary(c => c.Key, c => c.Key == "phatthana.auth" ? c.Value[..^8] + "AAAAAAAA" : c.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await Send(onB, HttpMethod.Get, $"/areas/{area}", forged)).StatusCode);

        // A form rendered by A, posted to B: B reads A's antiforgery token and saves.
        var form = await Send(onA, HttpMethod.Get, $"/areas/{area}/divisions", jar);
        const string name = "กลุ่มงานทดสอบสองเครื่อง";
        var posted = await Send(onB, HttpMethod.Post, $"/areas/{area}/divisions?handler=Add", jar,
            new() { ["Name"] = name, ["__RequestVerificationToken"] = Token(await form.Content.ReadAsStringAsync()) });
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)posted.StatusCode}");
        Assert.Equal(1, await b.WithDbAsync(db => db.Divisions.CountAsync(d => d.Name == name)));
        // B's form token without A's antiforgery cookie is refused, and nothing more is saved.
        var noCookie = jar.Where(c => !c.Key.Contains("Antiforgery")).ToDictionary();
        var refused = await Send(onB, HttpMethod.Post, $"/areas/{area}/divisions?handler=Add", noCookie,
            new() { ["Name"] = name + " 2", ["__RequestVerificationToken"] = Token(await form.Content.ReadAsStringAsync()) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await b.WithDbAsync(db => db.Divisions.CountAsync(d => d.Name == name + " 2")));
    }

    private static HttpClient Bare(AppHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Sends with the jar's cookies and keeps the ones the answer sets.</summary>
    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, Dictionary<string, string> jar,
        Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        var response = await client.SendAsync(request);
        foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';', 2)[0].Split('=', 2);
            if (pair[1].Length == 0) jar.Remove(pair[0]); else jar[pair[0]] = pair[1];
        }
        return response;
    }

    private static string Token(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token");

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex TokenInput();
}
