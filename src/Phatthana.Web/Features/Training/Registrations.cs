using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

/// <summary>One row of a session's results (API.md): scores in per cent.</summary>
public sealed record ResultInput(string? NationalId, bool? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest);

/// <summary>A registration as the API answers it.</summary>
public sealed record RegistrationDto(string NationalId, string Name, RegistrationStatus Status, bool? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest,
    bool? Passed, string? Certificate);

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
        var person = await db.People.FirstOrDefaultAsync(p => p.AreaId == session.AreaId && p.NationalId == id, ct);
        if (person is null) return Outcome<Registration>.Invalid([new("nationalId", "ไม่พบบุคลากรที่มีเลขประจำตัวประชาชนนี้ในทะเบียนที่คุณดูแล")]);
        if (person.Status != PersonStatus.Active)
            return Outcome<Registration>.Invalid([new("nationalId", $"{person.FullName} ไม่ได้ปฏิบัติงานอยู่ ({PersonnelText.Label(person.Status)}) จึงลงทะเบียนไม่ได้")]);
        if (session.Status != SessionStatus.Open) return Outcome<Registration>.Duplicate("", session.Status == SessionStatus.Planned ? "รุ่นนี้ยังไม่เปิดรับลงทะเบียน" : T.SessionClosed);
        var existing = await db.Registrations.FirstOrDefaultAsync(r => r.SessionId == session.Id && r.PersonId == person.Id, ct);
        if (existing is { Status: not RegistrationStatus.Cancelled }) return Outcome<Registration>.Duplicate("nationalId", T.AlreadyRegistered);

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
        var registration = existing ?? new Registration { AreaId = session.AreaId, SessionId = session.Id, PersonId = person.Id };
        registration.Status = seat == 1 ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
        registration.RequestedAt = time.GetUtcNow();
        registration.RegisteredBy = scope.UserName;
        registration.OverrideReason = Checks.Clean(overrideReason);
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
            if (row.Attended is null) checks.Add(at + "attended", "กรุณาระบุว่าเข้าร่วมหรือไม่");
            if (row.Hours is { } h && (h < 0 || h > course.Hours)) checks.Add(at + "hours", $"ชั่วโมงต้องอยู่ระหว่าง 0 ถึง {course.Hours:0.##} (ชั่วโมงของหลักสูตร)");
            if (row.PreTest is < 0 or > 100) checks.Add(at + "preTest", "คะแนนก่อนอบรมต้องอยู่ระหว่าง 0 ถึง 100");
            if (row.PostTest is < 0 or > 100) checks.Add(at + "postTest", "คะแนนหลังอบรมต้องอยู่ระหว่าง 0 ถึง 100");
        }
        if (checks.Errors.Count > 0) return Outcome<List<Registration>>.Invalid([.. checks.Errors]);
        foreach (var (r, row) in matched)
        {
            r.Attended = row.Attended!.Value;
            r.Hours = row.Hours ?? (r.Attended == true ? course.Hours : 0);
            r.PreTest = row.PreTest;
            r.PostTest = row.PostTest;
            r.Passed = r.Attended == true && row.PostTest is { } post && post >= course.PassPercent;
        }
        var saved = await db.TrySaveAsync(matched.Select(m => m.Registration).ToList(), "", "", ct);
        return saved;
    }

    public static RegistrationDto ToDto(Registration r, NationalIdDisclosure disclosure) =>
        new(disclosure.Show(r.Person!.NationalId), r.Person.FullName, r.Status, r.Attended, r.Hours, r.PreTest, r.PostTest, r.Passed,
            r.CertificateRevokedAt is null ? r.CertificateCode : null);
}
