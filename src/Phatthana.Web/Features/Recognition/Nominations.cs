using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Recognition.RecognitionText;

namespace Phatthana.Web.Features.Recognition;

public sealed record NominationInput(string? NationalId, string? Statement, bool? NoDisciplinaryRecord);

/// <summary>
/// Putting people forward, within the window only. Who may: area staff anyone in the area; a director (SchoolAdmin) their own
/// staff when the programme takes nominations from schools; a teacher themself when it takes self-nominations — the registry's
/// scope already limits whom each can find. The nominee must be active and eligible: one of the programme's positions, enough
/// whole years from their start date to the close of nominations, and (when asked) declared free of any disciplinary record.
/// Evidence files are checked and stored as self-assessment evidence is (<see cref="EvidenceStorage.StoreAsync"/>).
/// </summary>
public sealed class Nominations(AppDbContext db, UserScope scope, EvidenceStorage storage, TimeProvider time)
{
    public const int MaxFiles = 10;

    public async Task<Outcome<Nomination>> NominateAsync(AwardSelection selection, NominationInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<Nomination>.Invalid([new("", "กรุณาส่งรายละเอียดการเสนอชื่อ")]);
        var today = ThaiDate.TodayInThailand(time);
        if (WindowClosed(selection, today) is { } closed) return Outcome<Nomination>.Duplicate("", closed);
        var programme = await db.AwardProgrammes.AsNoTracking().FirstAsync(p => p.Id == selection.ProgrammeId, ct);
        if (scope.Role == Role.SchoolAdmin && !programme.SchoolsNominate)
            return Outcome<Nomination>.Forbidden("", "โครงการนี้รับการเสนอชื่อจากสำนักงานเขตพื้นที่เท่านั้น");
        if (scope.Role == Role.Teacher && !programme.SelfNomination)
            return Outcome<Nomination>.Forbidden("", "โครงการนี้ไม่รับการเสนอชื่อตนเอง — ให้ผู้บริหารสถานศึกษาเสนอชื่อ");

        var checks = new Checks().Text(input.Statement, "statement", "ผลงานและเหตุผลที่เสนอชื่อ", DataSchema.TextLength);
        Person? person = null;
        var nid = NationalId.Normalise(input.NationalId ?? "");
        if (nid.Length == 0) checks.Add("nationalId", "กรุณากรอกเลขประจำตัวประชาชนของผู้ได้รับการเสนอชื่อ");
        else if ((person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.AreaId == selection.AreaId && p.NationalId == nid, ct)) is null)
            checks.Add("nationalId", scope.Role == Role.Teacher ? "เสนอชื่อได้เฉพาะตนเอง" : "ไม่พบบุคลากรเลขประจำตัวนี้ในทะเบียนที่ท่านดูแล");
        if (person is not null)
        {
            if (person.Status != PersonStatus.Active) checks.Add("nationalId", $"{person.FullName} ไม่ได้ปฏิบัติราชการอยู่ในเขตพื้นที่แล้ว");
            if (programme.EligiblePositions.Count > 0 && !programme.EligiblePositions.Contains(person.Position))
                checks.Add("nationalId", $"ตำแหน่ง{PersonnelText.Label(person.Position)}ไม่มีสิทธิ์รับรางวัลนี้ — รับเฉพาะ {string.Join(", ", programme.EligiblePositions.Select(PersonnelText.Label))}");
            if (programme.MinYearsOfService is { } min)
            {
                if (person.StartDate is not { } start) checks.Add("nationalId", $"ทะเบียนไม่มีวันบรรจุของ{person.FullName} จึงนับอายุราชการไม่ได้");
                else if (YearsBetween(start, selection.NominationCloses) < min)
                    checks.Add("nationalId", $"{person.FullName} มีอายุราชการ {YearsBetween(start, selection.NominationCloses)} ปี ไม่ถึง {min} ปีตามเกณฑ์");
            }
        }
        if (programme.RequiresCleanRecord && input.NoDisciplinaryRecord != true)
            checks.Add("noDisciplinaryRecord", "โครงการนี้รับเฉพาะผู้ที่ไม่เคยถูกดำเนินการทางวินัย — กรุณายืนยัน");
        if (!checks.IsValid) return Outcome<Nomination>.Invalid([.. checks.Errors]);
        if (await db.Nominations.IgnoreQueryFilters().AnyAsync(n => n.SelectionId == selection.Id && n.PersonId == person!.Id, ct))
            return Outcome<Nomination>.Duplicate("nationalId", T.DuplicateNomination);

