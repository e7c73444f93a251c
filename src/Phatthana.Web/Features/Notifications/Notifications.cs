namespace Phatthana.Web.Features.Notifications;

/// <summary>How a user wants to hear of their notifications by e-mail (the in-app inbox always has them).</summary>
public enum EmailPreference { Off, EachEvent, DailyDigest }

/// <summary>An outbox mail's life: waiting (to be sent, or to be tried again), sent, or given up on (an admin may retry it).</summary>
public enum MailStatus { Pending, Sent, Failed }

/// <summary>
/// What a workflow raised: which kind, about what (the link back), by when, by whom. It is written in the workflow's own
/// transaction with one <see cref="Notification"/> per recipient and the recipients' mails, so a workflow that fails raises
/// nothing. <see cref="DedupeKey"/> (unique) is what a reminder records: the same reminder is never raised twice.
/// </summary>
public sealed class NotificationEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The kind's code (<see cref="NotificationKinds"/>).</summary>
    public required string Kind { get; set; }
    public Guid? AreaId { get; set; }
    /// <summary>The page the notification leads to, a path of this site ("/people/…/id-plans/2570").</summary>
    public required string Link { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>Who raised it (their sign-in name), or "system" for reminders.</summary>
    public string? RaisedBy { get; set; }
    public int Recipients { get; set; }
    public string? DedupeKey { get; set; }
    /// <summary>What went wrong turning the kind's template into text (a placeholder the template names but the event lacks), for an admin.</summary>
    public string? Problem { get; set; }
}

/// <summary>One recipient's copy of an event in their inbox, its title and text as rendered for them.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string Link { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>For a user on the daily digest: the digest mail that carried it (none yet = still to be sent).</summary>
    public Guid? DigestMailId { get; set; }
}

/// <summary>
/// A mail to be delivered (transactional outbox): written with the event, sent by <see cref="OutboxWorker"/> through SMTP, tried
/// again with growing waits while the server is down or refuses, never lost. Its status and last error are an admin's to see.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? EventId { get; set; }
    public string? UserId { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public bool IsDigest { get; set; }
    public MailStatus Status { get; set; } = MailStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When it may be tried next (the back-off); a worker that claims it pushes this ahead, so no other instance sends it meanwhile.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>A problem noted when the mail was written (the template's), beside any sending error.</summary>
    public string? Note { get; set; }
}
