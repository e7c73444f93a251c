using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Features.Development;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Notifications;

namespace Phatthana.Tests.Features.Notifications;

/// <summary>
/// A real SMTP server on loopback and, per provider, the app sending through it: quick retries so a test sees the back-off
/// at work in seconds, links to a public address, the digest at any hour, and one configured template that names a
/// placeholder its kind does not have (the approved plan's subject).
/// </summary>
public sealed class MailHosts : IAsyncLifetime
{
    public const string BaseUrl = "https://phatthana.pbi1.example.go.th";
    public const string BadTemplate = "อนุมัติแผนของ {person} โดย {approverNickname}";

    private readonly Dictionary<DatabaseProvider, Lazy<Task<AppHost>>> _hosts;

    public MailHosts() =>
        _hosts = Enum.GetValues<DatabaseProvider>().ToDictionary(p => p,
            p => new Lazy<Task<AppHost>>(() => AppHost.StartAsync(p, name: "mail", settings: Settings(Smtp.Port))));

    public SmtpSink Smtp { get; private set; } = null!;

    public Task<AppHost> Host(DatabaseProvider provider) => _hosts[provider].Value;

    public static Dictionary<string, string?> Settings(int port) => new()
    {
        ["Phatthana:Mail:Host"] = "127.0.0.1", ["Phatthana:Mail:Port"] = port.ToString(), ["Phatthana:Mail:Security"] = "None",
        ["Phatthana:Mail:From"] = "phatthana@pbi1.example.go.th", ["Phatthana:Mail:RetrySeconds"] = "0.3", ["Phatthana:Mail:MaxRetryMinutes"] = "0.03",
        ["Phatthana:Mail:MaxAttempts"] = "100", ["Phatthana:Mail:PollSeconds"] = "0.2", ["Phatthana:Mail:TimeoutSeconds"] = "5",
        ["Phatthana:Notifications:BaseUrl"] = BaseUrl, ["Phatthana:Notifications:DigestHour"] = "0",
        ["Phatthana:Notifications:Templates:id-plan-approved:Subject"] = BadTemplate,
    };

    public async ValueTask InitializeAsync() => Smtp = await SmtpSink.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _hosts.Values.Where(l => l.IsValueCreated))
        {
            try { await (await lazy.Value).DisposeAsync(); }
            catch (InvalidOperationException) { /* a host that never started has nothing to dispose */ }
        }
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// A school with its director and teachers, each with an account, in an area with the default catalogue: enough for ID Plans
/// to be submitted, returned and approved, and for each person's inbox and mail to be read.
/// </summary>
public sealed record School(AppHost Host, DevelopmentWorld World, string Code, Account Director)
{
    public static async Task<School> ArrangeAsync(AppHost host, EmailPreference director = EmailPreference.EachEvent)
    {
        var world = await DevelopmentWorld.ArrangeAsync(host);
        var code = await host.SchoolAsync(world.Area);
        var school = new School(host, world, code, null!);
        return school with { Director = await school.AccountAsync(Role.SchoolAdmin, "Director", director) };
    }

    /// <summary>A person of the school with an account naming them, who chose <paramref name="email"/>.</summary>
    public async Task<Account> AccountAsync(Role role = Role.Teacher, string position = "Teacher", EmailPreference email = EmailPreference.Off,
        string? address = null)
    {
        var nationalId = await World.PersonAsync(Code, position, firstName: role == Role.Teacher ? "สุดารัตน์" : "สมชาย", lastName: "ทดสอบ");
        var emailAddress = address ?? await Host.UserAccountAsync(role, World.Area, Code, nationalId);
        if (address is not null)
        {
            var response = await (await Host.AdminAsync()).PostAsJsonAsync("/api/v1/users", new
            {
                email = address, password = AppHost.Password, displayName = $"ผู้ทดสอบ {role}", role = role.ToString(), areas = new[] { World.Area }, school = Code, nationalId,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var api = await Host.BearerAsync(emailAddress, AppHost.Password);
        if (email != EmailPreference.Off)
        {
            var saved = await api.PutAsJsonAsync("/api/v1/me/notification-settings", new { email = email.ToString() });
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        return new Account(emailAddress, nationalId, api, await World.PersonIdAsync(nationalId));
    }

    /// <summary>Writes the person's whole plan (as the area's staff) and submits it; returns the submit's answer.</summary>
    public async Task<HttpResponseMessage> SubmitPlanAsync(Account person, HttpClient? by = null)
    {
        await World.PlanAsync(person.NationalId, "Teachers", IdPlanStatus.Draft, [(TeacherTopic, 1, ["Workshop"])]);
        return await (by ?? person.Api).PostAsJsonAsync($"/api/v1/people/{person.NationalId}/id-plans/{DevelopmentWorld.Year}/submit", new { });
    }

    public string TeacherTopic => World.Catalogue.GetProperty("topics").EnumerateArray()
        .First(t => t.GetProperty("group").GetString() == "Teachers").GetProperty("name").GetString()!;
}

/// <summary>An account of a person of the registry, with a bearer client.</summary>
public sealed record Account(string Email, string NationalId, HttpClient Api, Guid PersonId)
{
    public async Task<JsonElement> InboxAsync(string query = "")
    {
        var response = await Api.GetAsync("/api/v1/me/notifications" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public async Task<List<JsonElement>> ItemsAsync(string query = "") => [.. (await InboxAsync(query)).GetProperty("items").EnumerateArray()];
}

public static class OutboxQueries
{
    /// <summary>The outbox rows to an address, as the system reads them.</summary>
    public static Task<List<OutboxMail>> MailsToAsync(this AppHost host, string address) =>
        host.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>Waits until every outbox row to the address satisfies <paramref name="done"/>.</summary>
    public static async Task<List<OutboxMail>> WaitForMailsAsync(this AppHost host, string address, int count, Func<OutboxMail, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mails = await host.MailsToAsync(address);
            if (mails.Count == count && mails.All(done)) return mails;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{address}: {string.Join("; ", mails.Select(m => $"{m.Status} after {m.Attempts} ({m.LastError})"))}");
            await Task.Delay(200);
        }
    }
}
