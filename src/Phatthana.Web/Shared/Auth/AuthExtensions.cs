using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Auth;

public static class AuthExtensions
{
    /// <summary>Chooses the bearer-token scheme when the request carries one, else the cookie.</summary>
    public const string SmartScheme = "Phatthana";

    public static IServiceCollection AddAppAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<UserScope>();
        services.AddScoped<PrincipalFactory>();
        services.AddSingleton<TokenLookups>();
        services.AddDataProtection().SetApplicationName("Phatthana").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ThaiIdentityErrors>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "phatthana.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RefreshPrincipal,
                    OnRedirectToLogin = ctx => Deny(ctx, 401),
                    OnRedirectToAccessDenied = ctx => Deny(ctx, 403),
                };
            });
        services.AddAuthorization(Policies.Register);
        return services;
    }

    private const string DatabaseUnavailable = "phatthana.auth.database-unavailable";

    /// <summary>Rebuilds the principal from the database on each request; a disabled user or changed password signs out.</summary>
    private static async Task RefreshPrincipal(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(PrincipalFactory.SecurityStampClaim);
        var factory = context.HttpContext.RequestServices.GetRequiredService<PrincipalFactory>();
        ClaimsPrincipal? fresh;
        try
        {
            fresh = userId is null ? null : await factory.BuildAsync(userId, IdentityConstants.ApplicationScheme, stamp ?? "");
        }
        catch (Exception e) when (Web.DbErrors.IsUnavailable(e))
        {
            // The database is not there to say who this is: not signed out (the cookie is kept), answered 503 by Deny
            // instead of a sign-in redirect (the authentication result is cached for the request, error page included).
            context.HttpContext.Items[DatabaseUnavailable] = true;
            context.RejectPrincipal();
            return;
        }
        if (fresh is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        context.ReplacePrincipal(fresh);
    }

    /// <summary>The API answers 401/403 problem+json; pages redirect to sign-in, or show the Thai 403 page.</summary>
    private static async Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.HttpContext.Items.ContainsKey(DatabaseUnavailable))
        {
            ctx.Response.Headers.RetryAfter = Web.DbErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ctx.Request.IsApi()) await ApiResults.Problem(503, Web.DbErrors.UnavailableTitle, Web.DbErrors.UnavailableDetail).ExecuteAsync(ctx.HttpContext);
            else ctx.Response.StatusCode = 503; // the error page, by the status-code pages
            return;
        }
        if (ctx.Request.IsApi())
        {
            await (status == 401
                ? ApiResults.Problem(401, "กรุณาเข้าสู่ระบบ", "ต้องเข้าสู่ระบบหรือส่ง Authorization: Bearer <token>")
                : ApiResults.Forbidden("บทบาทของคุณไม่มีสิทธิ์ทำรายการนี้")).ExecuteAsync(ctx.HttpContext);
            return;
        }
        if (status == 401)
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return;
        }
        ctx.Response.StatusCode = 403;
    }
}

/// <summary>Identity's messages in Thai.</summary>
public sealed class ThaiIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์เล็กอย่างน้อย 1 ตัว" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์ใหญ่อย่างน้อย 1 ตัว" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "รหัสผ่านต้องมีอักขระพิเศษอย่างน้อย 1 ตัว" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"รหัสผ่านต้องมีอักขระไม่ซ้ำกันอย่างน้อย {uniqueChars} ตัว" };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"อีเมล {email} มีผู้ใช้แล้ว" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"ชื่อผู้ใช้ {userName} มีผู้ใช้แล้ว" };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "อีเมลไม่ถูกรูปแบบ" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "ชื่อผู้ใช้มีอักขระที่ไม่อนุญาต" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "รหัสผ่านไม่ถูกต้อง" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาลองใหม่" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "เกิดข้อผิดพลาด กรุณาลองใหม่" };
}
