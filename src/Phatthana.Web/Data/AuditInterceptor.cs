using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Data;

/// <summary>Thrown when a write would touch a row outside the caller's areas or school; answered as 404.</summary>
public sealed class ScopeViolationException(string message) : Exception(message);

/// <summary>
/// Runs inside every SaveChanges, before anything is sent: bumps concurrency versions, refuses writes
/// outside the caller's scope, and adds one <see cref="AuditEntry"/> per created/updated/deleted row,
/// so the audit rows commit (or roll back) in the same transaction as the change.
/// </summary>
public sealed class AuditInterceptor(UserScope scope, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = [nameof(AppUser.PasswordHash), nameof(ApiToken.TokenHash)];

    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(IVersioned.Version), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.NormalizedEmail),
        nameof(AppUser.NormalizedUserName), nameof(ITimestamped.UpdatedAt),
    ];

    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(DataProtectionKey), typeof(ApiToken), typeof(Features.Imports.ImportJob),
        // Notifications are a record of their own (the event says who raised what); reading one is not a change to audit.
        typeof(Features.Notifications.NotificationEvent), typeof(Features.Notifications.Notification), typeof(Features.Notifications.OutboxMail)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Prepare(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Prepare(context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// What runs before anything is sent: scope guard, versions, timestamps, the audit entries (added to the context).
    /// <see cref="BulkInsert"/> calls it too, for the chunks of an import it writes itself.
    /// </summary>
    internal void Prepare(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow();
        var audits = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            GuardScope(entry);
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned }) versioned.Version++;
            if (entry is { State: EntityState.Added or EntityState.Modified, Entity: ITimestamped stamped }) stamped.UpdatedAt = now;
            if (ShouldAudit(entry) && ToAudit(entry, now) is { } audit) audits.Add(audit);
        }
        context.AddRange(audits);
    }

    private void GuardScope(EntityEntry entry)
    {
        if (scope.AllAreas) return;
        var areaId = entry.Entity switch
        {
            Area area => area.Id,
            IAreaOwned owned => owned.AreaId,
            _ => (Guid?)null,
        };
        if (areaId is { } id && !scope.AreaIds.Contains(id))
            throw new ScopeViolationException($"{entry.Metadata.ClrType.Name} of another area");
        if (scope.SchoolId is { } school)
        {
            var rowSchool = entry.Entity switch
            {
                School s => s.Id,
                ISchoolOwned owned => owned.SchoolId,
                IOptionalSchoolOwned owned => owned.SchoolId ?? Guid.Empty, // a division's row is not a school's
                _ => (Guid?)null,
            };
            if (rowSchool is { } rs && rs != school)
                throw new ScopeViolationException($"{entry.Metadata.ClrType.Name} of another school");
        }
    }

    private static bool ShouldAudit(EntityEntry entry) =>
        !NotAudited.Contains(entry.Metadata.ClrType) &&
        !entry.Metadata.ClrType.IsGenericType && // Identity's claim/login/token rows
        entry.Metadata.ClrType.Namespace?.StartsWith("Phatthana.", StringComparison.Ordinal) == true;

    private AuditEntry? ToAudit(EntityEntry entry, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !Bookkeeping.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty()).ToList();
        Dictionary<string, object?>? before = null, after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Metadata.Name, p => Value(p, p.CurrentValue));
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Metadata.Name, p => Value(p, p.OriginalValue));
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0) return null;
                before = changed.ToDictionary(p => p.Metadata.Name, p => Value(p, p.OriginalValue));
                after = changed.ToDictionary(p => p.Metadata.Name, p => Value(p, p.CurrentValue));
                break;
        }
        return new AuditEntry
        {
            At = now,
            UserId = scope.UserId,
            UserName = scope.UserName,
            AreaId = entry.Entity switch
            {
                Area area => area.Id,
                IAreaOwned owned => owned.AreaId,
                UserAreaGrant grant => grant.AreaId,
                _ => null,
            },
            Entity = entry.Metadata.ClrType.Name,
            EntityKey = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            },
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
    }

    private static object? Value(PropertyEntry p, object? value) =>
        Secret.Contains(p.Metadata.Name) ? (value is null ? null : "***")
        : value switch
        {
            Enum e => e.ToString(),
            byte[] bytes => $"({bytes.Length:N0} bytes)",
            // Lists of enums (subject areas taught) by name, as single enums are, not as numbers.
            System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(x => x is Enum e ? e.ToString() : x).ToList(),
            _ => value,
        };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
