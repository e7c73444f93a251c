using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Accounts.AccountsText;

namespace Phatthana.Web.Features.Accounts;

public sealed class UserInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? DisplayName { get; set; }
    public Role? Role { get; set; }
    public List<string>? Areas { get; set; }
    public string? School { get; set; }
    public bool? IsActive { get; set; }
    /// <summary>Optional: the person this account belongs to (a teacher reads their own record through it).</summary>
    public string? NationalId { get; set; }
}

public sealed record UserDto(string Id, string Email, string DisplayName, Role Role, IReadOnlyList<string> Areas, string? School, bool IsActive, string? NationalId = null);

/// <summary>
/// Creates and edits users and their area grants. A SystemAdmin may grant any area and any role;
/// an AreaAdmin only its own areas, never the SystemAdmin role, and only users it can see.
/// </summary>
public sealed class SaveUser(AppDbContext db, UserManager<AppUser> users, UserScope scope, TimeProvider time)
{
    /// <summary>
    /// The users the caller may list and edit. An AreaAdmin manages users who work only in its own areas; someone
    /// granted another area as well (an assessor across two offices) is managed by a SystemAdmin.
    /// </summary>
    public IQueryable<AppUser> Manageable()
    {
        var all = db.Users.AsNoTracking();
        if (scope.AllAreas) return all;
        var areas = scope.AreaIds.ToArray();
        return all.Where(u => u.Role != Role.SystemAdmin && u.AreaGrants.Any() && u.AreaGrants.All(g => areas.Contains(g.AreaId)));
    }

