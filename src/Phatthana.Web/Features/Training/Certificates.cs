using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training;

/// <summary>A certificate as the API lists it.</summary>
public sealed record CertificateDto(string Number, string Code, string Holder, bool Revoked);

/// <summary>
/// Issuing and revoking certificates (เกียรติบัตร). Every passed registration gets a number
/// "{areaCode}-{fiscal year}-{nnnn}" — a running number of the area in the fiscal year the session starts in — and an
/// unguessable code for its QR link. Two issuers may run at once (two sessions of an area, or one session twice): each
/// first takes the area's row for writing with a no-op update in its transaction, so the second waits until the first has
/// committed (PostgreSQL: the row lock; SQLite: the one writer lock) and then reads the numbers the first gave. The
/// unique index on the code is the last guard; a refused save is tried once more.
/// </summary>
public sealed class Certificates(AppDbContext db, TimeProvider time, Notifications.Notifier notifier)
{
    public const string RevokedMessage = "เกียรติบัตรนี้ถูกเพิกถอนแล้ว";

    /// <summary>Gives a number and code to every registered, passed attendee of the session without one; returns those given.</summary>
    public async Task<Outcome<List<Registration>>> IssueAsync(TrainingSession session, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await TryIssueAsync(session, ct);
            if (outcome.Succeeded || attempt == 1) return outcome;
        }
    }

    private async Task<Outcome<List<Registration>>> TryIssueAsync(TrainingSession session, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == session.AreaId, ct);
        var fiscalYear = SchoolCalendar.FiscalYearOf(session.StartDate);
        var prefix = $"{area.Code}-{fiscalYear}-";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAreaAsync(db, area.Id, ct);

        var due = await db.Registrations.Include(r => r.Person)
            .Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered && r.Passed == true && r.CertificateNumber == null)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            await tx.CommitAsync(ct);
            return Outcome<List<Registration>>.Ok([]);
        }
        var used = await db.Registrations.AsNoTracking()
            .Where(r => r.AreaId == area.Id && r.CertificateNumber != null && r.CertificateNumber.StartsWith(prefix))
            .Select(r => r.CertificateNumber!).ToListAsync(ct);
        var next = NextNumber(used, prefix);
        // In the order people read the list: by name.
        foreach (var r in due.OrderBy(r => r.Person!.FirstName, ThaiText.Comparer).ThenBy(r => r.Person!.LastName, ThaiText.Comparer))
        {
            r.CertificateNumber = prefix + (next++).ToString("0000", CultureInfo.InvariantCulture);
            r.CertificateCode = NewCode();
            r.CertificateRevokedAt = null;
        }
        await notifier.TellAsync(db, Notifications.NotificationKinds.CertificateReady, session, [.. due.Select(r => r.Person!.NationalId)], "/me/transcript", ct);
        var saved = await db.TrySaveAsync(due, "", "", ct);
        if (!saved.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return saved;
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>Revokes a certificate: the verify page then says so, and it is no longer printed. The reason is kept in the audit entry.</summary>
    public async Task<Outcome<Registration>> RevokeAsync(Registration registration, string? reason, CancellationToken ct = default)
    {
        if (registration.CertificateNumber is null) return Outcome<Registration>.NotFound();
        if (registration.CertificateRevokedAt is not null) return Outcome<Registration>.Ok(registration);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        registration.CertificateRevokedAt = time.GetUtcNow();
        var saved = await db.TrySaveAsync(registration, "", "", ct);
        if (!saved.Succeeded) return saved;
        var why = Checks.Clean(reason);
        if (why is not null && db.ChangeTracker.Entries<AuditEntry>()
                .Select(e => e.Entity).LastOrDefault(a => a.Entity == nameof(Registration) && a.EntityKey == registration.Id.ToString()) is { } audit)
        {
            var after = (audit.After is null ? null : JsonNode.Parse(audit.After) as JsonObject) ?? [];
            after["RevocationReason"] = why;
            audit.After = after.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>
    /// The lock every issuer of an area's certificates takes inside its transaction (training and awards alike): from here to
    /// commit no other issuer of this area gets past this line, so two never read the same last number.
    /// </summary>
    public static Task LockAreaAsync(AppDbContext db, Guid areaId, CancellationToken ct) =>
        db.Areas.Where(a => a.Id == areaId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Code, a => a.Code), ct);

    /// <summary>The running number after the highest of <paramref name="used"/> (numbers "{prefix}{nnnn}").</summary>
    public static int NextNumber(IEnumerable<string> used, string prefix) =>
        used.Select(n => int.TryParse(n[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0).DefaultIfEmpty(0).Max() + 1;

    /// <summary>12 characters of Crockford's base32 (no I, L, O, U): 60 random bits, read aloud or typed without confusion.</summary>
    public static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>The certificates of a session that may be printed (issued, not revoked), in number order.</summary>
    public Task<List<Registration>> PrintableAsync(Guid sessionId, Guid? personId = null, CancellationToken ct = default)
    {
        var query = db.Registrations.AsNoTracking().Include(r => r.Person)
            .Where(r => r.SessionId == sessionId && r.Passed == true && r.CertificateNumber != null && r.CertificateRevokedAt == null);
        if (personId is { } p) query = query.Where(r => r.PersonId == p);
        return query.OrderBy(r => r.CertificateNumber).ToListAsync(ct);
    }

    /// <summary>What the renderer prints for a registration of the session.</summary>
    public static CertificateContent Content(Registration r, TrainingSession session, string baseUrl) =>
        new(r.Person!.FullName, session.Course!.Name, session.Name, session.StartDate, session.EndDate, session.Venue,
            r.Hours ?? session.Course.Hours, r.CertificateNumber!, VerifyUrl(baseUrl, r.CertificateCode!));

    public static string VerifyUrl(string baseUrl, string code) => $"{baseUrl.TrimEnd('/')}/verify/{code}";

    public static CertificateDto ToDto(Registration r) => new(r.CertificateNumber!, r.CertificateCode!, r.Person!.FullName, r.CertificateRevokedAt is not null);
}
