using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Notifications;

/// <summary>A notification as the inbox (page and API) shows it.</summary>
public sealed record NotificationDto(Guid Id, string Kind, string Category, string Title, string Body, string Link, DateOnly? DueOn,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool Unread => ReadAt is null;
}

/// <summary>The caller's notification settings (page and API).</summary>
public sealed record NotificationSettingsDto(EmailPreference Email, string? Address);

public sealed record NotificationSettingsInput(string? Email);

/// <summary>
/// The signed-in user's inbox: theirs only (the query filter, and the user named here), newest first, filtered by unread and
/// by category; read one, or all.
/// </summary>
public sealed class Inbox(AppDbContext db, UserScope scope, TimeProvider time)
{
    public string? UserId => scope.UserId;

    private IQueryable<Notification> Mine => db.Notifications.AsNoTracking().Where(n => n.UserId == scope.UserId);

    public Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        scope.UserId is null ? Task.FromResult(0) : Mine.CountAsync(n => n.ReadAt == null, ct);

    /// <summary>The kind codes of a category label (the inbox's filter), or null for all.</summary>
    public static IReadOnlyList<string>? KindsOf(string? category) =>
        string.IsNullOrWhiteSpace(category) ? null : NotificationKinds.All.Where(k => k.Label == category.Trim()).Select(k => k.Code).ToList();

    public IQueryable<NotificationDto> List(bool unreadOnly, string? category)
    {
        var query = Mine;
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        if (KindsOf(category) is { } kinds) query = query.Where(n => kinds.Contains(n.Kind));
        return query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new NotificationDto(n.Id, n.Kind, "", n.Title, n.Body, n.Link, n.DueOn, n.CreatedAt, n.ReadAt));
    }

    /// <summary>Rows as read, with their category's Thai label.</summary>
    public static NotificationDto Labelled(NotificationDto n) => n with { Category = NotificationKinds.Find(n.Kind)?.Label ?? n.Kind };

    public async Task<NotificationDto?> FindAsync(Guid id, CancellationToken ct = default) =>
        await Mine.Where(n => n.Id == id).Select(n => new NotificationDto(n.Id, n.Kind, "", n.Title, n.Body, n.Link, n.DueOn, n.CreatedAt, n.ReadAt))
            .FirstOrDefaultAsync(ct) is { } found ? Labelled(found) : null;

    /// <summary>Marks one of the caller's notifications read (again is fine); false when it is not theirs or not there.</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        if (scope.UserId is null) return false;
        var now = time.GetUtcNow();
        if (await Mine.Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct) == 1) return true;
        return await Mine.AnyAsync(n => n.Id == id, ct);
    }

    public async Task<int> MarkAllReadAsync(string? category = null, CancellationToken ct = default)
    {
        if (scope.UserId is null) return 0;
        var now = time.GetUtcNow();
        var query = Mine.Where(n => n.ReadAt == null);
        if (KindsOf(category) is { } kinds) query = query.Where(n => kinds.Contains(n.Kind));
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NotificationSettingsDto?> SettingsAsync(CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => new NotificationSettingsDto(u.NotificationEmail, u.Email)).FirstOrDefaultAsync(ct);

    /// <summary>Sets how the caller hears by e-mail: Off, EachEvent or DailyDigest.</summary>
    public async Task<Outcome<NotificationSettingsDto>> SaveSettingsAsync(NotificationSettingsInput? input, CancellationToken ct = default)
    {
        if (!Enum.TryParse<EmailPreference>(input?.Email?.Trim(), ignoreCase: true, out var choice) || !Enum.IsDefined(choice) || int.TryParse(input!.Email, out _))
            return Outcome<NotificationSettingsDto>.Invalid([new("email", "กรุณาเลือกการรับอีเมล: ไม่รับ (Off), ทุกครั้ง (EachEvent) หรือสรุปวันละครั้ง (DailyDigest)")]);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == scope.UserId, ct);
        if (user is null) return Outcome<NotificationSettingsDto>.NotFound();
        if (choice != EmailPreference.Off && OutboxSender.AddressProblem(user.Email) is not null)
            return Outcome<NotificationSettingsDto>.Invalid([new("email", "บัญชีของท่านไม่มีที่อยู่อีเมลที่ส่งถึงได้ จึงรับทางอีเมลไม่ได้ — ติดต่อผู้ดูแลระบบ")]);
        user.NotificationEmail = choice;
        var saved = await db.TrySaveAsync(user, "", "", ct);
        return saved.Succeeded ? Outcome<NotificationSettingsDto>.Ok(new(choice, user.Email)) : saved.As<NotificationSettingsDto>();
    }

    public static string Label(EmailPreference preference) => preference switch
    {
        EmailPreference.Off => "ไม่รับทางอีเมล (ดูในระบบเท่านั้น)",
        EmailPreference.EachEvent => "รับอีเมลทุกครั้งที่มีการแจ้งเตือน",
        EmailPreference.DailyDigest => "รับอีเมลสรุปวันละครั้ง",
        _ => preference.ToString(),
    };
}
