using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Recognition;

/// <summary>Who gives the award: a school, the area office, or the nation (the area selects and sends on).</summary>
public enum AwardLevel { School, Area, National }

/// <summary>How often a selection is held: once a year (ครูดีในดวงใจ) or every month ("เพชรน้ำหนึ่ง").</summary>
public enum AwardPeriod { Yearly, Monthly }

/// <summary>
/// โครงการยกย่องเชิดชูเกียรติ / การคัดเลือก: the standing rules of an award — its level and period, who may nominate, who is
/// eligible, the criteria the committee scores and the committee itself. Each period's round is an <see cref="AwardSelection"/>.
/// </summary>
public sealed class AwardProgramme : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public required string Name { get; set; }
    public AwardLevel Level { get; set; }
    public AwardPeriod Period { get; set; }
    public string? Description { get; set; }
    /// <summary>Directors (SchoolAdmin) may nominate their own staff; area staff always may.</summary>
    public bool SchoolsNominate { get; set; } = true;
    /// <summary>A person may put themself forward.</summary>
    public bool SelfNomination { get; set; }
    /// <summary>Positions a nominee may hold; empty means any.</summary>
    public List<Position> EligiblePositions { get; set; } = [];
    /// <summary>Whole years since the nominee's start date, counted at the close of nominations.</summary>
    public int? MinYearsOfService { get; set; }
    /// <summary>The nominator must declare the nominee has never been disciplined (ไม่เคยถูกดำเนินการทางวินัย).</summary>
    public bool RequiresCleanRecord { get; set; }
    /// <summary>How many of the top-ranked are awarded in each selection (ties at the cut are all awarded).</summary>
    public int Awards { get; set; } = 1;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>หลักเกณฑ์การพิจารณา: one criterion with its weight (the weights of a programme total 100) and the score range a member gives.</summary>
public sealed class AwardCriterion : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProgrammeId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public int MinScore { get; set; }
    public int MaxScore { get; set; }
}

/// <summary>
/// A member of the programme's คณะกรรมการพิจารณาคัดเลือก: a user account who scores, and the school they belong to (if any) —
/// they cannot score a nominee of that school.
/// </summary>
public sealed class AwardCommitteeMember : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProgrammeId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>ประธาน / กรรมการ / เลขานุการ, as the appointment order says.</summary>
    public string? Duty { get; set; }
    public Guid? SchoolId { get; set; }
}

/// <summary>Where a selection stands; worked out from its dates and the two steps area staff take.</summary>
public enum SelectionStage { NotOpen, Nominating, Scoring, Announced }

/// <summary>
/// One round of a programme: "ครั้งที่ 10 ประจำปี 2556" or "ประจำเดือนกุมภาพันธ์ 2556". Nominations are taken within the window,
/// the committee scores until <see cref="ScoringCloses"/>, then area staff announce the ranking and the certificates follow.
/// </summary>
public sealed class AwardSelection : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProgrammeId { get; set; }
    public AwardProgramme? Programme { get; set; }
    public required string Title { get; set; }
    /// <summary>The year (พ.ศ.) the selection is counted in.</summary>
    public int Year { get; set; }
    /// <summary>1–12 for a monthly award.</summary>
    public int? Month { get; set; }
    public DateOnly NominationOpens { get; set; }
    public DateOnly NominationCloses { get; set; }
    public DateOnly ScoringCloses { get; set; }
    /// <summary>Set when area staff close nominations before the window ends.</summary>
    public DateTimeOffset? NominationsClosedAt { get; set; }
    public DateTimeOffset? AnnouncedAt { get; set; }
    public DateOnly? AnnouncedOn { get; set; }
    public string? AnnouncedBy { get; set; }
    /// <summary>ประเมินผลโครงการ: what the office learned from the round.</summary>
    public string? Evaluation { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public SelectionStage StageOn(DateOnly today) =>
        AnnouncedAt is not null ? SelectionStage.Announced
        : NominationsClosedAt is not null || today > NominationCloses ? SelectionStage.Scoring
        : today < NominationOpens ? SelectionStage.NotOpen
        : SelectionStage.Nominating;
}

/// <summary>
/// การเสนอชื่อ: a person put forward in a selection with a statement of their work and evidence files. Seen as the nominee's
/// record is (a director sees their school's, a teacher their own). After the announcement it carries its rank and, when
/// awarded, a certificate number and verification code.
/// </summary>
public sealed class Nomination : IPersonOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid SelectionId { get; set; }
    public AwardSelection? Selection { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The nominee's school when nominated (a conflict of interest is judged against it).</summary>
    public Guid? SchoolId { get; set; }
    public required string Statement { get; set; }
    public bool NoDisciplinaryRecord { get; set; }
    public string? NominatedBy { get; set; }
    public DateTimeOffset NominatedAt { get; set; }
    public decimal? Total { get; set; }
    public int? Rank { get; set; }
    public bool Awarded { get; set; }
    public string? CertificateNumber { get; set; }
    public string? CertificateCode { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file backing a nomination (ผลงาน, คำสั่ง, รูปภาพ), kept like self-assessment evidence: checked by content, stored outside the web root.</summary>
public sealed class NominationEvidence : IPersonOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NominationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? SchoolId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StoredName { get; set; }
    public required string Sha256 { get; set; }
    public string? AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>One committee member's score of one criterion for one nomination; given once, never changed.</summary>
public sealed class AwardScore : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NominationId { get; set; }
    public Guid CriterionId { get; set; }
    public Guid MemberId { get; set; }
    public decimal Score { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}
