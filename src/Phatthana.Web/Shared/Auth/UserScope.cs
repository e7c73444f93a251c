using System.Security.Claims;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// What the current caller may see: which areas and, below area level, which school.
/// Read lazily from the signed-in principal so a scope resolved before sign-in finishes is never stale.
/// The data layer's query filters and write guard read it; nothing else decides visibility.
/// </summary>
public sealed class UserScope(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? _cachedFor;
    private Snapshot _cached = Snapshot.Nobody;
    private Snapshot? _override;

    public string? UserId => Current.UserId;
    public string? UserName => Current.UserName;
    /// <summary>The name people know the caller by (shown as who approved or decided), else the sign-in name.</summary>
    public string? DisplayName => Current.DisplayName ?? Current.UserName;
    public Role? Role => Current.Role;
    /// <summary>True for a SystemAdmin and for work the system does itself (start-up, seeding, background jobs).</summary>
    public bool AllAreas => Current.AllAreas;
    public IReadOnlyList<Guid> AreaIds => Current.AreaIds;
    public Guid? SchoolId => Current.SchoolId;
    /// <summary>The caller's own national ID when their account names one (a teacher sees their own record through it).</summary>
    public string? SelfNationalId => Current.SelfNationalId;
    /// <summary>Set for roles that see only their own personnel record (teachers): "" when the account names no ID.</summary>
    public string? OnlyNationalId => Current.Role == Features.Accounts.Role.Teacher ? Current.SelfNationalId ?? "" : null;

    public bool CanSeeArea(Guid areaId) => AllAreas || AreaIds.Contains(areaId);

    /// <summary>Runs the rest of this DI scope as the system (no HTTP caller): start-up, seeding, background work.</summary>
    public void UseSystem() => _override = Snapshot.System;

    /// <summary>Runs the rest of this DI scope as the user of <paramref name="principal"/> (background work done for them).</summary>
    public void UsePrincipal(ClaimsPrincipal principal) => _override = Snapshot.From(principal);

    /// <summary>
    /// The caller as they are now: who, and what they may see. Taken on the caller's own request, so work done for them
    /// elsewhere (a batch on another thread, where there is no HTTP context) sees exactly what they see, never more.
    /// </summary>
    public Snapshot Capture() => Current;

    /// <summary>Runs the rest of this DI scope as the caller captured by <see cref="Capture"/>.</summary>
    public void Use(Snapshot caller) => _override = caller;

    private Snapshot Current
    {
        get
        {
            if (_override is not null) return _override;
            var http = accessor.HttpContext;
            if (http is null) return Snapshot.System;
            var user = http.User;
            if (!ReferenceEquals(user, _cachedFor))
            {
                _cached = Snapshot.From(user);
                _cachedFor = user;
            }
            return _cached;
        }
    }

    /// <summary>
    /// A caller's identity and grants, fixed. Two are equal when they are the same user seeing exactly the same rows, so the
    /// same query, filtered for one, answers for both.
    /// </summary>
    public sealed record Snapshot(string? UserId, string? UserName, Role? Role, bool AllAreas, Guid[] AreaIds, Guid? SchoolId, string? SelfNationalId = null,
        string? DisplayName = null)
    {
        public static readonly Snapshot Nobody = new(null, null, null, false, [], null);
        public static readonly Snapshot System = new(null, "system", null, true, [], null);

        public bool Equals(Snapshot? other) =>
            other is not null && UserId == other.UserId && UserName == other.UserName && Role == other.Role && AllAreas == other.AllAreas &&
            SchoolId == other.SchoolId && SelfNationalId == other.SelfNationalId && AreaIds.AsSpan().SequenceEqual(other.AreaIds);

        public override int GetHashCode() => HashCode.Combine(UserId, Role, SchoolId, AreaIds.Length);

        public static Snapshot From(ClaimsPrincipal principal)
        {
            if (principal.Identity?.IsAuthenticated != true) return Nobody;
            var role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var r) ? r : (Role?)null;
            if (role is null) return Nobody;
            var areas = principal.FindAll(AppClaims.Area).Select(c => Guid.Parse(c.Value)).ToArray();
            var school = principal.FindFirstValue(AppClaims.School) is { } s ? Guid.Parse(s) : (Guid?)null;
            var narrowsToSchool = role is Features.Accounts.Role.SchoolAdmin or Features.Accounts.Role.Teacher;
            return new Snapshot(
                principal.FindFirstValue(ClaimTypes.NameIdentifier),
                principal.FindFirstValue(ClaimTypes.Name),
                role,
                role == Features.Accounts.Role.SystemAdmin,
                areas,
                narrowsToSchool ? school ?? Guid.Empty : null,
                principal.FindFirstValue(AppClaims.NationalId),
                principal.FindFirstValue(AppClaims.DisplayName));
        }
    }
}

public static class AppClaims
{
    public const string Area = "phatthana:area";
    public const string School = "phatthana:school";
    public const string DisplayName = "phatthana:display-name";
    public const string NationalId = "phatthana:national-id";
}
