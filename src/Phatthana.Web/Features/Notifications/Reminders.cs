using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Notifications;

/// <summary>When reminders go (<c>Phatthana:Notifications</c>).</summary>
public sealed class ReminderOptions
{
    public bool RemindersEnabled { get; set; } = true;
    /// <summary>How often the scheduler looks (minutes).</summary>
    public double ReminderMinutes { get; set; } = 60;
    /// <summary>A reminder goes this many days before a due date…</summary>
    public int RemindDaysBefore { get; set; } = 3;
    /// <summary>…and once the day after it passed — or, if the scheduler was down then, on a later day up to this many days after.</summary>
    public int OverdueWindowDays { get; set; } = 7;
    /// <summary>ID Plans of a fiscal year are due on this month and day (by default 30 November, two months into the year).</summary>
    public int IdPlanDueMonth { get; set; } = 11;
    public int IdPlanDueDay { get; set; } = 30;
    /// <summary>A session's results are due this many days after its last day.</summary>
    public int ResultsDueDays { get; set; } = 7;
    /// <summary>A school's data are stale this many days after they last changed (the data-quality page's measure).</summary>
    public int StaleDays { get; set; } = DataQuality.DataQualityChecks.DefaultStaleDays;
    /// <summary>The hour (Thai time) from which the daily digest goes.</summary>
    public int DigestHour { get; set; } = 7;
}

/// <summary>
/// The scheduler's work, run as the system: reminders N days before a due date and the day after it passed — ID Plans not
/// submitted, self-assessment rounds not submitted, session results not approved, schools whose data went stale — plus the
/// reminder before a session starts. Each reminder carries a key (what, which, which stage) kept unique on the event table:
/// what was sent is recorded in the same transaction as sending it, so a restart, a second run or a second instance never
/// sends it again.
/// </summary>
public sealed class Reminders(AppDbContext db, Notifier notifier, Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    DataQuality.DataQualityChecks quality, Recognition.Standings standings, ILogger<Reminders> log)
{
    public enum Stage { Before, Overdue }

    private ReminderOptions O => options.Value;

    /// <summary>Which reminder is due on <paramref name="today"/> for something due on <paramref name="due"/>, if any.</summary>
    public Stage? StageOn(DateOnly today, DateOnly due) =>
        today >= due.AddDays(-O.RemindDaysBefore) && today < due ? Stage.Before
        : today > due && today <= due.AddDays(O.OverdueWindowDays) ? Stage.Overdue
        : null;

    private static string When(Stage stage, DateOnly due) =>
        stage == Stage.Before ? $"ครบกำหนด {ThaiDate.Long(due)}" : $"เลยกำหนดแล้ว (ครบกำหนด {ThaiDate.Long(due)})";

