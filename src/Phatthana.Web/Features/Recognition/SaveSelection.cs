using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Recognition.RecognitionText;

namespace Phatthana.Web.Features.Recognition;

public sealed record SelectionInput(string? Title, int? Year, int? Month, DateOnly? NominationOpens, DateOnly? NominationCloses, DateOnly? ScoringCloses);

public sealed record EvaluationInput(string? Evaluation);

/// <summary>
/// A programme's rounds and their steps: open a round (its window: nominations, then scoring), close nominations early, announce
/// and evaluate. Announcing needs every sheet the committee owes; it stores each nominee's total and rank, marks the top
/// <see cref="AwardProgramme.Awards"/> ranks awarded (a tie at the cut awards all of it) and gives each a certificate number
/// "{area}-AW{year}-{nnnn}" and a verification code — under the same area lock as training certificates.
/// </summary>
public sealed class SaveSelection(AppDbContext db, Standings standings, UserScope scope, TimeProvider time)
{
    public DateOnly Today => ThaiDate.TodayInThailand(time);

    public async Task<Outcome<AwardSelection>> CreateAsync(AwardProgramme programme, SelectionInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<AwardSelection>.Invalid([new("", "กรุณาส่งรายละเอียดการคัดเลือก")]);
        var checks = new Checks().Text(input.Title, "title", "ชื่อการคัดเลือก", DataSchema.NameLength, required: false);
        if (input.Year is not { } year || !SchoolCalendar.IsPlausibleBuddhistYear(year)) checks.Add("year", "กรุณาระบุปี พ.ศ. ของการคัดเลือก (เช่น 2568)");
        if (programme.Period == AwardPeriod.Monthly) checks.Range(input.Month, 1, 12, "month", "เดือน");
        else if (input.Month is not null) checks.Add("month", "รางวัลประจำปีไม่ต้องระบุเดือน");
        if (input.NominationOpens is null) checks.Add("nominationOpens", "กรุณาระบุวันเปิดรับการเสนอชื่อ");
        if (input.NominationCloses is null) checks.Add("nominationCloses", "กรุณาระบุวันปิดรับการเสนอชื่อ");
        if (input.ScoringCloses is null) checks.Add("scoringCloses", "กรุณาระบุวันสิ้นสุดการให้คะแนน");
        if (input is { NominationOpens: { } o, NominationCloses: { } c } && c < o) checks.Add("nominationCloses", "วันปิดรับต้องไม่ก่อนวันเปิดรับการเสนอชื่อ");
        if (input is { NominationCloses: { } c2, ScoringCloses: { } s } && s < c2) checks.Add("scoringCloses", "วันสิ้นสุดการให้คะแนนต้องไม่ก่อนวันปิดรับการเสนอชื่อ");
        if (!await db.AwardCriteria.AnyAsync(x => x.ProgrammeId == programme.Id, ct)) checks.Add("", "โครงการนี้ยังไม่มีหลักเกณฑ์การพิจารณา");
        if (!checks.IsValid) return Outcome<AwardSelection>.Invalid([.. checks.Errors]);
        var title = Checks.Clean(input.Title) ?? DefaultTitle(programme.Period, input.Year!.Value, input.Month);
        if (await db.AwardSelections.AnyAsync(x => x.ProgrammeId == programme.Id && x.Title == title, ct))
            return Outcome<AwardSelection>.Duplicate("title", T.DuplicateSelection);
        var selection = new AwardSelection
        {
            AreaId = programme.AreaId, ProgrammeId = programme.Id, Title = title, Year = input.Year!.Value, Month = input.Month,
            NominationOpens = input.NominationOpens!.Value, NominationCloses = input.NominationCloses!.Value, ScoringCloses = input.ScoringCloses!.Value,
        };
        db.AwardSelections.Add(selection);
        return await db.TrySaveAsync(selection, "title", T.DuplicateSelection, ct);
    }

