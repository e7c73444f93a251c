using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Notifications;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training;

/// <summary>What a session's notifications say about it, and the one call that tells its people.</summary>
public static class TrainingNotifications
{
    /// <summary>The placeholders every session notification fills: course, session, dates, venue.</summary>
    public static Dictionary<string, string?> Values(TrainingSession session, string? course = null) => new()
    {
        ["course"] = course ?? session.Course?.Name ?? "", ["session"] = session.Name, ["venue"] = session.Venue,
        ["dates"] = session.StartDate == session.EndDate ? ThaiDate.Long(session.StartDate) : $"{ThaiDate.Long(session.StartDate)} – {ThaiDate.Long(session.EndDate)}",
    };

    /// <summary>
    /// Raises <paramref name="kind"/> about the session to the people with these national IDs (nothing for none), leading to
    /// <paramref name="link"/> (the session's page by default). Added to <paramref name="db"/>, saved with the caller's change.
    /// </summary>
    public static async Task<int> TellAsync(this Notifier notifier, AppDbContext db, NotificationKind kind, TrainingSession session,
        IReadOnlyCollection<string> nationalIds, string? link = null, CancellationToken ct = default)
    {
        if (nationalIds.Count == 0) return 0;
        var course = session.Course?.Name ?? await db.Courses.AsNoTracking().Where(c => c.Id == session.CourseId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return await notifier.RaiseAsync(new NotificationRequest(kind, Audience.People(session.AreaId, nationalIds), link ?? $"/sessions/{session.Id}",
            Values(session, course), session.AreaId, session.StartDate), ct);
    }

    /// <summary>The national IDs of these registrations' people, whoever the caller is (a teacher cancelling sees only themself).</summary>
    public static Task<List<string>> NationalIdsAsync(AppDbContext db, IReadOnlyCollection<Guid> registrations, CancellationToken ct = default) =>
        (from r in db.Registrations.IgnoreQueryFilters().AsNoTracking()
         where registrations.Contains(r.Id)
         join p in db.People.IgnoreQueryFilters().AsNoTracking() on r.PersonId equals p.Id
         select p.NationalId).ToListAsync(ct);
}
