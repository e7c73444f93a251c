using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Concurrency;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

/// <summary>
/// Registering, in batches (decision 010). The requests for one session that arrive together are answered by one worker
/// of this instance: per caller, one read of the session, one of the people asked for with their registrations for it, then
/// one transaction that claims the seats for all of them with one conditional update of the session's counter and inserts
/// the registrations with their audit rows in one go. Each request still gets its own answer, decided by the same checks in the same
/// order as a request alone. The database's conditional update decides every seat, so instances sharing a database stay
/// correct; within an instance the one worker per session also means one transaction per session at a time, holding one
/// pooled connection, instead of every claimant waiting on the session's row with one each.
/// </summary>
public sealed class RegistrationBatches
{
    /// <summary>A request to register: whom, why when outside the course's target group, for whom (their scope) and when.</summary>
    private sealed record Ask(string? NationalId, string? OverrideReason, UserScope.Snapshot Caller, DateTimeOffset At);

    /// <summary>A request that passed the checks: the seat phase decides Registered or Waitlisted.</summary>
    private sealed record Claim(int Index, Person Person, Registration? Cancelled, string? Reason, DateTimeOffset At);

    /// <summary>A person asked for, with their registration for the session if they have one.</summary>
    private sealed record Found(Person Person, Registration? Registration);

    public const int MaxBatch = 500;
    /// <summary>Tries for one caller's part of a batch when rows committed elsewhere meanwhile refuse its insert.</summary>
    private const int MaxAttempts = 5;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Coalescer<Guid, Ask, Outcome<Registration>> _batches;

    public RegistrationBatches(IServiceScopeFactory scopes, TimeProvider time, IMeterFactory meters)
    {
        _scopes = scopes;
        _time = time;
        _batches = new("registrations", MaxBatch, RunAsync, meters);
    }

    /// <summary>
    /// Registers the person with <paramref name="nationalId"/> in the session for <paramref name="caller"/> (captured on their
    /// request): 404 when the caller cannot see the session; the person must be one they see and active, the session open,
    /// a person outside the course's target group needs a reason, which a teacher cannot give.
    /// </summary>
    public Task<Outcome<Registration>> RegisterAsync(Guid sessionId, string? nationalId, string? overrideReason, UserScope.Snapshot caller) =>
        _batches.RunAsync(sessionId, new Ask(nationalId, overrideReason, caller, _time.GetUtcNow()));

