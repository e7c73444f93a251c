using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Notifications;

public sealed record InboxDto(int Unread, IReadOnlyList<NotificationDto> Items);

public sealed record OutboxMailDto(Guid Id, string To, string Subject, MailStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt, string? LastError, string? Note, bool IsDigest);

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Notifications");
        me.MapGet("/notifications", async (Inbox inbox, bool? unread, string? category, int? take) =>
        {
            var items = await inbox.List(unread == true, category).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync();
            return TypedResults.Ok(new InboxDto(await inbox.UnreadCountAsync(), [.. items.Select(Inbox.Labelled)]));
        }).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The caller's notifications, newest first (?unread=true, ?category=<Thai label>, ?take=) with the unread count").Returns<InboxDto>();
        me.MapPost("/notifications/{id:guid}/read", async (Guid id, Inbox inbox) =>
                await inbox.MarkReadAsync(id) ? Results.NoContent() : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("Mark one of the caller's notifications read");
        me.MapPost("/notifications/read-all", async (Inbox inbox, string? category) => TypedResults.Ok(new { marked = await inbox.MarkAllReadAsync(category) }))
            .RequireAuthorization(Policies.SignedIn).WithSummary("Mark all the caller's notifications read (?category= for one category)");
        me.MapGet("/notification-settings", async (Inbox inbox) => await inbox.SettingsAsync() is { } s ? Results.Ok(s) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("How the caller hears by e-mail").Returns<NotificationSettingsDto>();
        me.MapPut("/notification-settings", async (NotificationSettingsInput? input, Inbox inbox) =>
                (await inbox.SaveSettingsAsync(input)).ToApi(s => TypedResults.Ok(s)))
            .RequireAuthorization(Policies.SignedIn).WithSummary("Set e-mail: {email: Off|EachEvent|DailyDigest}").Returns<NotificationSettingsDto>();

        var outbox = api.MapGroup("/outbox").WithTags("Notifications");
        outbox.MapGet("", async (OutboxAdmin admin, MailStatus? status, int? take) =>
                TypedResults.Ok(await admin.List(status).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync()))
            .RequireAuthorization(Policies.SystemAdmin).WithSummary("The outbox, newest first (?status=Pending|Sent|Failed)").Returns<List<OutboxMailDto>>();
        outbox.MapPost("/{id:guid}/retry", async (Guid id, OutboxAdmin admin) => await admin.RetryAsync(id) ? Results.NoContent() : ApiResults.NotFound())
            .RequireAuthorization(Policies.SystemAdmin).WithSummary("Send a failed (or waiting) mail again now");
        return api;
    }
}

/// <summary>The outbox as an admin sees it: every mail with its status and last error, the events whose template had a problem, and a retry.</summary>
public sealed class OutboxAdmin(AppDbContext db, TimeProvider time, OutboxSignal signal)
{
    public IQueryable<OutboxMailDto> List(MailStatus? status)
    {
        var query = db.OutboxMails.AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        return query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new OutboxMailDto(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError, m.Note, m.IsDigest));
    }

    public async Task<Dictionary<MailStatus, int>> CountsAsync() =>
        await db.OutboxMails.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);

    public Task<List<NotificationEvent>> ProblemsAsync(int take = 20) =>
        db.NotificationEvents.AsNoTracking().Where(e => e.Problem != null).OrderByDescending(e => e.RaisedAt).Take(take).ToListAsync();

    public async Task<bool> RetryAsync(Guid id)
    {
        var now = time.GetUtcNow();
        var changed = await db.OutboxMails.Where(m => m.Id == id && m.Status != MailStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now));
        if (changed == 1) signal.Raise();
        return changed == 1 || await db.OutboxMails.AnyAsync(m => m.Id == id);
    }

    public static string Label(MailStatus status) => status switch
    {
        MailStatus.Pending => "รอส่ง",
        MailStatus.Sent => "ส่งแล้ว",
        MailStatus.Failed => "ส่งไม่สำเร็จ",
        _ => status.ToString(),
    };
}