    public async Task<Outcome<AppUser>> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        var checks = new Checks().Email(input.Email, "email").Text(input.DisplayName, "displayName", T.DisplayName, DataSchema.NameLength)
            .Required(input.Role, "role", T.RoleLabel);
        CheckNationalId(input, checks);
        if (string.IsNullOrEmpty(input.Password)) checks.Add("password", $"กรุณากรอก{T.Password}");
        var grants = await ResolveGrantsAsync(input, checks, ct);
        if (grants.Forbidden is { } f) return Outcome<AppUser>.Forbidden(f.Field, f.Message);
        if (!checks.IsValid) return Outcome<AppUser>.Invalid(checks.Errors);

        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null) return Outcome<AppUser>.Duplicate("email", T.DuplicateEmail);
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = Checks.Clean(input.DisplayName)!,
            Role = input.Role!.Value, SchoolId = grants.SchoolId, IsActive = input.IsActive ?? true,
            LockoutEnabled = true, NationalId = NationalIdOf(input),
        };
        if (await PasswordErrorsAsync(user, input.Password!) is { Count: > 0 } weak) return Outcome<AppUser>.Invalid(weak);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.NormalizedEmail = users.NormalizeEmail(email);
        user.NormalizedUserName = users.NormalizeName(email);
        user.AreaGrants = grants.AreaIds.Select(a => new UserAreaGrant { UserId = user.Id, AreaId = a }).ToList();
        db.Users.Add(user);
        return await db.TrySaveAsync(user, "email", T.DuplicateEmail, ct);
    }

    /// <summary>Edits role, grants, school, name and status; a new password is set only when one is given.</summary>
    public async Task<Outcome<AppUser>> UpdateAsync(string userId, UserInput input, CancellationToken ct = default)
    {
        if (await Manageable().AnyAsync(u => u.Id == userId, ct) is false) return Outcome<AppUser>.NotFound();
        var user = await db.Users.Include(u => u.AreaGrants).SingleAsync(u => u.Id == userId, ct);
        input.Email ??= user.Email;
        var checks = new Checks().Email(input.Email, "email").Text(input.DisplayName, "displayName", T.DisplayName, DataSchema.NameLength)
            .Required(input.Role, "role", T.RoleLabel);
        CheckNationalId(input, checks);
        var grants = await ResolveGrantsAsync(input, checks, ct);
        if (grants.Forbidden is { } f) return Outcome<AppUser>.Forbidden(f.Field, f.Message);
        if (!checks.IsValid) return Outcome<AppUser>.Invalid(checks.Errors);
        var email = input.Email!.Trim();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == users.NormalizeEmail(email) && u.Id != userId, ct))
            return Outcome<AppUser>.Duplicate("email", T.DuplicateEmail);
        if (!string.IsNullOrEmpty(input.Password))
        {
            if (await PasswordErrorsAsync(user, input.Password) is { Count: > 0 } weak) return Outcome<AppUser>.Invalid(weak);
            user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        }
        // The national ID decides which personnel record a teacher sees, so changing it ends their sessions too.
        var signInChanged = user.Role != input.Role || user.IsActive != (input.IsActive ?? user.IsActive) || !string.IsNullOrEmpty(input.Password) ||
                            user.NationalId != NationalIdOf(input);
        user.NationalId = NationalIdOf(input);
        user.Email = user.UserName = email;
        user.NormalizedEmail = user.NormalizedUserName = users.NormalizeEmail(email);
        user.DisplayName = Checks.Clean(input.DisplayName)!;
        user.Role = input.Role!.Value;
        user.SchoolId = grants.SchoolId;
        user.IsActive = input.IsActive ?? user.IsActive;
        foreach (var g in user.AreaGrants.Where(g => !grants.AreaIds.Contains(g.AreaId)).ToList()) user.AreaGrants.Remove(g);
        foreach (var a in grants.AreaIds.Where(a => user.AreaGrants.All(g => g.AreaId != a)))
            user.AreaGrants.Add(new UserAreaGrant { UserId = user.Id, AreaId = a });
        if (signInChanged)
        {
            // A new password, role or status ends every session: cookies fail their stamp check, tokens are revoked.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            var now = time.GetUtcNow();
            foreach (var token in await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(ct))
                token.RevokedAt = now;
        }
        return await db.TrySaveAsync(user, "email", T.DuplicateEmail, ct);
    }

    private static void CheckNationalId(UserInput input, Checks checks)
    {
        if (!string.IsNullOrWhiteSpace(input.NationalId) && Personnel.NationalId.Problem(input.NationalId) is { } problem)
            checks.Add("nationalId", problem);
    }

    private static string? NationalIdOf(UserInput input) =>
        string.IsNullOrWhiteSpace(input.NationalId) ? null : Personnel.NationalId.Normalise(input.NationalId);

    /// <summary>The password policy's complaints, in Thai, on the password field.</summary>
    private async Task<List<FieldError>> PasswordErrorsAsync(AppUser user, string password)
    {
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
        }
        return errors;
    }

    private sealed record Grants(List<Guid> AreaIds, Guid? SchoolId, FieldError? Forbidden);

    private async Task<Grants> ResolveGrantsAsync(UserInput input, Checks checks, CancellationToken ct)
    {
        if (input.Role == Role.SystemAdmin && !scope.AllAreas)
            return new Grants([], null, new FieldError("role", "เฉพาะผู้ดูแลระบบเท่านั้นที่กำหนดบทบาทผู้ดูแลระบบได้"));
        var codes = (input.Areas ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        var areas = await db.Areas.IgnoreQueryFilters().Where(a => codes.Contains(a.Code)).Select(a => new { a.Id, a.Code }).ToListAsync(ct);
        foreach (var code in codes.Where(c => areas.All(a => a.Code != c)))
        {
            if (!scope.AllAreas) return new Grants([], null, new FieldError("areas", $"คุณให้สิทธิ์ได้เฉพาะเขตพื้นที่ของคุณ ({code})"));
            checks.Add("areas", $"ไม่พบเขตพื้นที่รหัส {code}");
        }
        if (areas.FirstOrDefault(a => !scope.CanSeeArea(a.Id)) is { } foreign)
            return new Grants([], null, new FieldError("areas", $"คุณให้สิทธิ์ได้เฉพาะเขตพื้นที่ของคุณ ({foreign.Code})"));
        if (input.Role is { } role && role != Role.SystemAdmin && codes.Count == 0)
            checks.Add("areas", "กรุณาเลือกเขตพื้นที่อย่างน้อย 1 เขต");

        Guid? schoolId = null;
        var schoolCode = Checks.Clean(input.School);
        if (schoolCode is not null)
        {
            var school = await db.Schools.IgnoreQueryFilters().Where(s => s.Code == schoolCode).Select(s => new { s.Id, s.AreaId }).FirstOrDefaultAsync(ct);
            if (school is null || areas.All(a => a.Id != school.AreaId))
                checks.Add("school", "ไม่พบสถานศึกษานี้ในเขตพื้นที่ที่ให้สิทธิ์");
            else schoolId = school.Id;
        }
        else if (input.Role is Role.SchoolAdmin)
        {
            checks.Add("school", "ผู้บริหาร/ธุรการโรงเรียนต้องระบุสถานศึกษา");
        }
        return new Grants(areas.Select(a => a.Id).ToList(), schoolId, null);
    }

    public static IQueryable<UserDto> Dtos(IQueryable<AppUser> users) =>
        users.Select(u => new UserDto(u.Id, u.Email!, u.DisplayName, u.Role,
            u.AreaGrants.Select(g => g.Area!.Code).OrderBy(c => c).ToList(),
            u.School != null ? u.School.Code : null, u.IsActive, u.NationalId));

    public static Task<UserDto> ToDtoAsync(AppDbContext db, string userId, CancellationToken ct = default) =>
        Dtos(db.Users.AsNoTracking().Where(u => u.Id == userId)).SingleAsync(ct);
}
