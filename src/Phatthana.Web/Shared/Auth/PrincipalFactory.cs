using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// Builds the signed-in principal from the database — role, granted areas and school — on every request,
/// for cookies and bearer tokens alike, so a changed grant or a deactivated account takes effect at once.
/// </summary>
public sealed class PrincipalFactory(AppDbContext db)
{
    public async Task<ClaimsPrincipal?> BuildAsync(string userId, string authenticationType, string? securityStamp = null)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Role, u.SchoolId, u.IsActive, u.SecurityStamp, u.LockoutEnd, u.NationalId, Areas = u.AreaGrants.Select(g => g.AreaId).ToList() })
            .FirstOrDefaultAsync();
        if (user is null || !user.IsActive) return null;
        if (securityStamp is not null && securityStamp != user.SecurityStamp) return null;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.Email ?? user.Id),
            new(AppClaims.DisplayName, user.DisplayName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(SecurityStampClaim, user.SecurityStamp ?? ""),
        };
        claims.AddRange(user.Areas.Select(a => new Claim(AppClaims.Area, a.ToString())));
        if (user.SchoolId is { } school) claims.Add(new Claim(AppClaims.School, school.ToString()));
        if (user.NationalId is { Length: > 0 } nationalId) claims.Add(new Claim(AppClaims.NationalId, nationalId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public const string SecurityStampClaim = "phatthana:stamp";
}