        var nomination = new Nomination
        {
            AreaId = selection.AreaId, SelectionId = selection.Id, PersonId = person!.Id, SchoolId = person.SchoolId, Statement = Checks.Clean(input.Statement)!,
            NoDisciplinaryRecord = input.NoDisciplinaryRecord == true, NominatedBy = scope.DisplayName, NominatedAt = time.GetUtcNow(),
        };
        db.Nominations.Add(nomination);
        return await db.TrySaveAsync(nomination, "nationalId", T.DuplicateNomination, ct);
    }

    /// <summary>Why a selection takes no nominations today, or null when it does.</summary>
    public static string? WindowClosed(AwardSelection selection, DateOnly today) => selection.StageOn(today) switch
    {
        SelectionStage.NotOpen => $"ยังไม่เปิดรับการเสนอชื่อ (เปิดรับ {ThaiDate.Short(selection.NominationOpens)} – {ThaiDate.Short(selection.NominationCloses)})",
        SelectionStage.Scoring => $"ปิดรับการเสนอชื่อแล้ว (รับถึง {ThaiDate.Short(selection.NominationCloses)})",
        SelectionStage.Announced => T.Announced,
        _ => null,
    };

    /// <summary>Whole years from <paramref name="start"/> to <paramref name="on"/>.</summary>
    public static int YearsBetween(DateOnly start, DateOnly on)
    {
        var years = on.Year - start.Year;
        return on < start.AddYears(years) ? years - 1 : years;
    }

    public async Task<Outcome<NominationEvidence>> AddEvidenceAsync(Nomination nomination, IFormFile? file, CancellationToken ct = default)
    {
        var selection = await db.AwardSelections.AsNoTracking().FirstAsync(s => s.Id == nomination.SelectionId, ct);
        if (WindowClosed(selection, ThaiDate.TodayInThailand(time)) is { } closed) return Outcome<NominationEvidence>.Duplicate("", closed);
        if (await db.NominationEvidence.CountAsync(e => e.NominationId == nomination.Id, ct) >= MaxFiles)
            return Outcome<NominationEvidence>.Invalid([new("file", $"แนบหลักฐานได้ไม่เกิน {MaxFiles} ไฟล์ต่อการเสนอชื่อ")]);
        var saved = await storage.StoreAsync(file, ct);
        if (saved.Value is not { } stored) return saved.As<NominationEvidence>();
        var evidence = new NominationEvidence
        {
            AreaId = nomination.AreaId, NominationId = nomination.Id, PersonId = nomination.PersonId, SchoolId = nomination.SchoolId,
            FileName = stored.FileName, ContentType = stored.Kind.ContentType, Size = stored.Size, StoredName = stored.StoredName, Sha256 = stored.Sha256,
            AddedBy = scope.DisplayName, AddedAt = time.GetUtcNow(),
        };
        db.NominationEvidence.Add(evidence);
        try
        {
            var outcome = await db.TrySaveAsync(evidence, "", "", ct);
            if (!outcome.Succeeded) EvidenceStore.TryDelete(storage.PathOf(stored.StoredName));
            return outcome;
        }
        catch
        {
            db.ChangeTracker.Clear();
            EvidenceStore.TryDelete(storage.PathOf(stored.StoredName));
            throw;
        }
    }

    public Stream? Open(NominationEvidence evidence) => storage.Open(evidence.StoredName);
}
