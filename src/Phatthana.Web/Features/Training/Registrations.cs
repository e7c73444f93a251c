using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

/// <summary>
/// One row of a session's results (API.md): scores in per cent. <paramref name="Days"/> (optional) are the session's days the
/// person signed in on; with them, attended may be left out (any day = attended) and hours default to the course's hours
/// in proportion to the days present.
/// </summary>
public sealed record ResultInput(string? NationalId, bool? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest, List<DateOnly>? Days = null);

/// <summary>A registration as the API answers it.</summary>
public sealed record RegistrationDto(string NationalId, string Name, RegistrationStatus Status, bool? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest,
    bool? Passed, string? Certificate, IReadOnlyList<DateOnly> Days, string? OverrideReason);

/// <summary>
/// Registering, cancelling and results. A seat is taken by one conditional update of the session's counter (only while
/// below capacity) in the same transaction as the registration row, so parallel requests for the last seat cannot both
/// get it, and a refused row gives its seat back. A cancelled seat goes to the first on the waitlist.
/// </summary>
public sealed class Registrations(AppDbContext db, UserScope scope, TimeProvider time)
{
    public async Task<Outcome<Registration>> RegisterAsync(TrainingSession session, string? nationalId, string? overrideReason = null, CancellationToken ct = default)
    {
        var id = NationalId.Normalise(nationalId);
        if (NationalId.Problem(nationalId) is { } problem) return Outcome<Registration>.Invalid([new("nationalId", problem)]);
        // The person must be one the caller may see: a teacher only themself, a director only their school's staff.
        // With their registration for this session, if any, in the same round trip (one row at most: unique on session and person).
        var found = await (from p in db.People
                           where p.AreaId == session.AreaId && p.NationalId == id
                           join r in db.Registrations.Where(r => r.SessionId == session.Id) on p.Id equals r.PersonId into rs
                           from r in rs.DefaultIfEmpty()
                           select new { Person = p, Existing = r }).FirstOrDefaultAsync(ct);
        var person = found?.Person;
        if (person is null) return Outcome<Registration>.Invalid([new("nationalId", "ไม่พบบุคลากรที่มีเลขประจำตัวประชาชนนี้ในทะเบียนที่คุณดูแล")]);
        if (person.Status != PersonStatus.Active)
            return Outcome<Registration>.Invalid([new("nationalId", $"{person.FullName} ไม่ได้ปฏิบัติงานอยู่ ({PersonnelText.Label(person.Status)}) จึงลงทะเบียนไม่ได้")]);
        if (WindowProblem(session, ThaiDate.TodayInThailand(time)) is { } closed) return Outcome<Registration>.Duplicate("", closed);
        var reason = Checks.Clean(overrideReason);
        if (reason is { Length: > DataSchema.NameLength }) return Outcome<Registration>.Invalid([new("overrideReason", $"เหตุผลยาวได้ไม่เกิน {DataSchema.NameLength} ตัวอักษร")]);
        var course = session.Course ?? await db.Courses.AsNoTracking().FirstAsync(c => c.Id == session.CourseId, ct);
        if (TrainingEligibility.Problem(course, person) is { } outside)
        {
            // Outside the course's target group: only someone registering others may let them in, and only with a reason.
            if (scope.Role is Role.Teacher or null)
                return Outcome<Registration>.Invalid([new("nationalId", $"{outside} — ติดต่อผู้รับผิดชอบหลักสูตรหากจำเป็นต้องเข้ารับการพัฒนา")]);
            if (reason is null)
                return Outcome<Registration>.Invalid([new("overrideReason", $"{outside} — หากจำเป็นต้องลงทะเบียน กรุณาระบุเหตุผล")]);
        }
        else reason = null;
        var existing = found!.Existing;
        if (existing is { Status: not RegistrationStatus.Cancelled }) return Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);