    /// <summary>Raises every reminder due on <paramref name="today"/> that was not raised before; returns how many were raised.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var raised = 0;
        var areas = await db.Areas.AsNoTracking().Select(a => a.Id).ToListAsync(ct);
        foreach (var area in areas)
        {
            raised += await IdPlansAsync(area, today, ct);
            raised += await SchoolsAsync(area, today, ct);
        }
        raised += await RoundsAsync(today, ct);
        raised += await SessionsAsync(today, ct);
        raised += await AwardsAsync(today, ct);
        return raised;
    }

    private async Task<int> IdPlansAsync(Guid area, DateOnly today, CancellationToken ct)
    {
        var year = SchoolCalendar.FiscalYearOf(today);
        var start = SchoolCalendar.FiscalYearStart(year);
        var due = new DateOnly(start.Year + (O.IdPlanDueMonth >= start.Month ? 0 : 1), O.IdPlanDueMonth, O.IdPlanDueDay);
        if (StageOn(today, due) is not { } stage) return 0;
        var key = $"id-plan-due:{area}:{year}:{stage}";
        if (await SentAsync(key, ct)) return 0;
        // Only people with an account can be reminded: read from the accounts' side, so an area of a thousand people stays one query.
        var people = await (from u in db.Users.AsNoTracking()
                            where u.IsActive && u.NationalId != null
                            join p in db.People.AsNoTracking() on u.NationalId equals p.NationalId
                            where p.AreaId == area && p.Status == PersonStatus.Active &&
                                  !db.IdPlans.Any(x => x.PersonId == p.Id && x.FiscalYear == year && (x.Status == IdPlanStatus.Submitted || x.Status == IdPlanStatus.Approved))
                            select p.NationalId).Distinct().ToListAsync(ct);
        if (people.Count == 0) return 0;
        return await RaiseOnceAsync(new NotificationRequest(NotificationKinds.IdPlanDue, Audience.People(area, people), "/me/id-plan",
            new Dictionary<string, string?> { ["year"] = year.ToString(), ["when"] = When(stage, due) }, area, due, key), ct);
    }

    private async Task<int> RoundsAsync(DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-O.OverdueWindowDays);
        var to = today.AddDays(O.RemindDaysBefore);
        var rounds = await db.AssessmentRounds.AsNoTracking()
            .Where(r => r.Status == Assessment.RoundStatus.Open && r.EndDate >= from && r.EndDate <= to).ToListAsync(ct);
        var raised = 0;
        foreach (var r in rounds)
        {
            if (StageOn(today, r.EndDate) is not { } stage) continue;
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.RoundDue,
                Audience.AreaRoles(r.AreaId, Accounts.Role.AreaAdmin, Accounts.Role.Supervisor), $"/assessment-rounds/{r.Id}",
                new Dictionary<string, string?> { ["round"] = r.Name, ["when"] = When(stage, r.EndDate) }, r.AreaId, r.EndDate,
                $"assessment-round-due:{r.Id}:{stage}"), ct);
        }
        return raised;
    }

    private async Task<int> SessionsAsync(DateOnly today, CancellationToken ct)
    {
        var raised = 0;
        // Results not approved: due some days after the session's last day.
        var endedFrom = today.AddDays(-O.ResultsDueDays - O.OverdueWindowDays);
        var endedTo = today.AddDays(-O.ResultsDueDays + O.RemindDaysBefore);
        var ended = await db.TrainingSessions.AsNoTracking().Include(s => s.Course)
            .Where(s => s.ResultsApprovedAt == null && s.Status != SessionStatus.Planned && s.Registered > 0 && s.EndDate >= endedFrom && s.EndDate <= endedTo)
            .ToListAsync(ct);
        foreach (var s in ended)
        {
            var due = s.EndDate.AddDays(O.ResultsDueDays);
            if (StageOn(today, due) is not { } stage || today <= s.EndDate) continue;
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.ResultsDue, Audience.TrainingStaff(s.AreaId), $"/sessions/{s.Id}/results",
                new Dictionary<string, string?>(TrainingNotifications.Values(s)) { ["ended"] = ThaiDate.Long(s.EndDate), ["when"] = When(stage, due) },
                s.AreaId, due, $"results-due:{s.Id}:{stage}"), ct);
        }
        // The people registered, a few days before a session starts.
        var starting = await db.TrainingSessions.AsNoTracking().Include(s => s.Course)
            .Where(s => s.Status != SessionStatus.Planned && s.StartDate > today && s.StartDate <= today.AddDays(O.RemindDaysBefore)).ToListAsync(ct);
        foreach (var s in starting)
        {
            var key = $"session-reminder:{s.Id}";
            if (await SentAsync(key, ct)) continue;
            var people = await db.Registrations.AsNoTracking().Where(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Registered)
                .Select(r => r.Person!.NationalId).ToListAsync(ct);
            if (people.Count == 0) continue;
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.SessionReminder, Audience.People(s.AreaId, people), $"/sessions/{s.Id}",
                TrainingNotifications.Values(s), s.AreaId, s.StartDate, key), ct);
        }
        return raised;
    }

    /// <summary>
    /// Award selections: once, on a day inside the nomination window, to those the programme lets nominate (the area's staff,
    /// the schools' directors, the teachers when self-nomination is allowed); and, some days before the scoring deadline while
    /// scoring is open, to the committee members who still owe a sheet. Nothing after the deadline: scoring is refused then.
    /// </summary>
    private async Task<int> AwardsAsync(DateOnly today, CancellationToken ct)
    {
        var raised = 0;
        var open = await db.AwardSelections.AsNoTracking().Include(s => s.Programme)
            .Where(s => s.AnnouncedAt == null && s.NominationsClosedAt == null && s.NominationOpens <= today && s.NominationCloses >= today).ToListAsync(ct);
        foreach (var s in open)
        {
            var roles = new List<Accounts.Role> { Accounts.Role.AreaAdmin };
            if (s.Programme!.SchoolsNominate) roles.Add(Accounts.Role.SchoolAdmin);
            if (s.Programme.SelfNomination) roles.Add(Accounts.Role.Teacher);
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.NominationWindowOpen, Audience.AreaRoles(s.AreaId, [.. roles]),
                $"/award-selections/{s.Id}", new Dictionary<string, string?> { ["award"] = $"{s.Programme.Name} {s.Title}" }, s.AreaId, s.NominationCloses,
                $"nomination-open:{s.Id}"), ct);
        }
        var scoring = await db.AwardSelections.AsNoTracking().Include(s => s.Programme)
            .Where(s => s.AnnouncedAt == null && (s.NominationsClosedAt != null || s.NominationCloses < today) && s.ScoringCloses >= today
                        && s.ScoringCloses <= today.AddDays(O.RemindDaysBefore)).ToListAsync(ct);
        foreach (var s in scoring)
        {
            var key = $"scoring-due:{s.Id}";
            if (await SentAsync(key, ct)) continue;
            var owing = (await standings.BuildAsync(s, ct)).OwingUsers;
            if (owing.Count == 0) continue;
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.ScoringDue, Audience.Users([.. owing]), $"/award-selections/{s.Id}",
                new Dictionary<string, string?> { ["award"] = $"{s.Programme!.Name} {s.Title}" }, s.AreaId, s.ScoringCloses, key), ct);
        }
        return raised;
    }

    private async Task<int> SchoolsAsync(Guid area, DateOnly today, CancellationToken ct)
    {
        var report = await quality.RunAsync(area, O.StaleDays, ct);
        var codes = report.Schools.Select(s => s.Code).ToList();
        var ids = await db.Schools.AsNoTracking().Where(s => s.AreaId == area && codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var raised = 0;
        foreach (var s in report.Schools)
        {
            if (s.LastUpdate is not { } last || !ids.TryGetValue(s.Code, out var school)) continue;
            var updated = DateOnly.FromDateTime(last.ToOffset(ThaiDate.ThailandOffset).DateTime);
            var due = updated.AddDays(O.StaleDays);
            if (StageOn(today, due) is not { } stage) continue;
            raised += await RaiseOnceAsync(new NotificationRequest(NotificationKinds.SchoolDataStale, Audience.SchoolDirectors(school), $"/schools/{s.Code}",
                new Dictionary<string, string?> { ["school"] = s.Name, ["updated"] = ThaiDate.Long(updated), ["when"] = When(stage, due) }, area, due,
                $"school-data-stale:{school}:{updated:yyyyMMdd}:{stage}"), ct);
        }
        return raised;
    }

    private Task<bool> SentAsync(string key, CancellationToken ct) => db.NotificationEvents.AsNoTracking().AnyAsync(e => e.DedupeKey == key, ct);

    /// <summary>
    /// Raises and saves one reminder unless its key was raised before; a second instance doing the same at the same moment is
    /// refused by the key's unique index, and its attempt leaves nothing behind.
    /// </summary>
    private async Task<int> RaiseOnceAsync(NotificationRequest request, CancellationToken ct)
    {
        if (await SentAsync(request.DedupeKey!, ct)) return 0;
        await notifier.RaiseAsync(request, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            log.LogInformation("Reminder {Key} was raised meanwhile elsewhere", request.DedupeKey);
            return 0;
        }
    }
}

