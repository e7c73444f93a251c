using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment;

/// <summary>A round as the API creates it (API.md): {framework, name, startDate, endDate, indicators?}.</summary>
public sealed record RoundInput(string? Framework, string? Name, DateOnly? StartDate, DateOnly? EndDate, List<string?>? Indicators);

/// <summary>One item's answer as sent (API.md). <see cref="ResultsUsedToImprove"/> takes text, or true/false.</summary>
public sealed record ItemInputBody(bool? Done, string? Evidence, string? Results, string? SuccessFactors, string? Problems, string? Improvements, string? Approach,
    JsonElement? ResultsUsedToImprove);

/// <summary>Who answers for an indicator in a round, and by when.</summary>
public sealed record AssignmentInput(string? Division, string? ResponsiblePerson, DateOnly? DueDate, int? Version);

/// <summary>An assessor's review of one indicator: a comment, and an agreed level with its reason when it differs.</summary>
public sealed record ReviewInput(string? Comment, int? AgreedLevel, string? Reason, int? Version);

/// <summary>
/// A round's life: created on the framework's current revision with the indicators in scope; items answered while Open;
/// Submitted freezes it (the levels are stored, linked reports are snapshotted) and makes it read-only; an AreaAdmin may
/// open it again with a reason (audited); assessors review it; it is closed.
/// </summary>
public sealed class Rounds(AppDbContext db, UserScope scope, TimeProvider time, IEnumerable<IEvidenceSnapshotter> snapshotters)
{
    public const string ReadOnly = "รอบการประเมินนี้ส่งแล้ว จึงแก้ไขไม่ได้ — ผู้ดูแลระดับเขตต้องเปิดรอบอีกครั้งก่อน";

    /// <summary>Why a round in this state cannot take the step (null when it can), for the use cases and the pages that ask first.</summary>
    public static string? CannotSubmit(RoundStatus status) => status != RoundStatus.Open ? "รอบการประเมินนี้ส่งแล้ว" : null;

    public static string? CannotReopen(RoundStatus status) => status switch
    {
        RoundStatus.Open => "รอบการประเมินนี้ยังเปิดอยู่",
        RoundStatus.Closed => "รอบการประเมินนี้ปิดแล้ว จึงเปิดอีกไม่ได้",
        _ => null,
    };

    public static string? CannotClose(RoundStatus status) => status switch
    {
        RoundStatus.Open => "รอบการประเมินต้องส่งก่อนจึงปิดได้",
        RoundStatus.Closed => "รอบการประเมินนี้ปิดแล้ว",
        _ => null,
    };