        // While the session has seats, claimants of this process take turns before the transaction (see SeatTurns); the
        // database's conditional update below still decides every seat.
        using var turn = session.Registered < session.Capacity ? await SeatTurns.TakeAsync(session.Id, ct) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A cancelled registration asked for again is claimed first, conditionally, so two requests at once for the same
        // person cannot both reopen it and take two seats: the second finds it no longer cancelled and is refused.
        if (existing is not null && await db.Registrations.Where(r => r.Id == existing.Id && r.Status == RegistrationStatus.Cancelled)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Waitlisted), ct) == 0)
        {
            await tx.RollbackAsync(ct);
            return Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);
        }
        var seat = await db.TrainingSessions.Where(s => s.Id == session.Id && s.Registered < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered + 1), ct);
        // No seat: nothing of the session's row is held, so the next claimant need not wait for this one's commit.
        if (seat == 0) turn?.Dispose();
        SeatTurns.Saw(session.Id, full: seat == 0);
        var registration = existing ?? new Registration { AreaId = session.AreaId, SessionId = session.Id, PersonId = person.Id };
        registration.Status = seat == 1 ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
        registration.RequestedAt = time.GetUtcNow();
        registration.RegisteredBy = scope.UserName;
        registration.OverrideReason = reason;
        if (existing is null) db.Registrations.Add(registration);
        var saved = await db.TrySaveAsync(registration, "nationalId", T.AlreadyRegistered, ct);
        if (!saved.Succeeded)
        {
            await tx.RollbackAsync(ct);
            // The unique key on (session, person) was hit by a parallel request for the same person.
            return saved.Conflict is { Field: "" } ? Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered) : saved;
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>
    /// Turns for claiming a seat, per session, within this process. A claimed seat holds the session's row until its
    /// transaction commits; without turns every other claimant would wait on that row inside PostgreSQL, each holding a
    /// pooled connection — a burst of 500 filled the pool with waiters and starved everything else, and every commit woke all
    /// of them to re-check the row. With turns the waiting is done here, without a connection. Turns only order the claims:
    /// correctness (never more seats than capacity) rests on the conditional update alone, so several instances of the app
    /// stay correct. Once a claimant finds the session full, the others go straight to the database (which answers "full"
    /// without waiting) until a claim succeeds again. Sessions share 64 stripes (a collision only makes two sessions take
    /// turns together, or skip them — either way the database decides).
    /// </summary>
    internal static class SeatTurns
    {
        private sealed class Stripe
        {
            public readonly SemaphoreSlim Gate = new(1, 1);
            /// <summary>The session last found full here, if any (a hint: a stale one only means no turns).</summary>
            public Guid? Full;
        }

        private static readonly Stripe[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new Stripe())];

        private static Stripe For(Guid sessionId) => Stripes[(uint)sessionId.GetHashCode() % (uint)Stripes.Length];

        /// <summary>A turn, or null when the session was last found full (the claim will find no seat and lock nothing).</summary>
        public static async Task<Turn?> TakeAsync(Guid sessionId, CancellationToken ct)
        {
            var stripe = For(sessionId);
            lock (stripe)
                if (stripe.Full == sessionId) return null;
            await stripe.Gate.WaitAsync(ct);
            // Found full while this one waited: pass the turn on at once.
            lock (stripe)
            {
                if (stripe.Full == sessionId)
                {
                    stripe.Gate.Release();
                    return null;
                }
            }
            return new Turn(stripe.Gate);
        }

        /// <summary>What a claim found: full (later claimants skip their turn) or a seat (turns again).</summary>
        public static void Saw(Guid sessionId, bool full)
        {
            var stripe = For(sessionId);
            lock (stripe)
            {
                if (full) stripe.Full = sessionId;
                else if (stripe.Full == sessionId) stripe.Full = null;
            }
        }

        /// <summary>Released once, by whichever comes first: no seat, or the end of the transaction.</summary>
        public sealed class Turn(SemaphoreSlim stripe) : IDisposable
        {
            private int _released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
            }
        }
    }

    /// <summary>Why registration is shut on <paramref name="today"/> (status or window), or null when it is open.</summary>
    public static string? WindowProblem(TrainingSession session, DateOnly today)
    {
        if (session.Status == SessionStatus.Planned) return "รุ่นนี้ยังไม่เปิดรับลงทะเบียน";
        if (session.Status != SessionStatus.Open) return T.SessionClosed;
        if (session.RegistrationOpensOn is { } opens && today < opens) return $"รุ่นนี้เปิดรับลงทะเบียนตั้งแต่ {ThaiDate.Short(opens)}";
        if (session.RegistrationClosesOn is { } closes && today > closes) return $"รุ่นนี้ปิดรับลงทะเบียนแล้วเมื่อ {ThaiDate.Short(closes)}";
        return null;
    }

    /// <summary>
    /// Gives free seats (after the capacity was raised) to the first on the waitlist, in the order they asked. The seats are
    /// claimed on the session's counter first, conditionally, so a registration arriving at the same time cannot overfill.
    /// </summary>
    public async Task<int> FillSeatsAsync(Guid sessionId, CancellationToken ct = default)
    {
        var promoted = 0;
        for (var round = 0; round < 1000; round++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.TrainingSessions.Where(s => s.Id == sessionId && s.Registered < s.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered + 1), ct) == 0) break;
            var next = await db.Registrations.AsNoTracking().Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.RequestedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (next is null || await db.Registrations.Where(r => r.Id == next && r.Status == RegistrationStatus.Waitlisted)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Registered).SetProperty(r => r.UpdatedAt, time.GetUtcNow()), ct) == 0)
            {
                await tx.RollbackAsync(ct);
                if (next is null) break;
                continue;
            }
            await tx.CommitAsync(ct);
            promoted++;
        }
        return promoted;
    }

    /// <summary>Cancels a registration; a seat it held goes to the first waiting, or back to the session.</summary>
    public async Task<Outcome<Registration>> CancelAsync(TrainingSession session, Registration registration, CancellationToken ct = default)
    {
        if (registration.Status == RegistrationStatus.Cancelled) return Outcome<Registration>.Ok(registration);
        if (session.ResultsApprovedAt is not null) return Outcome<Registration>.Duplicate("", T.ResultsApproved);
        var heldSeat = registration.Status == RegistrationStatus.Registered;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claimed conditionally, so the same registration cancelled twice at once frees (and promotes into) one seat, not two.
        var previous = registration.Status;
        if (await db.Registrations.Where(r => r.Id == registration.Id && r.Status == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled), ct) == 0)
        {
            await tx.RollbackAsync(ct);
            var now = await db.Registrations.AsNoTracking().Where(r => r.Id == registration.Id).Select(r => r.Status).FirstOrDefaultAsync(ct);
            return now == RegistrationStatus.Cancelled ? Outcome<Registration>.Ok(registration) : Outcome<Registration>.Duplicate("", SaveOutcome.SimultaneousMessage);
        }
        registration.Status = RegistrationStatus.Cancelled;
        var saved = await db.TrySaveAsync(registration, "", "", ct);
        if (!saved.Succeeded) return saved;
        if (heldSeat)
        {
            var promoted = false;
            var waiting = await db.Registrations.AsNoTracking().Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.RequestedAt).Select(r => r.Id).Take(20).ToListAsync(ct);
            foreach (var next in waiting)
            {
                // Conditional, so two cancellations at once never promote the same person and lose a seat.
                if (await db.Registrations.Where(r => r.Id == next && r.Status == RegistrationStatus.Waitlisted)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Registered).SetProperty(r => r.UpdatedAt, time.GetUtcNow()), ct) == 1)
                {
                    promoted = true;
                    break;
                }
            }
            if (!promoted)
                await db.TrainingSessions.Where(s => s.Id == session.Id && s.Registered > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered - 1), ct);
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Replaces the results of the rows given; every row is checked first and a bad one saves nothing.</summary>
    public async Task<Outcome<List<Registration>>> SaveResultsAsync(TrainingSession session, Course course, IReadOnlyList<ResultInput?>? rows, CancellationToken ct = default)
    {
        if (session.ResultsApprovedAt is not null) return Outcome<List<Registration>>.Duplicate("", T.ResultsApproved);
        if (rows is null) return Outcome<List<Registration>>.Invalid([new("", "กรุณาส่งรายการผลการอบรม")]);
        var registered = await db.Registrations.Include(r => r.Person)
            .Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered).ToListAsync(ct);
        var byId = registered.ToDictionary(r => r.Person!.NationalId);
        var checks = new Checks();
        var seen = new HashSet<string>();
        var matched = new List<(Registration Registration, ResultInput Row)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"[{i}].";
            if (rows[i] is not { } row) { checks.Add($"[{i}]", "แถวว่าง"); continue; }
            var id = NationalId.Normalise(row.NationalId);
            if (NationalId.Problem(row.NationalId) is { } problem) checks.Add(at + "nationalId", problem);
            else if (!seen.Add(id)) checks.Add(at + "nationalId", "เลขประจำตัวประชาชนนี้ซ้ำกับแถวก่อนหน้า");
            else if (!byId.TryGetValue(id, out var registration)) checks.Add(at + "nationalId", "บุคคลนี้ไม่ได้ลงทะเบียน (หรืออยู่ในรายชื่อรอ) ในรุ่นนี้");
            else matched.Add((registration, row));
            var days = row.Days ?? [];
            foreach (var day in days.Distinct().Where(d => d < session.StartDate || d > session.EndDate))
                checks.Add(at + "days", $"วันที่ {ThaiDate.Short(day)} ไม่อยู่ในช่วงวันอบรมของรุ่นนี้ ({ThaiDate.Short(session.StartDate)} – {ThaiDate.Short(session.EndDate)})");
            if (days.Count != days.Distinct().Count()) checks.Add(at + "days", "วันที่เข้าร่วมซ้ำกัน");
            if (row.Attended is null && row.Days is null) checks.Add(at + "attended", "กรุณาระบุว่าเข้าร่วมหรือไม่");
            else if (row.Attended == false && days.Count > 0) checks.Add(at + "attended", "ระบุว่าไม่เข้าร่วม แต่มีวันที่ลงชื่อเข้าร่วม");
            else if (row.Attended == true && row.Days is not null && days.Count == 0) checks.Add(at + "days", "ระบุว่าเข้าร่วม แต่ไม่มีวันที่ลงชื่อเข้าร่วมเลย");
            if (row.Hours is { } h && (h < 0 || h > course.Hours)) checks.Add(at + "hours", $"ชั่วโมงต้องอยู่ระหว่าง 0 ถึง {course.Hours:0.##} (ชั่วโมงของหลักสูตร)");
            if (row.PreTest is < 0 or > 100) checks.Add(at + "preTest", "คะแนนก่อนอบรมต้องอยู่ระหว่าง 0 ถึง 100");
            if (row.PostTest is < 0 or > 100) checks.Add(at + "postTest", "คะแนนหลังอบรมต้องอยู่ระหว่าง 0 ถึง 100");
        }
        if (checks.Errors.Count > 0) return Outcome<List<Registration>>.Invalid([.. checks.Errors]);
        foreach (var (r, row) in matched)
        {
            var days = (row.Days ?? []).Distinct().Order().ToList();
            r.Attended = row.Attended ?? days.Count > 0;
            r.DaysAttended = days;
            r.Hours = row.Hours ?? (r.Attended != true ? 0
                : row.Days is null ? course.Hours
                : Math.Round(course.Hours * days.Count / session.DayCount, 2, MidpointRounding.AwayFromZero));
            r.PreTest = row.PreTest;
            r.PostTest = row.PostTest;
            r.Passed = r.Attended == true && row.PostTest is { } post && post >= course.PassPercent;
        }
        var saved = await db.TrySaveAsync(matched.Select(m => m.Registration).ToList(), "", "", ct);
        return saved;
    }

    /// <summary>
    /// Approves (locks) the session's results: every seat-holder must have a result. The session becomes completed; results
    /// and cancellations are refused until the results are opened again with a reason.
    /// </summary>
    public async Task<Outcome<TrainingSession>> ApproveResultsAsync(TrainingSession session, int? version, CancellationToken ct = default)
    {
        if (session.ResultsApprovedAt is not null) return Outcome<TrainingSession>.Duplicate("", "ผลการอบรมของรุ่นนี้อนุมัติไว้แล้ว");
        var registered = await db.Registrations.CountAsync(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered, ct);
        var missing = await db.Registrations.CountAsync(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered && r.Attended == null, ct);
        if (registered == 0) return Outcome<TrainingSession>.Invalid([new("", "รุ่นนี้ยังไม่มีผู้ลงทะเบียน จึงยังไม่มีผลให้อนุมัติ")]);
        if (missing > 0) return Outcome<TrainingSession>.Invalid([new("", $"ยังไม่ได้บันทึกผลของผู้ลงทะเบียน {missing:#,0} คน — บันทึกให้ครบก่อนอนุมัติ")]);
        if (version is { } v) db.Entry(session).Property(s => s.Version).OriginalValue = v;
        session.ResultsApprovedAt = time.GetUtcNow();
        session.ResultsApprovedBy = scope.UserName;
        session.Status = SessionStatus.Completed;
        return await db.TrySaveAsync(session, "", "", ct);
    }

    /// <summary>Opens approved results again for changes; the reason is kept on the session and in the audit log.</summary>
    public async Task<Outcome<TrainingSession>> ReopenResultsAsync(TrainingSession session, string? reason, int? version, CancellationToken ct = default)
    {
        if (session.ResultsApprovedAt is null) return Outcome<TrainingSession>.Duplicate("", "ผลการอบรมของรุ่นนี้ยังไม่ได้อนุมัติ");
        var checks = new Checks().Text(reason, "reason", "เหตุผลที่ขอแก้ไขผล", DataSchema.NameLength);
        if (checks.Errors.Count > 0) return Outcome<TrainingSession>.Invalid([.. checks.Errors]);
        if (version is { } v) db.Entry(session).Property(s => s.Version).OriginalValue = v;
        session.ResultsApprovedAt = null;
        session.ResultsApprovedBy = null;
        session.ResultsReopenReason = Checks.Clean(reason);
        return await db.TrySaveAsync(session, "", "", ct);
    }

    public static RegistrationDto ToDto(Registration r, NationalIdDisclosure disclosure) =>
        new(disclosure.Show(r.Person!.NationalId), r.Person.FullName, r.Status, r.Attended, r.Hours, r.PreTest, r.PostTest, r.Passed,
            r.CertificateRevokedAt is null ? r.CertificateCode : null, r.DaysAttended, r.OverrideReason);
}
