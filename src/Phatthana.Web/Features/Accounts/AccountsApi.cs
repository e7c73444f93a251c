using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Accounts;

public sealed record TokenRequest(string? Email, string? Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/token", IssueToken).AllowAnonymous().WithSummary("Exchange e-mail and password for a bearer token")
            .Accepts<TokenRequest>("application/json").Produces<TokenResponse>().ProducesProblem(401);
        auth.MapDelete("/token", RevokeToken).RequireAuthorization(Policies.SignedIn).WithSummary("Revoke the bearer token of this request").WritesNothing();

        api.MapGet("/me", async (UserScope scope, AppDbContext db) => TypedResults.Ok(await SaveUser.ToDtoAsync(db, scope.UserId!)))
            .RequireAuthorization(Policies.SignedIn).WithTags("Accounts").WithSummary("The signed-in user").Returns<UserDto>();

        var users = api.MapGroup("/users").WithTags("Accounts");
        users.MapGet("", async (SaveUser save) => TypedResults.Ok(await SaveUser.Dtos(save.Manageable().OrderBy(u => u.Email)).ToListAsync())).RequireAuthorization(Policies.ManageUsers).WithSummary("Users the caller manages").Returns<List<UserDto>>();
        users.MapPost("", async (UserInput input, SaveUser save, AppDbContext db) =>
        {
            var outcome = await save.CreateAsync(input);
            return outcome.Succeeded
                ? TypedResults.Created($"/api/v1/users/{outcome.Value!.Id}", await SaveUser.ToDtoAsync(db, outcome.Value.Id))
                : outcome.ToApi(_ => TypedResults.NoContent());
        }).RequireAuthorization(Policies.ManageUsers).WithSummary("Create a user with a role and area grants").Writes<UserDto>(StatusCodes.Status201Created);
        users.MapPut("/{id}", async (string id, UserInput input, SaveUser save, AppDbContext db) =>
        {
            var outcome = await save.UpdateAsync(id, input);
            return outcome.Succeeded ? TypedResults.Ok(await SaveUser.ToDtoAsync(db, id)) : outcome.ToApi(_ => TypedResults.NoContent());
        }).RequireAuthorization(Policies.ManageUsers).WithSummary("Update a user's role, grants, school, name, status or password").Writes<UserDto>();
        return api;
    }

    /// <summary>
    /// 200 with a token, 401 otherwise (API.md): a missing or malformed body, an unknown account, a wrong password,
    /// a disabled or locked-out account all get the same answer, so the endpoint tells a prober nothing.
    /// </summary>
    private static async Task<IResult> IssueToken(HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        AppDbContext db, TimeProvider time, IConfiguration config)
    {
        var refused = ApiResults.Problem(StatusCodes.Status401Unauthorized, "เข้าสู่ระบบไม่สำเร็จ", AccountsText.SignInFailed);
        TokenRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return refused;
        }
        if (request is null || !new Checks().Email(request.Email, "email").IsValid || string.IsNullOrEmpty(request.Password)) return refused;
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null || !user.IsActive || !(await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true)).Succeeded)
            return refused;
        var token = ApiTokenCodec.NewToken();
        var now = time.GetUtcNow();
        var hours = config.GetValue("Phatthana:Auth:TokenLifetimeHours", 12);
        var row = new ApiToken { UserId = user.Id, TokenHash = ApiTokenCodec.Hash(token), CreatedAt = now, ExpiresAt = now.AddHours(hours) };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        return TypedResults.Ok(new TokenResponse(token, row.ExpiresAt));
    }

    private static async Task<IResult> RevokeToken(HttpContext http, AppDbContext db, TimeProvider time)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "ไม่มีโทเค็น", "คำขอนี้ไม่ได้ใช้ Bearer token");
        var hash = ApiTokenCodec.Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.SingleAsync(t => t.TokenHash == hash);
        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
