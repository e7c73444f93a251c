using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment;

/// <summary>How clearly an item's evidence shows it was done (ความชัดเจนของหลักฐาน).</summary>
public enum EvidenceClarity { None, Unclear, Clear, ClearAndVerified }

/// <summary>A round's life: the office fills it in (Open), hands it in (Submitted, read-only), assessors review it, it is closed.</summary>
public enum RoundStatus { Open, Submitted, Reviewed, Closed }

/// <summary>What backs an item: an uploaded document, or one of the system's own reports frozen at submission.</summary>
public enum EvidenceKind { File, Report }

/// <summary>
/// A self-assessment framework (e.g. มาตรฐานสำนักงานเขตพื้นที่การศึกษา มาตรฐานที่ 1): standards → indicators (each with its
/// scoring rule) → consideration items (ประเด็นการพิจารณา), kept as one document. A framework a round uses is never
/// edited in place: a change makes the next revision under the same code, and the rounds keep the one they began on.
/// </summary>
public sealed class Framework : IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    /// <summary>1, 2, … under the same code; the highest is the current one.</summary>
    public int Revision { get; set; } = 1;
    public required string Name { get; set; }
    public FrameworkDefinition Definition { get; set; } = FrameworkDefinition.Empty;
    /// <summary>Shipped with the system, transcribed from the offices' own reports.</summary>
    public bool IsShipped { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record FrameworkDefinition(IReadOnlyList<StandardDef> Standards)
{
    public static FrameworkDefinition Empty => new([]);

    public IEnumerable<(StandardDef Standard, IndicatorDef Indicator)> Indicators() =>
        Standards.SelectMany(s => s.Indicators.Select(i => (s, i)));

    public (StandardDef Standard, IndicatorDef Indicator)? Find(string key) =>
        Indicators().Where(x => IndicatorDef.Key(x.Standard, x.Indicator) == key).Select(x => ((StandardDef, IndicatorDef)?)x).FirstOrDefault();
}

public sealed record StandardDef(int Number, string Name, IReadOnlyList<IndicatorDef> Indicators);

public sealed record IndicatorDef(int Number, string Name, ScoringRule Rule, IReadOnlyList<ItemDef> Items, IReadOnlyList<LevelDescription>? LevelDescriptions = null)
{
    /// <summary>"1.2": standard 1, indicator 2 (API.md).</summary>
    public static string Key(StandardDef s, IndicatorDef i) => $"{s.Number}.{i.Number}";
}

public sealed record ItemDef(int Number, string Text);

public sealed record LevelDescription(int Level, string Text);

/// <summary>
/// How an indicator's level is computed (API.md): Count — the highest level whose minClear is reached by the items with
/// Clear or ClearAndVerified evidence; Rubric — 0 unless every item is done, then 4/3/2/1 by the evidence.
/// </summary>
public sealed record ScoringRule(string Kind, IReadOnlyList<CountLevel>? Levels = null)
{
    public const string CountKind = "Count";
    public const string RubricKind = "Rubric";
}

public sealed record CountLevel(int Level, int MinClear);

/// <summary>ครั้งที่ 1/2568: a six-month self-assessment of an area on one framework revision, with the indicators in scope.</summary>
public sealed class AssessmentRound : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid FrameworkId { get; set; }
    public Framework? Framework { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public RoundStatus Status { get; set; } = RoundStatus.Open;
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    /// <summary>Why a submitted round was opened again (an AreaAdmin's; the audit log keeps every one).</summary>
    public string? ReopenReason { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An indicator in a round's scope: who answers for it, by when, and the assessor's review.</summary>
public sealed class RoundIndicator : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid RoundId { get; set; }
    /// <summary>"1.2".</summary>
    public required string IndicatorKey { get; set; }
    public Guid? DivisionId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>The office's level, computed by the rule and stored at submission (while open it is computed live).</summary>
    public int? SubmittedLevel { get; set; }
    public string? AssessorComment { get; set; }
    /// <summary>The level the assessor agrees, when it differs; the office's level is kept beside it.</summary>
    public int? AgreedLevel { get; set; }
    public string? AgreedReason { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One consideration item in a round: done or not, how clear the evidence is, and the seeds' narrative columns.</summary>
public sealed class ItemEntry : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid RoundId { get; set; }
    public required string IndicatorKey { get; set; }
    public int ItemNumber { get; set; }
    public bool Done { get; set; }
    public EvidenceClarity Evidence { get; set; }
    /// <summary>ผลการดำเนินงาน.</summary>
    public string? Results { get; set; }
    /// <summary>ปัจจัยความสำเร็จ / Best Practice.</summary>
    public string? SuccessFactors { get; set; }
    /// <summary>ปัญหา อุปสรรค.</summary>
    public string? Problems { get; set; }
    /// <summary>จุดที่ควรพัฒนา.</summary>
    public string? Improvements { get; set; }
    /// <summary>แนวทางการพัฒนา.</summary>
    public string? Approach { get; set; }
    /// <summary>การนำผลไปใช้ปรับปรุง (the rubric's level 4 needs it on every item).</summary>
    public string? ResultsUsedToImprove { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A piece of evidence of a round: an uploaded file (stored outside the web root under a generated name) or a link to
/// one of the system's reports, whose figures are frozen into <see cref="Snapshot"/> when the round is submitted.
/// One piece may back several items (<see cref="ItemEvidence"/>).
/// </summary>
public sealed class Evidence : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid RoundId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>File: the name as uploaded (shown, never used as a path).</summary>
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? Size { get; set; }
    /// <summary>File: the generated name under the evidence folder.</summary>
    public string? StoredName { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>Report: which report ("manpower", "data-quality", "training-summary", "plan-progress").</summary>
    public string? Report { get; set; }
    /// <summary>Report: its parameters, e.g. "fiscalYear=2568".</summary>
    public string? Parameters { get; set; }
    /// <summary>Report: the figures as they were at submission (JSON); null while the round is open (shown live).</summary>
    public string? Snapshot { get; set; }
    public DateTimeOffset? SnapshotAt { get; set; }
    public string? AddedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Which item a piece of evidence backs.</summary>
public sealed class ItemEvidence : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid EntryId { get; set; }
    public ItemEntry? Entry { get; set; }
    public Guid EvidenceId { get; set; }
    public Evidence? Evidence { get; set; }
}
