using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Accounts;

/// <summary>
/// Bearer tokens of requests arriving together are read by one query (decision 010), and still for each request from the
/// database: a token revoked, or an account disabled, before a burst is refused inside it while the others' tokens work.
/// On PostgreSQL a lock on the token table makes the burst one batch for certain; on SQLite, whose readers no writer
/// blocks, the batches are whatever the timing makes them and only the answers are checked.
/// </summary>
public sealed class TokenBatchTests(Instances instances) : IClassFixture<Instances>
{
    public static TheoryData<DatabaseProvider> Providers => ProviderTests.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_revoked_token_and_a_disabled_account_are_refused_inside_a_batch_of_good_tokens(DatabaseProvider provider)
    {
        var (host, _) = await instances.Get(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var keep = await host.BearerAsync(email, AppHost.Password);
        var revoked = await host.BearerAsync(email, AppHost.Password);
        var disabledEmail = await host.UserAccountAsync(Role.AreaAdmin, area);
        var disabled = await host.BearerAsync(disabledEmail, AppHost.Password);

        // A burst before anything is withdrawn: every token works.
        var before = await BurstAsync(host, [keep, revoked, disabled], 30, hold: false);
        Assert.All(before, a => Assert.Equal(HttpStatusCode.OK, a.Code));

        Assert.Equal(HttpStatusCode.NoContent, (await revoked.DeleteAsync("/api/v1/auth/token")).StatusCode);
        var id = (await (await disabled.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        var off = await (await host.AdminAsync()).PutAsJsonAsync($"/api/v1/users/{id}",
            new { email = disabledEmail, displayName = "ปิดใช้งาน", role = "AreaAdmin", areas = new[] { area }, isActive = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        // The next burst: the same three tokens, interleaved, read together.
        var after = await BurstAsync(host, [keep, revoked, disabled], 30, hold: provider == DatabaseProvider.Postgres);
        Assert.All(after.Where(a => a.Client == 0), a => Assert.Equal(HttpStatusCode.OK, a.Code));
        Assert.All(after.Where(a => a.Client == 0), a => Assert.Equal(email, a.Email));
        Assert.All(after.Where(a => a.Client != 0), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Code));
    }

    /// <summary>
    /// <paramref name="count"/> calls of <c>/api/v1/me</c> at once, taking the clients in turn. With <paramref name="hold"/>
    /// (PostgreSQL) the first lookup waits behind a lock on the token table until all the others queue, and the batches are
    /// checked to be that one and then the rest together.
    /// </summary>
    private static async Task<List<(int Client, HttpStatusCode Code, string? Email)>> BurstAsync(AppHost host, HttpClient[] clients, int count, bool hold)
    {
        using var probe = new CoalescingProbe(host);
        List<Task<HttpResponseMessage>> calls;
        if (hold)
        {
            await using (await Instances.HoldTokensAsync(host))
            {
                calls = [clients[0].GetAsync("/api/v1/me")];
                await probe.UntilAsync("tokens", (batches, _) => batches.Count == 1, "the first lookup");
                calls.AddRange(Enumerable.Range(1, count - 1).Select(i => clients[i % clients.Length].GetAsync("/api/v1/me")));
                await probe.UntilAsync("tokens", (_, waiting) => waiting == count - 1, "every later lookup queued");
            }
        }
        else calls = [.. Enumerable.Range(0, count).Select(i => clients[i % clients.Length].GetAsync("/api/v1/me"))];
        var answers = new List<(int, HttpStatusCode, string?)>();
        for (var i = 0; i < count; i++)
        {
            var response = await calls[i];
            answers.Add((i % clients.Length, response.StatusCode,
                response.StatusCode == HttpStatusCode.OK ? (await response.JsonAsync()).GetProperty("email").GetString() : null));
        }
        if (hold) Assert.Equal([1, count - 1], probe.Batches("tokens"));
        return answers;
    }
}
