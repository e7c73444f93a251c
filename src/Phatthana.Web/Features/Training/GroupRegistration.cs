using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training;

/// <summary>What registering a group did: how many were asked, got a seat, wait for one, were skipped, or are outside the course's target group.</summary>
public sealed record GroupRegistrationResult(int Asked, int Registered, int Waitlisted, int Skipped, int Outside)
{
    /// <summary>The counts in Thai, after <paramref name="lead"/> (e.g. "เพิ่มกลุ่ม").</summary>
    public string Summary(string lead) => Asked == 0
        ? "ไม่พบบุคลากรที่ปฏิบัติงานอยู่ตามที่เลือก จึงไม่ได้ลงทะเบียนใคร"
        : $"{lead} {Asked:#,0} คน: ลงทะเบียน {Registered:#,0} คน · รอที่ว่าง {Waitlisted:#,0} คน · ข้าม {Skipped:#,0} คน (ลงทะเบียนไว้แล้วหรือลงทะเบียนไม่ได้)"
          + (Outside > 0 ? $" · ไม่อยู่ในกลุ่มเป้าหมายของหลักสูตร {Outside:#,0} คน (ระบุเหตุผลเพื่อลงทะเบียนผู้ที่อยู่นอกกลุ่มเป้าหมาย)" : "");
}

/// <summary>
/// Registers many people into one session, each through <see cref="Registrations.RegisterAsync"/> — asked together, answered in one batch in the order given — so
/// every rule of a single registration holds for each — seats then the waitlist, the registration window, the caller's
/// scope, the target group (outside it only with the reason given). A session that refuses everyone alike (not open, outside
/// its window) is answered once as that conflict instead of a count of skipped people.
/// </summary>
public static class GroupRegistration
{
    public static async Task<Outcome<GroupRegistrationResult>> RegisterAllAsync(this Registrations registrations, TrainingSession session,
        IReadOnlyList<string> nationalIds, string? overrideReason)
    {
        // A reason no registration would take is refused once, not counted against everyone it was given for.
        var reason = new Checks().Text(overrideReason, "overrideReason", "เหตุผลที่รวมผู้ไม่อยู่ในกลุ่มเป้าหมาย", Data.DataSchema.NameLength, required: false);
        if (!reason.IsValid) return Outcome<GroupRegistrationResult>.Invalid([.. reason.Errors]);
        // Asked all at once, they are answered together (RegistrationBatches), seats and waitlist in the order of the list.
        var outcomes = await Task.WhenAll(nationalIds.Select(nationalId => registrations.RegisterAsync(session, nationalId, overrideReason)).ToList());
        if (outcomes.FirstOrDefault(o => !o.Succeeded && o.Conflict is { Field: "" }) is { Conflict: { } closed })
            return Outcome<GroupRegistrationResult>.Duplicate("", closed.Message);
        var outside = outcomes.Count(o => !o.Succeeded && o.Errors.Any(e => e.Field == "overrideReason"));
        var skipped = outcomes.Count(o => !o.Succeeded) - outside;
        var registered = outcomes.Count(o => o.Succeeded && o.Value!.Status == RegistrationStatus.Registered);
        var waitlisted = outcomes.Count(o => o.Succeeded && o.Value!.Status == RegistrationStatus.Waitlisted);
        return Outcome<GroupRegistrationResult>.Ok(new GroupRegistrationResult(nationalIds.Count, registered, waitlisted, skipped, outside));
    }
}
