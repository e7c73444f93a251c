using Microsoft.AspNetCore.Identity;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Features.Accounts;

/// <summary>The six roles of DESIGN.md; one per user.</summary>
public enum Role { SystemAdmin, AreaAdmin, Supervisor, SchoolAdmin, Teacher, Assessor }

public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    /// <summary>The school a SchoolAdmin or Teacher works in; it narrows what they see to that school.</summary>
    public Guid? SchoolId { get; set; }
    public School? School { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The account holder's national ID: links a teacher to their own personnel record.</summary>
    public string? NationalId { get; set; }
    /// <summary>Whether notifications also come by e-mail: each as it happens, once a day, or not (opt-in: off by default).</summary>
    public Notifications.EmailPreference NotificationEmail { get; set; }
    public List<UserAreaGrant> AreaGrants { get; set; } = [];
}

/// <summary>An area a user may see and work in.</summary>
public sealed class UserAreaGrant
{
    public required string UserId { get; set; }
    public Guid AreaId { get; set; }
    public Area? Area { get; set; }
}

/// <summary>A bearer token for the API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