    private async Task<Answer<Outcome<Registration>>[]> RunAsync(Guid sessionId, IReadOnlyList<Ask> batch)
    {
        var answers = new Answer<Outcome<Registration>>[batch.Count];
        // Each caller in a DI scope of their own: their grants filter every read, the write guard and the audit name them.
        // A caller whose part fails (the database gone) gets the failure; the others keep what was committed for them.
        foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i => batch[i].Caller))
        {
            var indexes = group.ToList();
            try
            {
                var outcomes = await RegisterForAsync(sessionId, group.Key, [.. indexes.Select(i => batch[i])]);
                for (var k = 0; k < indexes.Count; k++) answers[indexes[k]] = new(outcomes[k]);
            }
            catch (Exception failure)
            {
                foreach (var i in indexes) answers[i] = Answer<Outcome<Registration>>.Failed(failure);
            }
        }
        return answers;
    }

    /// <summary>One caller's requests, read again when rows they depend on changed meanwhile elsewhere (another instance).</summary>
    private async Task<Outcome<Registration>[]> RegisterForAsync(Guid sessionId, UserScope.Snapshot caller, IReadOnlyList<Ask> asks)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<UserScope>().Use(caller);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifications.Notifier>();
            if (await TryRegisterAsync(db, notifier, sessionId, asks, attempt == MaxAttempts) is { } outcomes) return outcomes;
        }
    }

    /// <summary>
    /// One caller's requests; null when the insert was refused by a row committed elsewhere meanwhile — the same person
    /// registered (unique key) or removed (foreign key) — and they must be read again: then they get their own answer.
    /// </summary>
    private async Task<Outcome<Registration>[]?> TryRegisterAsync(AppDbContext db, Notifications.Notifier notifier, Guid sessionId, IReadOnlyList<Ask> asks, bool lastAttempt)
    {
        var answers = new Outcome<Registration>[asks.Count];
        await db.Database.OpenConnectionAsync();
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null)
        {
            Array.Fill(answers, Outcome<Registration>.NotFound());
            return answers;
        }
        var ids = asks.Where(a => NationalId.Problem(a.NationalId) is null).Select(a => NationalId.Normalise(a.NationalId)).Distinct().ToList();
        // Only people the caller may see (a teacher only themself, a director only their school's staff), each with their
        // registration for this session if any (one at most: unique on session and person).
        var found = ids.Count == 0 ? [] : await (
            from p in db.People.AsNoTracking()
            where p.AreaId == session.AreaId && ids.Contains(p.NationalId)
            join r in db.Registrations.AsNoTracking().Where(r => r.SessionId == session.Id) on p.Id equals r.PersonId into rs
            from r in rs.DefaultIfEmpty()
            select new Found(p, r)).ToDictionaryAsync(f => f.Person.NationalId);
        var today = ThaiDate.TodayInThailand(_time);
        var claims = new List<Claim>();
        var asked = new HashSet<string>();
        for (var i = 0; i < asks.Count; i++)
        {
            var id = NationalId.Normalise(asks[i].NationalId);
            if (Refusal(asks[i], found, session, today, out var reason) is { } refused) answers[i] = refused;
            // The same person asked for twice in one batch: the first to ask is the one registered.
            else if (!asked.Add(id)) answers[i] = Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);
            else claims.Add(new Claim(i, found[id].Person, found[id].Registration, reason, asks[i].At));
        }
        if (claims.Count == 0) return answers;

        // A refused insert rolls the whole part back and reads again, so the savepoint EF would set first is a round trip for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        // A cancelled registration asked for again is claimed first, conditionally, so two requests at once for the same person
        // (on two instances) cannot both reopen it and take two seats: the second finds it no longer cancelled and is refused.
        foreach (var c in claims.Where(c => c.Cancelled is not null).ToList())
            if (await db.Registrations.Where(r => r.Id == c.Cancelled!.Id && r.Status == RegistrationStatus.Cancelled)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Waitlisted)) == 0)
            {
                answers[c.Index] = Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);
                claims.Remove(c);
            }
        var seats = await ClaimSeatsAsync(db, session.Id, claims.Count);
        // Seats go in the order people asked, which is also the waitlist's order.
        foreach (var (c, n) in claims.OrderBy(c => c.At).Select((c, n) => (c, n)))
        {
            var registration = c.Cancelled ?? new Registration { AreaId = session.AreaId, SessionId = session.Id, PersonId = c.Person.Id };
            if (c.Cancelled is null) db.Registrations.Add(registration);
            else db.Registrations.Attach(registration);
            registration.Status = n < seats ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
            registration.RequestedAt = c.At;
            registration.RegisteredBy = db.Scope.UserName;
            registration.OverrideReason = c.Reason;
            answers[c.Index] = Outcome<Registration>.Ok(registration);
        }
        // Each person hears whether they got a seat or wait for one: one event per outcome, in this transaction.
        foreach (var outcome in claims.Select(c => (c.Person.NationalId, answers[c.Index].Value!.Status)).GroupBy(x => x.Status))
            await notifier.TellAsync(db, outcome.Key == RegistrationStatus.Registered ? Notifications.NotificationKinds.RegistrationConfirmed
                : Notifications.NotificationKinds.RegistrationWaitlisted, session, [.. outcome.Select(x => x.NationalId)]);
        try
        {
            // New rows only (the usual case): one COPY of the registrations and one of their audit rows (see BulkInsert).
            await BulkInsert.SaveChangesAsync(db);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) || DbErrors.IsForeignKeyViolation(ex))
        {
            await tx.RollbackAsync();
            if (!lastAttempt) return null;
            foreach (var c in claims) answers[c.Index] = Outcome<Registration>.Duplicate("nationalId", SaveOutcome.SimultaneousMessage);
            return answers;
        }
        await tx.CommitAsync();
        return answers;
    }

    /// <summary>
    /// Why a request is refused before any seat is claimed — the checks of a single request, in its order — or null, with the
    /// override reason to keep (only for someone outside the course's target group).
    /// </summary>
    private static Outcome<Registration>? Refusal(Ask ask, Dictionary<string, Found> found, TrainingSession session, DateOnly today, out string? reason)
    {
        reason = null;
        if (NationalId.Problem(ask.NationalId) is { } problem) return Outcome<Registration>.Invalid([new("nationalId", problem)]);
        if (!found.TryGetValue(NationalId.Normalise(ask.NationalId), out var f))
            return Outcome<Registration>.Invalid([new("nationalId", "ไม่พบบุคลากรที่มีเลขประจำตัวประชาชนนี้ในทะเบียนที่คุณดูแล")]);
        var person = f.Person;
        if (person.Status != PersonStatus.Active)
            return Outcome<Registration>.Invalid([new("nationalId", $"{person.FullName} ไม่ได้ปฏิบัติงานอยู่ ({PersonnelText.Label(person.Status)}) จึงลงทะเบียนไม่ได้")]);
        if (Registrations.WindowProblem(session, today) is { } closed) return Outcome<Registration>.Duplicate("", closed);
        reason = Checks.Clean(ask.OverrideReason);
        if (reason is { Length: > DataSchema.NameLength }) return Outcome<Registration>.Invalid([new("overrideReason", $"เหตุผลยาวได้ไม่เกิน {DataSchema.NameLength} ตัวอักษร")]);
        if (TrainingEligibility.Problem(session.Course!, person) is { } outside)
        {
            // Outside the course's target group: only someone registering others may let them in, and only with a reason.
            if (ask.Caller.Role is Accounts.Role.Teacher or null)
                return Outcome<Registration>.Invalid([new("nationalId", $"{outside} — ติดต่อผู้รับผิดชอบหลักสูตรหากจำเป็นต้องเข้ารับการพัฒนา")]);
            if (reason is null)
                return Outcome<Registration>.Invalid([new("overrideReason", $"{outside} — หากจำเป็นต้องลงทะเบียน กรุณาระบุเหตุผล")]);
        }
        else reason = null;
        if (f.Registration is { Status: not RegistrationStatus.Cancelled }) return Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);
        return null;
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> seats on the session's counter and says how many. The conditional update decides:
    /// the counter never passes the capacity, however many instances claim at once; a claim that finds fewer seats than it
    /// read (another instance took some meanwhile) reads again. A full session is answered by the read alone, locking nothing.
    /// </summary>
    private static async Task<int> ClaimSeatsAsync(AppDbContext db, Guid sessionId, int wanted)
    {
        while (wanted > 0)
        {
            var free = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => s.Capacity - s.Registered).FirstAsync();
            if (free <= 0) return 0;
            var take = Math.Min(wanted, free);
            if (await db.TrainingSessions.Where(s => s.Id == sessionId && s.Registered + take <= s.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered + take)) == 1)
                return take;
        }
        return 0;
    }
}
