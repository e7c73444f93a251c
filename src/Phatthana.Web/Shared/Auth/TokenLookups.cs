using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Concurrency;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// Bearer tokens looked up together: the requests arriving at the same moment have their tokens, accounts and areas read
/// by one query (<c>WHERE hash IN (…)</c>) instead of one query each. Each request is still answered from a read of the
/// database made after it arrived (see <see cref="Coalescer{TKey,TItem,TResult}"/>), and nothing is kept between
/// batches: a revoked token, a disabled account or a removed grant holds from the next request on every instance.
/// </summary>
public sealed class TokenLookups
{
    /// <summary>A token that is not revoked, with its expiry and its account.</summary>
    internal sealed record Hit(DateTimeOffset ExpiresAt, PrincipalFactory.Account User);

    private readonly IServiceScopeFactory _scopes;
    private readonly Coalescer<bool, string, Hit?> _lookups;

    public TokenLookups(IServiceScopeFactory scopes, IMeterFactory meters)
    {
        _scopes = scopes;
        // One queue for all tokens (the key is a constant): one query answers every token that arrived meanwhile.
        _lookups = new("tokens", 1000, (_, hashes) => LookUpAsync(hashes), meters);
    }

    /// <summary>The token with this hash, unless it is unknown or revoked (expiry is the caller's to compare).</summary>
    internal Task<Hit?> FindAsync(string tokenHash) => _lookups.RunAsync(true, tokenHash);

    private async Task<Answer<Hit?>[]> LookUpAsync(IReadOnlyList<string> hashes)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var wanted = hashes.Distinct().ToList();
        var found = await (from t in db.ApiTokens.AsNoTracking()
                           where wanted.Contains(t.TokenHash) && t.RevokedAt == null
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           select new
                           {
                               t.TokenHash,
                               Hit = new Hit(t.ExpiresAt, new PrincipalFactory.Account(u.Id, u.Email, u.DisplayName, u.Role, u.SchoolId, u.IsActive, u.SecurityStamp,
                                   u.NationalId, u.AreaGrants.Select(g => g.AreaId).ToList())),
                           }).ToDictionaryAsync(x => x.TokenHash, x => x.Hit);
        return [.. hashes.Select(h => new Answer<Hit?>(found.GetValueOrDefault(h)))];
    }
}
