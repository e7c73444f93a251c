using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Notifications;

/// <summary>
/// Who a notification goes to, by role and scope — never a list of addresses: the people of the registry (through the account
/// that names their national ID and is granted their area), a school's directors, an area's users of some roles, or given users.
/// Parts add up with <see cref="Or"/>.
/// </summary>
public sealed record Audience(IReadOnlyList<Audience.Part> Parts)
{
    public abstract record Part;
    public sealed record PeoplePart(Guid AreaId, IReadOnlyCollection<string> NationalIds) : Part;
    public sealed record DirectorsPart(Guid SchoolId) : Part;
    public sealed record AreaRolesPart(Guid AreaId, IReadOnlyCollection<Role> Roles) : Part;
    public sealed record UsersPart(IReadOnlyCollection<string> UserIds) : Part;

    public static Audience People(Guid areaId, IEnumerable<string> nationalIds) => new([new PeoplePart(areaId, [.. nationalIds.Distinct()])]);
    public static Audience Person(Guid areaId, string nationalId) => People(areaId, [nationalId]);
    public static Audience SchoolDirectors(Guid schoolId) => new([new DirectorsPart(schoolId)]);
    public static Audience AreaRoles(Guid areaId, params Role[] roles) => new([new AreaRolesPart(areaId, roles)]);
    public static Audience Users(params string[] userIds) => new([new UsersPart(userIds)]);

    /// <summary>The area's staff who run training (and so answer for its sessions' results).</summary>
    public static Audience TrainingStaff(Guid areaId) => AreaRoles(areaId, Role.AreaAdmin, Role.Supervisor);

    public Audience Or(Audience other) => new([.. Parts, .. other.Parts]);
}

/// <summary>
/// What a workflow raises: the kind, to whom, the page it leads to (a path of this site), the values its template names, and
/// optionally the area, the due date and — for reminders — the key that marks it as sent once and for all.
/// </summary>
public sealed record NotificationRequest(NotificationKind Kind, Audience To, string Link, IReadOnlyDictionary<string, string?> Values,
    Guid? AreaId = null, DateOnly? DueOn = null, string? DedupeKey = null);

/// <summary>A recipient as resolved: their account, how to greet them, where and how to mail them.</summary>
public sealed record Recipient(string UserId, string Name, string? Email, EmailPreference Preference);

/// <summary>
/// The one way to raise a notification. <see cref="RaiseAsync"/> decides the recipients, renders each one's Thai title and body,
/// and adds the event, their inbox rows and the mails of those who opted in to the caller's context — unsaved, so they are
/// committed by the workflow's own SaveChanges, in its transaction, or not at all (outbox pattern). The caller is never
/// notified of their own act.
/// </summary>
public sealed class Notifier(AppDbContext db, UserScope scope, TimeProvider time, NotificationTemplates templates, OutboxSignal signal,
    IConfiguration configuration, ILogger<Notifier> log)
{
    /// <summary>Where links in mails point: the site's public address (<c>Phatthana:Notifications:BaseUrl</c>).</summary>
    public string BaseUrl { get; } = (configuration["Phatthana:Notifications:BaseUrl"] is { Length: > 0 } b ? b : "http://localhost:5080").TrimEnd('/');

    private bool _wakeOnSave;

    /// <summary>Adds the event and its rows to the context; returns how many were notified. Nothing is saved here.</summary>
    public async Task<int> RaiseAsync(NotificationRequest request, CancellationToken ct = default)
    {
        var recipients = (await ResolveAsync(request.To, ct)).Where(r => r.UserId != scope.UserId).ToList();
        var now = time.GetUtcNow();
        var raised = new NotificationEvent
        {
            Kind = request.Kind.Code, AreaId = request.AreaId, Link = request.Link, DueOn = request.DueOn, RaisedAt = now,
            RaisedBy = scope.UserName ?? "system", Recipients = recipients.Count, DedupeKey = request.DedupeKey,
        };
        db.Add(raised);
        var link = Absolute(request.Link);
        var mails = 0;
        foreach (var r in recipients)
        {
            var values = new Dictionary<string, string?>(request.Values)
            {
                ["recipient"] = r.Name, ["link"] = link, ["due"] = request.DueOn is { } due ? ThaiDate.Long(due) : "",
            };
            var text = templates.Render(request.Kind, values);
            raised.Problem ??= text.Problem;
            db.Add(new Notification
            {
                EventId = raised.Id, UserId = r.UserId, Kind = request.Kind.Code, Title = text.Subject, Body = text.Body, Link = request.Link,
                DueOn = request.DueOn, CreatedAt = now,
            });
            if (r.Preference != EmailPreference.EachEvent || string.IsNullOrWhiteSpace(r.Email)) continue;
            db.Add(new OutboxMail
            {
                EventId = raised.Id, UserId = r.UserId, To = r.Email.Trim(), ToName = r.Name, Subject = text.Subject, Body = text.Body,
                CreatedAt = now, NextAttemptAt = now, Note = text.Problem,
            });
            mails++;
        }
        if (raised.Problem is not null) log.LogWarning("Notification {Kind} raised with a template problem: {Problem}", request.Kind.Code, raised.Problem);
        if (mails > 0 && !_wakeOnSave)
        {
            // The worker is woken once the rows are saved; a commit later than that is found by its next look.
            _wakeOnSave = true;
            db.SavedChanges += (_, _) => signal.Raise();
        }
        return recipients.Count;
    }

    public string Absolute(string link) => link.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link : BaseUrl + "/" + link.TrimStart('/');

    /// <summary>The active accounts an audience names, each once.</summary>
    public async Task<List<Recipient>> ResolveAsync(Audience audience, CancellationToken ct = default)
    {
        var found = new Dictionary<string, Recipient>();
        foreach (var part in audience.Parts)
        {
            var users = db.Users.AsNoTracking().Where(u => u.IsActive);
            users = part switch
            {
                Audience.PeoplePart p when p.NationalIds.Count == 0 => users.Where(u => false),
                Audience.PeoplePart p => users.Where(u => u.NationalId != null && p.NationalIds.Contains(u.NationalId) && u.AreaGrants.Any(g => g.AreaId == p.AreaId)),
                Audience.DirectorsPart d => users.Where(u => u.Role == Role.SchoolAdmin && u.SchoolId == d.SchoolId),
                Audience.AreaRolesPart a => users.Where(u => a.Roles.Contains(u.Role) && u.AreaGrants.Any(g => g.AreaId == a.AreaId)),
                Audience.UsersPart u => users.Where(x => u.UserIds.Contains(x.Id)),
                _ => throw new ArgumentOutOfRangeException(nameof(audience), part, "unknown audience"),
            };
            foreach (var r in await users.Select(u => new Recipient(u.Id, u.DisplayName, u.Email, u.NotificationEmail)).ToListAsync(ct))
                found.TryAdd(r.UserId, r);
        }
        return [.. found.Values];
    }
}

/// <summary>Wakes the outbox worker when mail was written (it also looks every few seconds, for mail written by other instances).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Raise()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
