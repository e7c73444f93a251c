using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Recognition.RecognitionText;

namespace Phatthana.Web.Features.Recognition;

public sealed record CriterionInput(string? Name, decimal? Weight, int? MinScore, int? MaxScore);

/// <summary>A committee member named by their account's e-mail; <c>school</c> (10 digits) when not the school of their own record.</summary>
public sealed record MemberInput(string? Email, string? Duty, string? School);

public sealed record ProgrammeInput(
    string? Name, string? Level, string? Period, string? Description, bool? SchoolsNominate, bool? SelfNomination,
    List<string?>? EligiblePositions, int? MinYearsOfService, bool? RequiresCleanRecord, int? Awards,
    List<CriterionInput?>? Criteria, List<MemberInput?>? Committee, int? Version);

/// <summary>
/// A programme with its criteria and committee, saved as one. The weights total 100 and each range runs low to high; the
/// committee are accounts of the area in a role that scores. Once any member has scored, the criteria stay as they are and a
/// member who scored stays on the committee — a ranking is never computed over changed rules.
/// </summary>
public sealed class SaveProgramme(AppDbContext db)
{
    public const int MaxCriteria = 20, MaxMembers = 25, MaxScoreLimit = 1000;

    public async Task<Outcome<AwardProgramme>> SaveAsync(Area area, AwardProgramme? programme, ProgrammeInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<AwardProgramme>.Invalid([new("", "กรุณาส่งรายละเอียดโครงการรางวัล")]);
        var checks = new Checks()
            .Text(input.Name, "name", "ชื่อโครงการรางวัล", DataSchema.NameLength)
            .Text(input.Description, "description", "รายละเอียด", DataSchema.TextLength, required: false)
            .Range(input.MinYearsOfService, 0, 45, "minYearsOfService", "อายุราชการขั้นต่ำ (ปี)", required: false)
            .Range(input.Awards ?? 1, 1, 10_000, "awards", "จำนวนรางวัลต่อครั้ง");
        var level = ReadEnum<AwardLevel>(input.Level, "level", "ระดับรางวัล", T.Label, checks);
        var period = ReadEnum<AwardPeriod>(input.Period, "period", "รอบการคัดเลือก", T.Label, checks);
        var positions = new List<Position>();
        foreach (var (text, i) in (input.EligiblePositions ?? []).Select((t, i) => (t, i)))
        {
            if (EnumText.TryParse<Position>(text, PersonnelText.Label, out var p)) { if (!positions.Contains(p)) positions.Add(p); }
            else checks.Add($"eligiblePositions[{i}]", $"ตำแหน่ง \"{text}\" ไม่อยู่ในรายการ — {EnumText.Allowed<Position>(PersonnelText.Label)}");
        }
        var criteria = ReadCriteria(input.Criteria, checks);
        var members = await ReadMembersAsync(area, input.Committee, checks, ct);
        if (Checks.Clean(input.Name) is { } name &&
            await db.AwardProgrammes.AnyAsync(p => p.AreaId == area.Id && p.Name == name && p.Id != (programme == null ? Guid.Empty : programme.Id), ct))
            checks.Add("name", T.DuplicateProgramme);

        var existingCriteria = programme is null ? [] : await db.AwardCriteria.Where(c => c.ProgrammeId == programme.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var existingMembers = programme is null ? [] : await db.AwardCommitteeMembers.Where(m => m.ProgrammeId == programme.Id).ToListAsync(ct);
        var scoredBy = programme is null ? [] : await db.AwardScores.Where(s => existingMembers.Select(m => m.Id).Contains(s.MemberId))
            .Select(s => s.MemberId).Distinct().ToListAsync(ct);
        if (scoredBy.Count > 0 && checks.IsValid && !SameCriteria(existingCriteria, criteria))
            checks.Add("criteria", "เปลี่ยนหลักเกณฑ์ไม่ได้ เพราะกรรมการเริ่มให้คะแนนตามหลักเกณฑ์นี้แล้ว");
        foreach (var m in existingMembers.Where(m => scoredBy.Contains(m.Id) && members.All(n => n.UserId != m.UserId)))
            checks.Add("committee", $"นำ {m.Name} ออกจากคณะกรรมการไม่ได้ เพราะให้คะแนนไปแล้ว");
        if (!checks.IsValid) return Outcome<AwardProgramme>.Invalid([.. checks.Errors]);

        if (programme is null)
        {
            programme = new AwardProgramme { AreaId = area.Id, Name = "" };
            db.AwardProgrammes.Add(programme);
        }
        else if (input.Version is { } v) db.Entry(programme).Property(p => p.Version).OriginalValue = v;
        programme.Name = Checks.Clean(input.Name)!;
        programme.Level = level!.Value;
        programme.Period = period!.Value;
        programme.Description = Checks.Clean(input.Description);
        programme.SchoolsNominate = input.SchoolsNominate ?? true;
        programme.SelfNomination = input.SelfNomination ?? false;
        programme.EligiblePositions = positions;
        programme.MinYearsOfService = input.MinYearsOfService is 0 ? null : input.MinYearsOfService;
        programme.RequiresCleanRecord = input.RequiresCleanRecord ?? false;
        programme.Awards = input.Awards ?? 1;

        if (scoredBy.Count == 0)
        {
            db.AwardCriteria.RemoveRange(existingCriteria);
            db.AwardCriteria.AddRange(criteria.Select((c, i) => new AwardCriterion
            {
                AreaId = area.Id, ProgrammeId = programme.Id, Number = i + 1, Name = c.Name, Weight = c.Weight, MinScore = c.MinScore, MaxScore = c.MaxScore,
            }));
        }
        foreach (var gone in existingMembers.Where(m => members.All(n => n.UserId != m.UserId))) db.AwardCommitteeMembers.Remove(gone);
        foreach (var m in members)
        {
            if (existingMembers.FirstOrDefault(e => e.UserId == m.UserId) is { } kept)
            {
                kept.Name = m.Name;
                kept.Duty = m.Duty;
                kept.SchoolId = m.SchoolId;
            }
            else db.AwardCommitteeMembers.Add(new AwardCommitteeMember { AreaId = area.Id, ProgrammeId = programme.Id, UserId = m.UserId, Name = m.Name, Duty = m.Duty, SchoolId = m.SchoolId });
        }
        return await db.TrySaveAsync(programme, "name", T.DuplicateProgramme, ct);
    }

    private static TEnum? ReadEnum<TEnum>(string? text, string field, string label, Func<TEnum, string> labelOf, Checks checks) where TEnum : struct, Enum
    {
        if (EnumText.TryParse(text, labelOf, out TEnum value)) return value;
        checks.Add(field, Checks.Clean(text) is null ? $"กรุณาเลือก{label}" : $"{label} \"{text}\" ไม่อยู่ในรายการ — {EnumText.Allowed(labelOf)}");
        return null;
    }

    private sealed record CriterionRow(string Name, decimal Weight, int MinScore, int MaxScore);

    private static List<CriterionRow> ReadCriteria(List<CriterionInput?>? given, Checks checks)
    {
        var rows = new List<CriterionRow>();
        var list = given ?? [];
        if (list.Count == 0) checks.Add("criteria", "กรุณากำหนดหลักเกณฑ์การพิจารณาอย่างน้อย 1 ข้อ");
        if (list.Count > MaxCriteria) checks.Add("criteria", $"หลักเกณฑ์ได้ไม่เกิน {MaxCriteria} ข้อ");
        foreach (var (c, i) in list.Select((c, i) => (c, i)))
        {
            var f = $"criteria[{i}]";
            var before = checks.Errors.Count;
            checks.Text(c?.Name, $"{f}.name", $"ชื่อหลักเกณฑ์ข้อ {i + 1}", DataSchema.TextLength);
            if (c?.Weight is not { } w || w <= 0 || w > AwardScoring.FullWeight || decimal.Round(w, 2) != w)
                checks.Add($"{f}.weight", $"น้ำหนักของหลักเกณฑ์ข้อ {i + 1} ต้องมากกว่า 0 และไม่เกิน 100 (ทศนิยมไม่เกิน 2 ตำแหน่ง)");
            checks.Range(c?.MinScore, 0, MaxScoreLimit, $"{f}.minScore", $"คะแนนต่ำสุดของข้อ {i + 1}").Range(c?.MaxScore, 1, MaxScoreLimit, $"{f}.maxScore", $"คะแนนเต็มของข้อ {i + 1}");
            if (c?.MinScore is { } lo && c.MaxScore is { } hi && hi <= lo) checks.Add($"{f}.maxScore", $"คะแนนเต็มของข้อ {i + 1} ต้องมากกว่าคะแนนต่ำสุด");
            if (checks.Errors.Count == before) rows.Add(new CriterionRow(Checks.Clean(c!.Name)!, c.Weight!.Value, c.MinScore!.Value, c.MaxScore!.Value));
        }
        if (rows.Count == list.Count && rows.Count > 0 && !AwardScoring.WeightsComplete(rows.Select(r => r.Weight)))
            checks.Add("criteria", $"น้ำหนักของหลักเกณฑ์รวมกันต้องเท่ากับ 100 (ตอนนี้ {rows.Sum(r => r.Weight):0.##})");
        return rows;
    }

    private static bool SameCriteria(List<AwardCriterion> existing, List<CriterionRow> given) =>
        existing.Count == given.Count && existing.Zip(given).All(p => p.First.Name == p.Second.Name && p.First.Weight == p.Second.Weight &&
            p.First.MinScore == p.Second.MinScore && p.First.MaxScore == p.Second.MaxScore);

    private sealed record MemberRow(string UserId, string Name, string? Duty, Guid? SchoolId);

    private async Task<List<MemberRow>> ReadMembersAsync(Area area, List<MemberInput?>? given, Checks checks, CancellationToken ct)
    {
        var rows = new List<MemberRow>();
        var list = given ?? [];
        if (list.Count > MaxMembers) checks.Add("committee", $"กรรมการได้ไม่เกิน {MaxMembers} คน");
        foreach (var (m, i) in list.Select((m, i) => (m, i)))
        {
            var f = $"committee[{i}]";
            var email = Checks.Clean(m?.Email)?.ToUpperInvariant();
            if (email is null) { checks.Add($"{f}.email", $"กรุณากรอกอีเมลของกรรมการคนที่ {i + 1}"); continue; }
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email && u.IsActive)
                .Select(u => new { u.Id, u.DisplayName, u.Role, u.NationalId, InArea = u.Role == Accounts.Role.SystemAdmin || u.AreaGrants.Any(g => g.AreaId == area.Id) })
                .FirstOrDefaultAsync(ct);
            if (user is null || !user.InArea) { checks.Add($"{f}.email", $"ไม่พบผู้ใช้ {m!.Email} ในเขตพื้นที่นี้"); continue; }
            if (!Policies.Allows(Policies.ScoreAwards, user.Role))
            {
                checks.Add($"{f}.email", $"{user.DisplayName} มีบทบาท{Accounts.AccountsText.Label(user.Role)} ซึ่งให้คะแนนรางวัลไม่ได้ — กรรมการต้องเป็นเจ้าหน้าที่เขต ศึกษานิเทศก์ หรือคณะกรรมการประเมิน");
                continue;
            }
            if (rows.Any(r => r.UserId == user.Id)) { checks.Add($"{f}.email", $"{user.DisplayName} อยู่ในรายชื่อกรรมการแล้ว"); continue; }
            Guid? school = null;
            if (Checks.Clean(m!.School) is { } code)
            {
                school = await db.Schools.Where(s => s.AreaId == area.Id && s.Code == code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
                if (school is null) { checks.Add($"{f}.school", $"ไม่พบโรงเรียนรหัส {code} ในเขตพื้นที่นี้"); continue; }
            }
            else if (user.NationalId is { } nid)
                school = await db.People.Where(p => p.AreaId == area.Id && p.NationalId == nid).Select(p => p.SchoolId).FirstOrDefaultAsync(ct);
            checks.Text(m.Duty, $"{f}.duty", "หน้าที่ในคณะกรรมการ", DataSchema.ShortNameLength, required: false);
            rows.Add(new MemberRow(user.Id, user.DisplayName, Checks.Clean(m.Duty), school));
        }
        return rows;
    }
}
