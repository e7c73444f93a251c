using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Training;

/// <summary>How a course develops people (API.md's method codes).</summary>
public enum DevelopmentMethod { Training, Workshop, Seminar, StudyVisit, ETraining, Distance, Plc, Coaching }

/// <summary>A session's life: planned, open for registration, closed to registration, completed (results entered).</summary>
public enum SessionStatus { Planned, Open, Closed, Completed }

/// <summary>A registration holds a seat, waits for one, or was cancelled (kept for the record).</summary>
public enum RegistrationStatus { Registered, Waitlisted, Cancelled }

/// <summary>หลักสูตร: what is taught, how, for how many hours, and the post-test score that passes.</summary>
public sealed class Course : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    /// <summary>Unique within the area.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Objectives { get; set; }
    public DevelopmentMethod Method { get; set; }
    public decimal Hours { get; set; }
    /// <summary>Post-test score (%) at or above which an attendee passes.</summary>
    public decimal PassPercent { get; set; }
    public string? Provider { get; set; }
    public decimal? CostPerPerson { get; set; }
    public List<Position> TargetPositions { get; set; } = [];
    public List<SubjectArea> TargetSubjectAreas { get; set; } = [];
    /// <summary>
    /// The development need the course answers: a topic as the people of one fiscal year asked for it (the askers are that
    /// year's, read again whenever shown, so a plan submitted later joins them). Set when the course is made from the need.
    /// </summary>
    public Guid? NeedTopicId { get; set; }
    public int? NeedFiscalYear { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// รุ่น: one running of a course. <see cref="Registered"/> counts the seats taken; it is raised by one conditional update
/// (only while below <see cref="Capacity"/>), so simultaneous registrations for the last seat can never overfill it.
/// </summary>
public sealed class TrainingSession : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid CourseId { get; set; }
    public Course? Course { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required string Venue { get; set; }
    public int Capacity { get; set; }
    public int Registered { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Open;
    public string? Trainers { get; set; }
    /// <summary>First day (Thai calendar) people may register; none = from when the session is open.</summary>
    public DateOnly? RegistrationOpensOn { get; set; }
    /// <summary>Last day people may register; none = until the session is closed.</summary>
    public DateOnly? RegistrationClosesOn { get; set; }
    /// <summary>Results approved by the course owner: changes after this are refused unless reopened (and are audited).</summary>
    public DateTimeOffset? ResultsApprovedAt { get; set; }
    /// <summary>Who approved the results (user name).</summary>
    public string? ResultsApprovedBy { get; set; }
    /// <summary>Why approved results were last opened again for changes (the audit log keeps every earlier one).</summary>
    public string? ResultsReopenReason { get; set; }

    /// <summary>The days the session runs, first to last.</summary>
    public IEnumerable<DateOnly> Days() => Enumerable.Range(0, EndDate.DayNumber - StartDate.DayNumber + 1).Select(StartDate.AddDays);

    public int DayCount => EndDate.DayNumber - StartDate.DayNumber + 1;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A person's place in a session and, once entered, their attendance and result.</summary>
public sealed class Registration : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid SessionId { get; set; }
    public TrainingSession? Session { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public RegistrationStatus Status { get; set; }
    /// <summary>When the person asked: the waitlist moves up in this order.</summary>
    public DateTimeOffset RequestedAt { get; set; }
    public string? RegisteredBy { get; set; }
    /// <summary>Why an ineligible person was registered anyway, when they were.</summary>
    public string? OverrideReason { get; set; }
    public bool? Attended { get; set; }
    /// <summary>The session's days the person was present (from the sign-in sheet); empty when only "attended" was recorded.</summary>
    public List<DateOnly> DaysAttended { get; set; } = [];
    public decimal? Hours { get; set; }
    public decimal? PreTest { get; set; }
    public decimal? PostTest { get; set; }
    public bool? Passed { get; set; }
    /// <summary>เลขที่เกียรติบัตร, e.g. "PBI1-2568-0001", given when the certificate is issued.</summary>
    public string? CertificateNumber { get; set; }
    /// <summary>The code in the certificate's QR link (/verify/{code}); unguessable.</summary>
    public string? CertificateCode { get; set; }
    public DateTimeOffset? CertificateRevokedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Development done elsewhere (UTQ, TEPE Online, OBEC e-learning, coupon courses), imported from files.</summary>
public sealed class ExternalCompletion : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The platform or provider, e.g. "UTQ online", "TEPE Online".</summary>
    public required string Source { get; set; }
    public required string Title { get; set; }
    public DateOnly CompletedOn { get; set; }
    public decimal Hours { get; set; }
    public bool Passed { get; set; } = true;
    public decimal? Cost { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An area's training rules: the development hours each person should reach in a fiscal year, and the development coupon
/// (คูปองพัฒนาครู) each person is allocated per fiscal year. An area without a row uses the defaults.
/// </summary>
public sealed class TrainingSettings : IAreaOwned, IVersioned, ITimestamped
{
    public const decimal DefaultRequiredHours = 20m;
    public const decimal DefaultCoupon = 10_000m;

    public Guid AreaId { get; set; }
    public decimal RequiredHoursPerYear { get; set; } = DefaultRequiredHours;
    public decimal CouponPerPerson { get; set; } = DefaultCoupon;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static TrainingSettings Defaults(Guid areaId) => new() { AreaId = areaId };
}

/// <summary>The platforms external completions come from, so the same platform typed differently is one source.</summary>
public static class ExternalSources
{
    public const string Utq = "UTQ online";
    public const string Tepe = "TEPE Online";
    public const string ELearning = "OBEC e-learning";
    public const string Coupon = "คูปองพัฒนาครู";

    public static readonly IReadOnlyList<string> Known = [Utq, Tepe, ELearning, Coupon];

    /// <summary>"utq", "UTQ Online" → "UTQ online"; "คูปอง" → "คูปองพัฒนาครู"; anything else as typed (trimmed); blank → null.</summary>
    public static string? Normalise(string? text)
    {
        var clean = Shared.Validation.Checks.Clean(text);
        if (clean is null) return null;
        var key = new string(clean.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').ToArray());
        return key switch
        {
            "utq" or "utqonline" => Utq,
            "tepe" or "tepeonline" => Tepe,
            "elearning" or "obecelearning" or "สพฐelearning" => ELearning,
            _ when IsCoupon(clean) => Coupon,
            _ => clean,
        };
    }

    /// <summary>A completion paid from the development coupon.</summary>
    public static bool IsCoupon(string source) =>
        source.Contains("คูปอง", StringComparison.Ordinal) || source.Contains("coupon", StringComparison.OrdinalIgnoreCase);
}
