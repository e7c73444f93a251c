using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment;

public sealed record EvidenceDto(Guid Id, EvidenceKind Kind, string Title, string? FileName, long? Size, string? Report, string? Parameters, bool Frozen, DateTimeOffset? SnapshotAt);

public sealed record ItemDto(int Number, string Text, bool Done, EvidenceClarity Evidence, string? Results, string? SuccessFactors, string? Problems,
    string? Improvements, string? Approach, string? ResultsUsedToImprove, IReadOnlyList<EvidenceDto> Documents);

public sealed record IndicatorDto(int Standard, string StandardName, int Number, string Key, string Name, int Level, int MaxLevel, string LevelReason,
    string? LevelDescription, int? PreviousLevel, int? AgreedLevel, string? AgreedReason, string? AssessorComment, string? Division, string? ResponsiblePerson,
    DateOnly? DueDate, int Version, IReadOnlyList<ItemDto> Items);

public sealed record RoundDto(Guid Id, string Name, string Framework, int FrameworkRevision, string FrameworkName, DateOnly StartDate, DateOnly EndDate,
    RoundStatus Status, DateTimeOffset? SubmittedAt, string? SubmittedBy, string? ReopenReason, string? PreviousRound, int Version,
    IReadOnlyList<IndicatorDto> Indicators);

/// <summary>
/// A round as everyone reads it (API, pages, the SAR): every indicator in scope in the framework's order with its level
/// computed by the rule and the reason, the items with their answers and evidence, the assessor's review, and the level
/// the same indicator had in the area's previous round on the same framework.
/// </summary>
public static class RoundView
{
    public static async Task<RoundDto> BuildAsync(AppDbContext db, AssessmentRound round, CancellationToken ct = default)
    {
        var framework = round.Framework ?? await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == round.FrameworkId, ct);
        var inScope = await db.RoundIndicators.AsNoTracking().Where(i => i.RoundId == round.Id).ToListAsync(ct);
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.AreaId == round.AreaId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var entries = await Rounds.EntriesAsync(db, round.Id, ct);
        var links = await db.ItemEvidence.AsNoTracking().Where(l => l.Entry!.RoundId == round.Id)
            .Select(l => new { l.EntryId, l.Evidence }).ToListAsync(ct);
        var byEntry = links.GroupBy(l => l.EntryId).ToDictionary(g => g.Key, g => g.Select(l => ToDto(l.Evidence!)).OrderBy(e => e.Title).ToList());

        var previous = await db.AssessmentRounds.AsNoTracking()
            .Where(r => r.AreaId == round.AreaId && r.Id != round.Id && r.StartDate < round.StartDate && r.Framework!.Code == framework.Code)
            .OrderByDescending(r => r.StartDate).Select(r => new { r.Id, r.Name, r.FrameworkId }).FirstOrDefaultAsync(ct);
        var previousLevels = new Dictionary<string, int>();
        if (previous is not null)
        {
            var prevFramework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == previous.FrameworkId, ct);
            var prevEntries = await Rounds.EntriesAsync(db, previous.Id, ct);
            foreach (var key in await db.RoundIndicators.AsNoTracking().Where(i => i.RoundId == previous.Id).Select(i => i.IndicatorKey).ToListAsync(ct))
                if (prevFramework.Definition.Find(key) is { } pf)
                    previousLevels[key] = Scoring.Compute(pf.Indicator, Rounds.Answers(prevEntries.GetValueOrDefault(key))).Level;
        }

        var keys = inScope.ToDictionary(i => i.IndicatorKey);
        var indicators = new List<IndicatorDto>();
        foreach (var (standard, indicator) in framework.Definition.Indicators())
        {
            var key = IndicatorDef.Key(standard, indicator);
            if (!keys.TryGetValue(key, out var ri)) continue;
            var mine = entries.GetValueOrDefault(key);
            var level = Scoring.Compute(indicator, Rounds.Answers(mine));
            var items = indicator.Items.Select(item =>
            {
                var e = mine?.GetValueOrDefault(item.Number);
                return new ItemDto(item.Number, item.Text, e?.Done ?? false, e?.Evidence ?? EvidenceClarity.None, e?.Results, e?.SuccessFactors, e?.Problems,
                    e?.Improvements, e?.Approach, e?.ResultsUsedToImprove, e is null ? [] : byEntry.GetValueOrDefault(e.Id) ?? []);
            }).ToList();
            indicators.Add(new IndicatorDto(standard.Number, standard.Name, indicator.Number, key, indicator.Name, level.Level, level.MaxLevel, level.Reason,
                indicator.LevelDescriptions?.FirstOrDefault(d => d.Level == level.Level)?.Text,
                previousLevels.TryGetValue(key, out var p) ? p : null, ri.AgreedLevel, ri.AgreedReason, ri.AssessorComment,
                ri.DivisionId is { } d ? divisions.GetValueOrDefault(d) : null, ri.ResponsiblePerson, ri.DueDate, ri.Version, items));
        }
        return new RoundDto(round.Id, round.Name, framework.Code, framework.Revision, framework.Name, round.StartDate, round.EndDate, round.Status,
            round.SubmittedAt, round.SubmittedBy, round.ReopenReason, previous?.Name, round.Version, indicators);
    }

    public static EvidenceDto ToDto(Evidence e) =>
        new(e.Id, e.Kind, e.Title, e.FileName, e.Size, e.Report, e.Parameters, e.Snapshot is not null, e.SnapshotAt);
}
