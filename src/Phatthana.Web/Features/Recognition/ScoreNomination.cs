using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Recognition.RecognitionText;

namespace Phatthana.Web.Features.Recognition;

/// <summary>A score for the criterion numbered <c>criterion</c> (1, 2, …).</summary>
public sealed record ScoreItem(int? Criterion, decimal? Score);

public sealed record ScoreInput(List<ScoreItem?>? Scores);

/// <summary>
/// A committee member's sheet for one nomination: every criterion once, each within its range, given once and never changed.
/// Refused for a caller not on the committee, for a nominee of the member's own school (conflict of interest), before
/// nominations close, after the scoring deadline or the announcement.
/// </summary>
public sealed class ScoreNomination(AppDbContext db, UserScope scope, TimeProvider time)
{
    /// <summary>The caller's place on the programme's committee, if any.</summary>
    public Task<AwardCommitteeMember?> MemberAsync(Guid programmeId, CancellationToken ct = default) =>
        db.AwardCommitteeMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ProgrammeId == programmeId && m.UserId == scope.UserId, ct);

    /// <summary>Why the member may not score this nomination now, as the outcome to answer; null when they may.</summary>
    public static Outcome<T2>? Refusal<T2>(AwardSelection selection, AwardCommitteeMember? member, Nomination nomination, DateOnly today, bool alreadyScored)
    {
        if (member is null) return Outcome<T2>.Forbidden("", T.NotCommittee);
        if (member.SchoolId is { } school && school == nomination.SchoolId) return Outcome<T2>.Forbidden("", T.Conflict);
        return selection.StageOn(today) switch
        {
            SelectionStage.Announced => Outcome<T2>.Duplicate("", T.Announced),
            SelectionStage.NotOpen or SelectionStage.Nominating => Outcome<T2>.Duplicate("", "ยังไม่ถึงช่วงให้คะแนน — ให้คะแนนได้เมื่อปิดรับการเสนอชื่อแล้ว"),
            _ when today > selection.ScoringCloses => Outcome<T2>.Duplicate("", $"หมดเวลาให้คะแนนแล้ว (ให้คะแนนได้ถึง {ThaiDate.Short(selection.ScoringCloses)})"),
            _ when alreadyScored => Outcome<T2>.Duplicate("", T.ScoredTwice),
            _ => null,
        };
    }

    public async Task<Outcome<Nomination>> ScoreAsync(Nomination nomination, ScoreInput? input, CancellationToken ct = default)
    {
        var selection = await db.AwardSelections.AsNoTracking().FirstAsync(s => s.Id == nomination.SelectionId, ct);
        var member = await MemberAsync(selection.ProgrammeId, ct);
        var scored = member is not null && await db.AwardScores.AnyAsync(s => s.NominationId == nomination.Id && s.MemberId == member.Id, ct);
        if (Refusal<Nomination>(selection, member, nomination, ThaiDate.TodayInThailand(time), scored) is { } refused) return refused;

        var criteria = await db.AwardCriteria.AsNoTracking().Where(c => c.ProgrammeId == selection.ProgrammeId).OrderBy(c => c.Number).ToListAsync(ct);
        var checks = new Checks();
        var given = input?.Scores ?? [];
        var seen = new Dictionary<Guid, decimal>();
        foreach (var (item, i) in given.Select((s, i) => (s, i)))
        {
            var f = $"scores[{i}]";
            if (criteria.FirstOrDefault(c => c.Number == item?.Criterion) is not { } c)
            {
                checks.Add($"{f}.criterion", $"ไม่มีหลักเกณฑ์ข้อ {item?.Criterion} ในโครงการนี้");
                continue;
            }
            if (seen.ContainsKey(c.Id)) { checks.Add($"{f}.criterion", $"ให้คะแนนข้อ {c.Number} ซ้ำในแบบเดียวกัน"); continue; }
            if (item!.Score is not { } score) checks.Add($"{f}.score", $"กรุณาให้คะแนนข้อ {c.Number}");
            else if (!AwardScoring.InRange(new ScoringCriterion(c.Id, c.Weight, c.MinScore, c.MaxScore), score) || decimal.Round(score, 2) != score)
                checks.Add($"{f}.score", $"คะแนนข้อ {c.Number} ({score:0.##}) ต้องอยู่ระหว่าง {c.MinScore} ถึง {c.MaxScore}");
            else seen[c.Id] = score;
        }
        foreach (var c in criteria.Where(c => given.All(g => g?.Criterion != c.Number)))
            checks.Add("scores", $"ยังไม่ได้ให้คะแนนข้อ {c.Number} {c.Name}");
        if (!checks.IsValid) return Outcome<Nomination>.Invalid([.. checks.Errors]);

        var now = time.GetUtcNow();
        db.AwardScores.AddRange(seen.Select(s => new AwardScore
        {
            AreaId = nomination.AreaId, NominationId = nomination.Id, CriterionId = s.Key, MemberId = member!.Id, Score = s.Value, ScoredAt = now,
        }));
        // The unique key (nomination, member, criterion) is the last guard against the same sheet sent twice at once.
        var saved = await db.TrySaveAsync(nomination, "", T.ScoredTwice, ct);
        return saved.Succeeded ? saved : Outcome<Nomination>.Duplicate("", T.ScoredTwice);
    }
}