    public async Task<Outcome<AssessmentRound>> CreateAsync(Area area, RoundInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<AssessmentRound>.Invalid([new("", "กรุณาส่งรายละเอียดรอบการประเมิน")]);
        var checks = new Checks().Text(input.Name, "name", "ชื่อรอบการประเมิน", DataSchema.NameLength);
        if (input.StartDate is null) checks.Add("startDate", "กรุณาระบุวันเริ่มรอบ");
        if (input.EndDate is null) checks.Add("endDate", "กรุณาระบุวันสิ้นสุดรอบ");
        else if (input.StartDate is { } s && input.EndDate < s) checks.Add("endDate", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
        else if (input.StartDate is { } s2 && input.EndDate.Value.DayNumber - s2.DayNumber > 400) checks.Add("endDate", "รอบหนึ่งยาวได้ไม่เกินหนึ่งปี");
        Framework? framework = null;
        if (Checks.Clean(input.Framework) is not { } code) checks.Add("framework", "กรุณาระบุรหัสกรอบการประเมิน");
        else if ((framework = Guid.TryParse(code, out var fid) ? await db.Frameworks.FirstOrDefaultAsync(f => f.Id == fid, ct) : await SaveFramework.CurrentAsync(db, code, ct)) is null)
            checks.Add("framework", $"ไม่พบกรอบการประเมิน \"{code}\"");
        var keys = new List<string>();
        if (framework is not null)
        {
            var known = framework.Definition.Indicators().Select(x => IndicatorDef.Key(x.Standard, x.Indicator)).ToList();
            if (input.Indicators is null) keys = known;
            else if (input.Indicators.Count == 0) checks.Add("indicators", "กรุณาเลือกตัวชี้วัดอย่างน้อยหนึ่งตัว (หรือไม่ส่งเพื่อประเมินทุกตัว)");
            else
                foreach (var (key, i) in input.Indicators.Select((k, i) => (k?.Trim() ?? "", i)))
                {
                    if (!known.Contains(key)) checks.Add($"indicators[{i}]", $"ไม่มีตัวชี้วัด \"{key}\" ในกรอบ {framework.Code} — ใช้ได้: {string.Join(", ", known)}");
                    else if (keys.Contains(key)) checks.Add($"indicators[{i}]", $"ตัวชี้วัด {key} ซ้ำกัน");
                    else keys.Add(key);
                }
        }
        if (checks.Errors.Count > 0) return Outcome<AssessmentRound>.Invalid([.. checks.Errors]);
        var round = new AssessmentRound
        {
            AreaId = area.Id, FrameworkId = framework!.Id, Framework = framework, Name = Checks.Clean(input.Name)!,
            StartDate = input.StartDate!.Value, EndDate = input.EndDate!.Value,
        };
        db.AssessmentRounds.Add(round);
        foreach (var key in keys) db.RoundIndicators.Add(new RoundIndicator { AreaId = area.Id, RoundId = round.Id, IndicatorKey = key });
        return await db.TrySaveAsync(round, "", "", ct);
    }

    /// <summary>A round by id with its framework (null when the caller's scope does not see it).</summary>
    public static Task<AssessmentRound?> FindAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        db.AssessmentRounds.Include(r => r.Framework).FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Outcome<ItemEntry>> SaveItemAsync(AssessmentRound round, string indicatorKey, string itemText, ItemInputBody? input, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<ItemEntry>.Duplicate("", ReadOnly);
        var (indicator, item, problem) = await LocateAsync(round, indicatorKey, itemText, ct);
        if (problem is not null) return Outcome<ItemEntry>.NotFound(problem);
        if (input is null) return Outcome<ItemEntry>.Invalid([new("", "กรุณาส่งผลการดำเนินงานของประเด็นนี้")]);
        var checks = new Checks();
        if (input.Done is null) checks.Add("done", "กรุณาระบุว่าดำเนินการแล้วหรือไม่ (done: true/false)");
        var evidence = EvidenceClarity.None;
        if (Checks.Clean(input.Evidence) is not { } e) checks.Add("evidence", "กรุณาระบุความชัดเจนของหลักฐาน");
        else if (!Enum.TryParse(e, ignoreCase: true, out evidence) || !Enum.IsDefined(evidence) || int.TryParse(e, out _))
            checks.Add("evidence", $"ไม่รู้จักความชัดเจนของหลักฐาน \"{e}\" — ใช้ได้: None, Unclear, Clear, ClearAndVerified");
        foreach (var (text, field, label) in new[]
                 {
                     (input.Results, "results", "ผลการดำเนินงาน"), (input.SuccessFactors, "successFactors", "ปัจจัยความสำเร็จ"),
                     (input.Problems, "problems", "ปัญหาอุปสรรค"), (input.Improvements, "improvements", "จุดที่ควรพัฒนา"), (input.Approach, "approach", "แนวทางการพัฒนา"),
                 })
            checks.Text(text, field, label, DataSchema.TextLength, required: false);
        var used = ResultsUsed(input.ResultsUsedToImprove, checks);
        if (input.Done == false && evidence != EvidenceClarity.None) checks.Add("evidence", "ประเด็นที่ยังไม่ได้ดำเนินการต้องไม่มีหลักฐาน (None)");
        if (checks.Errors.Count > 0) return Outcome<ItemEntry>.Invalid([.. checks.Errors]);

        var entry = await db.ItemEntries.FirstOrDefaultAsync(x => x.RoundId == round.Id && x.IndicatorKey == indicatorKey && x.ItemNumber == item!.Number, ct);
        if (entry is null)
        {
            entry = new ItemEntry { AreaId = round.AreaId, RoundId = round.Id, IndicatorKey = indicatorKey, ItemNumber = item!.Number };
            db.ItemEntries.Add(entry);
        }
        entry.Done = input.Done!.Value;
        entry.Evidence = evidence;
        entry.Results = Checks.Clean(input.Results);
        entry.SuccessFactors = Checks.Clean(input.SuccessFactors);
        entry.Problems = Checks.Clean(input.Problems);
        entry.Improvements = Checks.Clean(input.Improvements);
        entry.Approach = Checks.Clean(input.Approach);
        entry.ResultsUsedToImprove = used;
        // Saved only while the round is still open: a submission at the same moment wins, and this answer is refused.
        var stillOpen = await db.AssessmentRounds.AsNoTracking().AnyAsync(r => r.Id == round.Id && r.Status == RoundStatus.Open && r.Version == round.Version, ct);
        if (!stillOpen) return Outcome<ItemEntry>.Duplicate("", ReadOnly);
        return await db.TrySaveAsync(entry, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>Text as given; true → "ใช่"; false, null or blank → none.</summary>
    private static string? ResultsUsed(JsonElement? value, Checks checks)
    {
        if (value is not { } v) return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.True: return "ใช่";
            case JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.String:
                var text = Checks.Clean(v.GetString());
                if (text is { Length: > DataSchema.TextLength }) checks.Add("resultsUsedToImprove", $"การนำผลไปใช้ปรับปรุงยาวได้ไม่เกิน {DataSchema.TextLength:#,0} ตัวอักษร");
                return text;
            default:
                checks.Add("resultsUsedToImprove", "การนำผลไปใช้ปรับปรุงต้องเป็นข้อความ หรือ true/false");
                return null;
        }
    }

    /// <summary>The indicator (in the round's scope) and item a path names, or why not.</summary>
    public async Task<(IndicatorDef? Indicator, ItemDef? Item, string? Problem)> LocateAsync(AssessmentRound round, string indicatorKey, string itemText, CancellationToken ct = default)
    {
        var framework = round.Framework ?? await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == round.FrameworkId, ct);
        if (framework.Definition.Find(indicatorKey) is not { } found) return (null, null, $"ไม่มีตัวชี้วัด \"{indicatorKey}\" ในกรอบการประเมินของรอบนี้");
        if (!await db.RoundIndicators.AnyAsync(i => i.RoundId == round.Id && i.IndicatorKey == indicatorKey, ct))
            return (null, null, $"ตัวชี้วัด {indicatorKey} ไม่อยู่ในขอบเขตของรอบนี้");
        if (!int.TryParse(itemText, out var number) || found.Indicator.Items.FirstOrDefault(i => i.Number == number) is not { } item)
            return (null, null, $"ไม่มีประเด็นการพิจารณาข้อ \"{itemText}\" ในตัวชี้วัด {indicatorKey}");
        return (found.Indicator, item, null);
    }

    /// <summary>The answers of every item of the round, by indicator key then item number.</summary>
    public static async Task<Dictionary<string, Dictionary<int, ItemEntry>>> EntriesAsync(AppDbContext db, Guid roundId, CancellationToken ct = default) =>
        (await db.ItemEntries.AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(ct))
        .GroupBy(e => e.IndicatorKey).ToDictionary(g => g.Key, g => g.ToDictionary(e => e.ItemNumber));

    public static IReadOnlyDictionary<int, ItemAnswer> Answers(Dictionary<int, ItemEntry>? entries) =>
        (entries ?? []).ToDictionary(e => e.Key, e => new ItemAnswer(e.Value.Done, e.Value.Evidence, !string.IsNullOrWhiteSpace(e.Value.ResultsUsedToImprove)));

    /// <summary>Hands the round in: the levels are stored as computed now, each linked report is frozen, and the round becomes read-only.</summary>
    public async Task<Outcome<AssessmentRound>> SubmitAsync(AssessmentRound round, int? version, CancellationToken ct = default)
    {
        if (CannotSubmit(round.Status) is { } why) return Outcome<AssessmentRound>.Duplicate("", why);
        if (version is { } v) db.Entry(round).Property(r => r.Version).OriginalValue = v;
        var framework = round.Framework!;
        var entries = await EntriesAsync(db, round.Id, ct);
        var indicators = await db.RoundIndicators.Where(i => i.RoundId == round.Id).ToListAsync(ct);
        foreach (var ri in indicators)
            if (framework.Definition.Find(ri.IndicatorKey) is { } found)
                ri.SubmittedLevel = Scoring.Compute(found.Indicator, Answers(entries.GetValueOrDefault(ri.IndicatorKey))).Level;
        var now = time.GetUtcNow();
        foreach (var evidence in await db.Evidence.Where(e => e.RoundId == round.Id && e.Kind == EvidenceKind.Report).ToListAsync(ct))
        {
            var snapshotter = snapshotters.FirstOrDefault(s => s.Handles(evidence.Report));
            if (snapshotter is null) continue;
            evidence.Snapshot = await snapshotter.SnapshotAsync(round, evidence, ct);
            evidence.SnapshotAt = now;
        }
        round.Status = RoundStatus.Submitted;
        round.SubmittedAt = now;
        round.SubmittedBy = scope.UserName;
        return await db.TrySaveAsync(round, "", "", ct);
    }

    /// <summary>Opens a submitted (or reviewed) round again for changes; an AreaAdmin's, with a reason the audit log keeps.</summary>
    public async Task<Outcome<AssessmentRound>> ReopenAsync(AssessmentRound round, string? reason, int? version, CancellationToken ct = default)
    {
        if (CannotReopen(round.Status) is { } why) return Outcome<AssessmentRound>.Duplicate("", why);
        var checks = new Checks().Text(reason, "reason", "เหตุผลที่เปิดรอบอีกครั้ง", DataSchema.NameLength);
        if (checks.Errors.Count > 0) return Outcome<AssessmentRound>.Invalid([.. checks.Errors]);
        if (version is { } v) db.Entry(round).Property(r => r.Version).OriginalValue = v;
        round.Status = RoundStatus.Open;
        round.ReopenReason = Checks.Clean(reason);
        round.SubmittedAt = null;
        round.SubmittedBy = null;
        // Linked reports show live again until the next submission freezes them anew.
        foreach (var evidence in await db.Evidence.Where(e => e.RoundId == round.Id && e.Kind == EvidenceKind.Report).ToListAsync(ct))
        {
            evidence.Snapshot = null;
            evidence.SnapshotAt = null;
        }
        return await db.TrySaveAsync(round, "", "", ct);
    }

    /// <summary>An assessor's comment and agreed level on one indicator of a submitted round.</summary>
    public async Task<Outcome<RoundIndicator>> ReviewAsync(AssessmentRound round, string indicatorKey, ReviewInput? input, CancellationToken ct = default)
    {
        if (round.Status is not (RoundStatus.Submitted or RoundStatus.Reviewed))
            return Outcome<RoundIndicator>.Duplicate("", round.Status == RoundStatus.Open ? "รอบการประเมินนี้ยังไม่ได้ส่ง จึงยังพิจารณาไม่ได้" : "รอบการประเมินนี้ปิดแล้ว");
        if (await db.RoundIndicators.FirstOrDefaultAsync(i => i.RoundId == round.Id && i.IndicatorKey == indicatorKey, ct) is not { } ri)
            return Outcome<RoundIndicator>.NotFound($"ตัวชี้วัด {indicatorKey} ไม่อยู่ในขอบเขตของรอบนี้");
        if (input is null) return Outcome<RoundIndicator>.Invalid([new("", "กรุณาส่งผลการพิจารณา")]);
        var checks = new Checks()
            .Text(input.Comment, "comment", "ความเห็นของผู้ประเมิน", DataSchema.TextLength, required: false)
            .Text(input.Reason, "reason", "เหตุผลของระดับที่เห็นชอบ", DataSchema.TextLength, required: false);
        var max = round.Framework!.Definition.Find(indicatorKey) is { } found ? Scoring.MaxLevel(found.Indicator.Rule) : 5;
        if (input.AgreedLevel is { } level)
        {
            if (level < 0 || level > max) checks.Add("agreedLevel", $"ระดับที่เห็นชอบต้องอยู่ระหว่าง 0 ถึง {max}");
            else if (level != ri.SubmittedLevel && Checks.Clean(input.Reason) is null) checks.Add("reason", "ระดับที่เห็นชอบต่างจากระดับของสำนักงาน กรุณาระบุเหตุผล");
        }
        if (checks.Errors.Count > 0) return Outcome<RoundIndicator>.Invalid([.. checks.Errors]);
        if (input.Version is { } v) db.Entry(ri).Property(r => r.Version).OriginalValue = v;
        ri.AssessorComment = Checks.Clean(input.Comment);
        ri.AgreedLevel = input.AgreedLevel;
        ri.AgreedReason = Checks.Clean(input.Reason);
        ri.ReviewedBy = scope.UserName;
        ri.ReviewedAt = time.GetUtcNow();
        round.Status = RoundStatus.Reviewed;
        return await db.TrySaveAsync(ri, "", "", ct);
    }

    public async Task<Outcome<AssessmentRound>> CloseAsync(AssessmentRound round, CancellationToken ct = default)
    {
        if (round.Status == RoundStatus.Open) return Outcome<AssessmentRound>.Duplicate("", CannotClose(round.Status)!);
        if (round.Status == RoundStatus.Closed) return Outcome<AssessmentRound>.Ok(round);
        round.Status = RoundStatus.Closed;
        return await db.TrySaveAsync(round, "", "", ct);
    }

    public async Task<Outcome<RoundIndicator>> AssignAsync(AssessmentRound round, string indicatorKey, AssignmentInput? input, CancellationToken ct = default)
    {
        if (round.Status != RoundStatus.Open) return Outcome<RoundIndicator>.Duplicate("", ReadOnly);
        if (await db.RoundIndicators.FirstOrDefaultAsync(i => i.RoundId == round.Id && i.IndicatorKey == indicatorKey, ct) is not { } ri)
            return Outcome<RoundIndicator>.NotFound($"ตัวชี้วัด {indicatorKey} ไม่อยู่ในขอบเขตของรอบนี้");
        if (input is null) return Outcome<RoundIndicator>.Invalid([new("", "กรุณาส่งผู้รับผิดชอบ")]);
        var checks = new Checks().Text(input.ResponsiblePerson, "responsiblePerson", "ผู้รับผิดชอบ", DataSchema.NameLength, required: false);
        Guid? division = null;
        if (Checks.Clean(input.Division) is { } d)
        {
            // By id (the page's list) or by name (the API); an id is compared as a Guid, never as text (SQLite keeps it upper case).
            var divisions = db.Divisions.AsNoTracking().Where(x => x.AreaId == round.AreaId);
            divisions = Guid.TryParse(d, out var id) ? divisions.Where(x => x.Id == id) : divisions.Where(x => x.Name == d);
            var found = await divisions.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            if (found is null) checks.Add("division", $"ไม่พบกลุ่มงาน \"{d}\" ในเขตพื้นที่");
            division = found;
        }
        if (checks.Errors.Count > 0) return Outcome<RoundIndicator>.Invalid([.. checks.Errors]);
        if (input.Version is { } v) db.Entry(ri).Property(r => r.Version).OriginalValue = v;
        ri.DivisionId = division;
        ri.ResponsiblePerson = Checks.Clean(input.ResponsiblePerson);
        ri.DueDate = input.DueDate;
        return await db.TrySaveAsync(ri, "", "", ct);
    }
}

/// <summary>Freezes one kind of linked report into a piece of evidence when its round is submitted (JSON of what it showed).</summary>
public interface IEvidenceSnapshotter
{
    bool Handles(string? report);
    Task<string> SnapshotAsync(AssessmentRound round, Evidence evidence, CancellationToken ct);
}
