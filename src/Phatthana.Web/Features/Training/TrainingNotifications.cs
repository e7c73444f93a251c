using Phatthana.Web.Features.Notifications;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training;

/// <summary>What a session's notifications say about it, and the one call that tells its people.</summary>
public static class TrainingNotifications
{
    /// <summary>The placeholders every session notification fills: course, session, dates, venue (the session's course loaded).</summary>
    public static Dictionary<string, string?> Values(TrainingSession session) => new()
    {
        ["course"] = session.Course?.Name ?? "", ["session"] = session.Name, ["venue"] = session.Venue,
        ["dates"] = session.StartDate == session.EndDate ? ThaiDate.Long(session.StartDate) : $"{ThaiDate.Long(session.StartDate)} – {ThaiDate.Long(session.EndDate)}",
    };

    /// <summary>Raises <paramref name="kind"/> about the session to the people with these national IDs (nothing for none).</summary>
    public static async Task<int> TellAsync(this Notifier notifier, NotificationKind kind, TrainingSession session, IReadOnlyCollection<string> nationalIds,
        Dictionary<string, string?>? more = null, CancellationToken ct = default)
    {
        if (nationalIds.Count == 0) return 0;
        var values = Values(session);
        foreach (var (k, v) in more ?? []) values[k] = v;
        return await notifier.RaiseAsync(new NotificationRequest(kind, Audience.People(session.AreaId, nationalIds), $"/sessions/{session.Id}", values,
            session.AreaId, session.StartDate), ct);
    }
}
