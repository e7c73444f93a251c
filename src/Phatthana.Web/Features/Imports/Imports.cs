using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Imports;

public enum ImportKind { Schools, People, Posts, StudentCounts, ExternalCompletions, Onet }

public enum ImportStatus { Queued, Running, Succeeded, Failed }

/// <summary>The import kinds as the API names them in paths, and as people read them.</summary>
public static class ImportKinds
{
    public static string Slug(ImportKind kind) => kind switch
    {
        ImportKind.Schools => "schools",
        ImportKind.People => "people",
        ImportKind.Posts => "posts",
        ImportKind.StudentCounts => "student-counts",
        ImportKind.ExternalCompletions => "external-completions",
        ImportKind.Onet => "onet",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kinds whose file is of one academic year, named with the import.</summary>
    public static bool NeedsYear(ImportKind kind) => kind is ImportKind.StudentCounts or ImportKind.Onet;

    public static ImportKind? FromSlug(string? slug) =>
        Enum.GetValues<ImportKind>().Cast<ImportKind?>().FirstOrDefault(k => Slug(k!.Value) == slug?.Trim().ToLowerInvariant());

    public static string Label(ImportKind kind) => kind switch
    {
        ImportKind.Schools => "สถานศึกษา",
        ImportKind.People => "บุคลากร",
        ImportKind.Posts => "อัตรา (จ.18)",
        ImportKind.StudentCounts => "จำนวนนักเรียน",
        ImportKind.ExternalCompletions => "ผลการพัฒนาจากภายนอก (UTQ, TEPE Online, คูปอง)",
        ImportKind.Onet => "ผลการทดสอบ O-NET",
        _ => kind.ToString(),
    };

    public static string Label(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "รอดำเนินการ",
        ImportStatus.Running => "กำลังนำเข้า",
        ImportStatus.Succeeded => "สำเร็จ",
        ImportStatus.Failed => "ไม่สำเร็จ (ไม่มีการบันทึก)",
        _ => status.ToString(),
    };
}

/// <summary>
/// What an import reports: how many rows were read and how many records were created or updated; or, when anything
/// is wrong, every bad row and field in Thai and nothing saved. Notes say how values were read (a year in the other
/// era, a code with its lost leading zero) without stopping the import.
/// </summary>
public sealed record ImportResult(int Rows, int Created, int Updated, IReadOnlyList<FieldError> Errors, IReadOnlyList<FieldError> Notes)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult FileProblem(string message) => new(0, 0, 0, [new FieldError("file", message)], []);

    public static ImportResult Failed(int rows, IReadOnlyList<FieldError> errors, IReadOnlyList<FieldError> notes) => new(rows, 0, 0, errors, notes);
}

/// <summary>
/// An import started from a page: the file waits in the database, a background worker runs it, and the page polls its
/// progress — so a person can leave and come back, and any instance behind a load balancer can show the outcome.
/// </summary>
public sealed class ImportJob : IOptionalSchoolOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    /// <summary>Set when the file was uploaded from a school's page (student counts without a school column).</summary>
    public Guid? SchoolId { get; set; }
    public ImportKind Kind { get; set; }
    public int? AcademicYear { get; set; }
    public required string FileName { get; set; }
    /// <summary>The uploaded file; kept for the error report, cleared some days after the job ends.</summary>
    public byte[]? Content { get; set; }
    public long Size { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public ImportStatus Status { get; set; }
    public int Rows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    /// <summary>Progress while running: rows done of rows to do, and the phase in Thai.</summary>
    public int Done { get; set; }
    public int Total { get; set; }
    public string? Phase { get; set; }
    public string? ErrorsJson { get; set; }
    public string? NotesJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Last sign of life from the worker running it; a job whose worker stopped is run again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public int Version { get; set; }
}