    /// <summary>"ประจำเดือนกุมภาพันธ์ 2556" or "ประจำปี 2556".</summary>
    public static string DefaultTitle(AwardPeriod period, int year, int? month) =>
        period == AwardPeriod.Monthly && month is { } m ? $"ประจำเดือน{ThaiDate.MonthNames[m - 1]} {year}" : $"ประจำปี {year}";

    public async Task<Outcome<AwardSelection>> CloseNominationsAsync(AwardSelection selection, CancellationToken ct = default)
    {
        var stage = selection.StageOn(Today);
        if (stage == SelectionStage.Announced) return Outcome<AwardSelection>.Duplicate("", T.Announced);
        if (stage == SelectionStage.Scoring) return Outcome<AwardSelection>.Ok(selection);
        selection.NominationsClosedAt = time.GetUtcNow();
        return await db.TrySaveAsync(selection, "", "", ct);
    }

    public async Task<Outcome<AwardSelection>> AnnounceAsync(AwardSelection selection, CancellationToken ct = default)
    {
        switch (selection.StageOn(Today))
        {
            case SelectionStage.Announced: return Outcome<AwardSelection>.Duplicate("", T.Announced);
            case SelectionStage.NotOpen or SelectionStage.Nominating:
                return Outcome<AwardSelection>.Duplicate("", "ยังประกาศผลไม่ได้ — ปิดรับการเสนอชื่อและให้กรรมการให้คะแนนก่อน");
        }
        var programme = await db.AwardProgrammes.AsNoTracking().FirstAsync(p => p.Id == selection.ProgrammeId, ct);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == selection.AreaId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Certificates.LockAreaAsync(db, area.Id, ct);
        var result = await standings.BuildAsync(selection, ct);
        if (result.Rows.Count == 0) return Outcome<AwardSelection>.Duplicate("", "ยังไม่มีผู้ได้รับการเสนอชื่อ จึงประกาศผลไม่ได้");
        if (result.Missing.Count > 0)
            return Outcome<AwardSelection>.Duplicate("", "กรรมการยังให้คะแนนไม่ครบ: " +
                string.Join("; ", result.Missing.GroupBy(m => m.Member).Select(g => $"{g.Key} ({string.Join(", ", g.Select(m => m.Nominee))})")));

        var prefix = $"{area.Code}-AW{selection.Year}-";
        var used = await db.Nominations.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.AreaId == area.Id && n.CertificateNumber != null && n.CertificateNumber.StartsWith(prefix)).Select(n => n.CertificateNumber!).ToListAsync(ct);
        var next = Certificates.NextNumber(used, prefix);
        var nominations = await db.Nominations.Where(n => n.SelectionId == selection.Id).ToDictionaryAsync(n => n.Id, ct);
        foreach (var row in result.Rows)
        {
            var n = nominations[row.NominationId];
            n.Total = row.Total;
            n.Rank = row.Rank;
            n.Awarded = row.Rank is { } r && r <= programme.Awards;
            if (n.Awarded)
            {
                n.CertificateNumber = prefix + (next++).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
                n.CertificateCode = Certificates.NewCode();
            }
        }
        selection.AnnouncedAt = time.GetUtcNow();
        selection.AnnouncedOn = Today;
        selection.AnnouncedBy = scope.DisplayName;
        var saved = await db.TrySaveAsync(selection, "", "", ct);
        if (saved.Succeeded) await tx.CommitAsync(ct);
        return saved;
    }

    public async Task<Outcome<AwardSelection>> EvaluateAsync(AwardSelection selection, EvaluationInput? input, CancellationToken ct = default)
    {
        var checks = new Checks().Text(input?.Evaluation, "evaluation", "ผลการประเมินโครงการ", DataSchema.TextLength);
        if (!checks.IsValid) return Outcome<AwardSelection>.Invalid([.. checks.Errors]);
        if (selection.AnnouncedAt is null) return Outcome<AwardSelection>.Duplicate("", "ประเมินผลได้หลังประกาศผลการคัดเลือก");
        selection.Evaluation = Checks.Clean(input!.Evaluation);
        return await db.TrySaveAsync(selection, "", "", ct);
    }
}
