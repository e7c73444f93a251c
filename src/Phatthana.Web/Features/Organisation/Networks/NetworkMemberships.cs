using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>A membership as the API and the network page send it: the school by any of its codes, and the span.</summary>
public sealed record MembershipInput(string? School, DateOnly? From, DateOnly? To);

/// <summary>
/// The one place a school's network changes: memberships are added, changed and removed here, a school's membership of
/// two networks at once is refused, and <see cref="School.NetworkId"/> is set to the membership that covers today. The
/// school form and the schools import name "the network now" and come through <see cref="MoveAsync"/>.
/// </summary>
public sealed class NetworkMemberships(AppDbContext db, TimeProvider time)
{
    private DateOnly Today => ThaiDate.TodayInThailand(time);

    public async Task<Outcome<NetworkMembership>> AddAsync(SchoolNetwork network, MembershipInput input, CancellationToken ct = default)
    {
        var checks = Check(input);
        var school = await SchoolOf(network.AreaId, input.School, checks, ct);
        if (!checks.IsValid) return Outcome<NetworkMembership>.Invalid(checks.Errors);
        var membership = new NetworkMembership { AreaId = network.AreaId, NetworkId = network.Id, SchoolId = school!.Id, From = input.From, To = input.To };
        return await SaveAsync(school, membership, add: true, ct);
    }

    public async Task<Outcome<NetworkMembership>> UpdateAsync(NetworkMembership membership, MembershipInput input, CancellationToken ct = default)
    {
        var checks = Check(input with { School = "-" });
        if (!checks.IsValid) return Outcome<NetworkMembership>.Invalid(checks.Errors);
        var school = await db.Schools.SingleAsync(s => s.Id == membership.SchoolId, ct);
        membership.From = input.From;
        membership.To = input.To;
        return await SaveAsync(school, membership, add: false, ct);
    }

    public async Task<Outcome<NetworkMembership>> DeleteAsync(NetworkMembership membership, CancellationToken ct = default)
    {
        var school = await db.Schools.SingleAsync(s => s.Id == membership.SchoolId, ct);
        db.NetworkMemberships.Remove(membership);
        await SyncAsync(school, ct);
        return await db.TrySaveAsync(membership, "", "", ct);
    }

    /// <summary>
    /// "The school's network is now <paramref name="network"/>" (the school form, the schools import): the membership of
    /// today ends yesterday (or is dropped when it began today) and one from today begins, up to the next one already
    /// planned. Changes are tracked; the caller saves them with the school. A new school must already be added.
    /// </summary>
    public async Task MoveAsync(School school, SchoolNetwork? network, CancellationToken ct = default)
    {
        var today = Today;
        var isNew = db.Entry(school).State == EntityState.Added;
        var all = isNew ? [] : await db.NetworkMemberships.Where(m => m.SchoolId == school.Id).ToListAsync(ct);
        var current = all.FirstOrDefault(m => m.Covers(today));
        if (current?.NetworkId == network?.Id && (network is null || current is not null)) return;
        if (current is not null)
        {
            if (current.From == today) db.NetworkMemberships.Remove(current);
            else current.To = today.AddDays(-1);
        }
        if (network is not null)
        {
            var next = all.Where(m => m.From > today).OrderBy(m => m.From).FirstOrDefault();
            db.NetworkMemberships.Add(new NetworkMembership
            {
                AreaId = school.AreaId, School = school, SchoolId = school.Id, Network = network, NetworkId = network.Id,
                From = today, To = next?.From?.AddDays(-1),
            });
        }
        school.NetworkId = network?.Id;
        school.Network = network;
    }