/// <summary>
/// The daily digest: once a day from <see cref="ReminderOptions.DigestHour"/> (Thai time), one mail per user on the digest
/// listing their notifications not yet mailed. The notifications are claimed for the mail conditionally in its transaction, so
/// two instances never mail the same ones.
/// </summary>
public sealed class DigestMailer(AppDbContext db, Notifier notifier, TimeProvider time, Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    NotificationTemplates templates, OutboxSignal signal)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var local = now.ToOffset(ThaiDate.ThailandOffset);
        if (local.Hour < options.Value.DigestHour) return 0;
        var today = DateOnly.FromDateTime(local.DateTime);
        var dayStart = new DateTimeOffset(local.Date, ThaiDate.ThailandOffset).ToUniversalTime();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.NotificationEmail == EmailPreference.DailyDigest && u.Email != null)
            .Where(u => db.Notifications.Any(n => n.UserId == u.Id && n.DigestMailId == null))
            .Where(u => !db.OutboxMails.Any(m => m.UserId == u.Id && m.IsDigest && m.CreatedAt >= dayStart))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var mailed = 0;
        foreach (var u in users)
        {
            var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == u.Id && n.DigestMailId == null)
                .OrderBy(n => n.CreatedAt).Take(200).ToListAsync(ct);
            if (items.Count == 0) continue;
            var text = templates.Render(NotificationKinds.Digest, new Dictionary<string, string?>
            {
                ["recipient"] = u.DisplayName, ["link"] = notifier.Absolute("/me/notifications"), ["due"] = "", ["date"] = ThaiDate.Long(today),
                ["count"] = items.Count.ToString("#,0"),
                ["items"] = string.Join("\n", items.Select(n => $"• {n.Title}\n  {notifier.Absolute(n.Link)}")),
            });
            var mail = new OutboxMail
            {
                UserId = u.Id, To = u.Email!, ToName = u.DisplayName, Subject = text.Subject, Body = text.Body, IsDigest = true,
                CreatedAt = now, NextAttemptAt = now, Note = text.Problem,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.OutboxMails.Add(mail);
            await db.SaveChangesAsync(ct);
            var ids = items.Select(n => n.Id).ToList();
            if (await db.Notifications.Where(n => ids.Contains(n.Id) && n.DigestMailId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestMailId, mail.Id), ct) != ids.Count)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }
            await tx.CommitAsync(ct);
            mailed++;
        }
        if (mailed > 0) signal.Raise();
        return mailed;
    }
}

/// <summary>Runs the reminders and the digest as the system, every <see cref="ReminderOptions.ReminderMinutes"/>.</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (!options.Value.RemindersEnabled) return;
        await Task.Yield();
        var every = TimeSpan.FromMinutes(Math.Max(0.05, options.Value.ReminderMinutes));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
                var reminded = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(ThaiDate.TodayInThailand(time), stop);
                var digests = await scope.ServiceProvider.GetRequiredService<DigestMailer>().RunAsync(stop);
                if (reminded + digests > 0) log.LogInformation("{Reminders} reminder(s) and {Digests} digest(s) raised", reminded, digests);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reminder scheduler failed; trying again at its next run");
            }
            try { await Task.Delay(every, time, stop); }
            catch (OperationCanceledException) { return; }
        }
    }
}
