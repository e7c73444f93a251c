using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Audit;

public sealed record AuditDto(Guid Id, DateTimeOffset At, string? User, string Entity, string EntityKey, AuditAction Action, string? Before, string? After);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (AppDbContext db, string? entity, string? key, int? take) =>
        {
            var query = AuditQuery.Filter(db.AuditEntries.AsNoTracking(), entity, key, null, null, null);
            var rows = await AuditQuery.Newest(query).Take(Math.Clamp(take ?? 100, 1, 1000))
                .Select(a => new AuditDto(a.Id, a.At, a.UserName, a.Entity, a.EntityKey, a.Action, a.Before, a.After))
                .ToListAsync();
            return TypedResults.Ok(rows);
        }).RequireAuthorization(Policies.ReadAudit).WithTags("Audit").WithSummary("Newest audit entries the caller may see (?entity=School&key=…)").Returns<List<AuditDto>>();
        return api;
    }
}

/// <summary>The audit log's filters, shared by the page and the API.</summary>
public static class AuditQuery
{
    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, string? entity, string? key, string? user, DateOnly? from, DateOnly? to)
    {
        if (!string.IsNullOrWhiteSpace(entity)) query = query.Where(a => a.Entity == entity);
        if (!string.IsNullOrWhiteSpace(key)) query = query.Where(a => a.EntityKey == key);
        if (!string.IsNullOrWhiteSpace(user)) query = query.Where(a => a.UserName != null && a.UserName.Contains(user));
        // Days are Thai local days (UTC+7); instants are stored and compared in UTC.
        if (from is { } f)
        {
            var start = StartOfThaiDay(f);
            query = query.Where(a => a.At >= start);
        }
        if (to is { } t)
        {
            var end = StartOfThaiDay(t.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        return query;
    }

    private static DateTimeOffset StartOfThaiDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Shared.Thai.ThaiDate.ThailandOffset).ToUniversalTime();

    public static IOrderedQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) => query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
}