    /// <summary>Sets every school's current network from its memberships (run daily so a membership that starts or ends on a date takes effect).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        var today = Today;
        var current = (await db.NetworkMemberships.AsNoTracking().Where(m => (m.From == null || m.From <= today) && (m.To == null || m.To >= today))
            .Select(m => new { m.SchoolId, m.NetworkId }).ToListAsync(ct)).ToDictionary(m => m.SchoolId, m => (Guid?)m.NetworkId);
        var changed = 0;
        foreach (var school in await db.Schools.ToListAsync(ct))
        {
            var wanted = current.GetValueOrDefault(school.Id);
            if (school.NetworkId == wanted) continue;
            school.NetworkId = wanted;
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }

    private static Checks Check(MembershipInput input)
    {
        var checks = new Checks();
        if (Checks.Clean(input.School) is null) checks.Add("school", "กรุณาระบุรหัสสถานศึกษา");
        if (input.From is null) checks.Add("from", "กรุณาระบุวันที่เริ่มเป็นสมาชิก");
        if (input.From is { } f && input.To is { } t && t < f) checks.Add("to", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มเป็นสมาชิก");
        return checks;
    }

    private async Task<School?> SchoolOf(Guid areaId, string? code, Checks checks, CancellationToken ct)
    {
        if (Checks.Clean(code) is not { } clean) return null;
        var found = (await SchoolFinder.ForCodesAsync(db, areaId, [clean], ct)).Find(clean, out _);
        if (found is null)
        {
            checks.Add("school", SchoolFinder.Unknown(clean));
            return null;
        }
        return await db.Schools.SingleAsync(s => s.Id == found.Id, ct);
    }

    /// <summary>Refuses a span that meets another of the school's memberships (in any network), then saves and syncs.</summary>
    private async Task<Outcome<NetworkMembership>> SaveAsync(School school, NetworkMembership membership, bool add, CancellationToken ct)
    {
        var others = await db.NetworkMemberships.AsNoTracking().Include(m => m.Network)
            .Where(m => m.SchoolId == school.Id && m.Id != membership.Id).ToListAsync(ct);
        if (others.FirstOrDefault(o => Overlaps(o, membership)) is { } clash)
        {
            if (!add) db.Entry(membership).State = EntityState.Unchanged;
            var span = Span(clash);
            return Outcome<NetworkMembership>.Duplicate("from", clash.NetworkId == membership.NetworkId
                ? $"{school.Name} เป็นสมาชิกเครือข่ายนี้ช่วง {span} อยู่แล้ว — ช่วงวันที่ซ้อนกัน"
                : $"{school.Name} เป็นสมาชิก{clash.Network!.Name} ช่วง {span} อยู่แล้ว — โรงเรียนหนึ่งอยู่ได้เพียงเครือข่ายเดียวในเวลาเดียวกัน ให้สิ้นสุดสมาชิกภาพเดิมก่อน");
        }
        if (add) db.NetworkMemberships.Add(membership);
        // Two changes to one school's memberships at once: the version check lets only one through.
        db.Entry(school).Property(s => s.Version).IsModified = true;
        await SyncAsync(school, ct);
        return await db.TrySaveAsync(membership, "", "", ct);
    }

    /// <summary>The school's current network from its memberships as they will be saved.</summary>
    private async Task SyncAsync(School school, CancellationToken ct)
    {
        var today = Today;
        await db.NetworkMemberships.Where(m => m.SchoolId == school.Id).LoadAsync(ct);
        var current = db.NetworkMemberships.Local.Where(m => m.SchoolId == school.Id && db.Entry(m).State != EntityState.Deleted)
            .FirstOrDefault(m => m.Covers(today));
        school.NetworkId = current?.NetworkId;
    }

    public static bool Overlaps(NetworkMembership a, NetworkMembership b) =>
        (a.From is null || b.To is null || a.From <= b.To) && (b.From is null || a.To is null || b.From <= a.To);

    public static string Span(NetworkMembership m) =>
        $"{(m.From is { } f ? ThaiDate.Short(f) : "ก่อนมีการบันทึก")} – {(m.To is { } t ? ThaiDate.Short(t) : "ปัจจุบัน")}";
}
