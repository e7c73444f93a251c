using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Auth;

public static class ApiTokenCodec
{
    public static string NewToken() => "pht_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the stored (hashed, expiring, revocable) tokens.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PrincipalFactory principals, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("malformed token");
        // The token, its account and the account's areas in one round trip, on every request (nothing cached: see PrincipalFactory).
        var principal = await principals.BuildForTokenAsync(ApiTokenCodec.Hash(token), time.GetUtcNow(), SchemeName, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("unknown, expired or revoked token, or a disabled account")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiResults.Problem(401, "กรุณาเข้าสู่ระบบ", "ต้องส่ง Authorization: Bearer <token> ที่ยังไม่หมดอายุ").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResults.Forbidden("บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้").ExecuteAsync(Context);
}
