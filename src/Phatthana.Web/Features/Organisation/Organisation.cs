using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Organisation;

public enum AreaKind { Primary, Secondary }

public enum SchoolType { Primary, ExtendedOpportunity, Secondary }

/// <summary>สำนักงานเขตพื้นที่การศึกษา (สพป./สพม.).</summary>
public sealed class Area : IVersioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AreaKind Kind { get; set; }
    public required string Province { get; set; }
    public int Version { get; set; }
}

/// <summary>The area's emblem for the running header of its printed reports (PNG or JPEG, kept apart from
/// <see cref="Area"/> so the per-request area lookup never loads the picture).</summary>
public sealed class AreaLogo : IAreaOwned
{
    public const int MaxBytes = 512 * 1024;
    public Guid AreaId { get; set; }
    public required byte[] Image { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A simple list an area keeps by name (districts, divisions).</summary>
public interface INamedAreaItem : IAreaOwned, IVersioned
{
    Guid Id { get; }
    new Guid AreaId { get; set; }
    string Name { get; set; }
    /// <summary>The length of the name column, which the validator checks before the database would refuse it.</summary>
    static abstract int NameMaxLength { get; }
}

/// <summary>กลุ่มงาน of the area office.</summary>
public sealed class Division : IAreaOwned, IVersioned, INamedAreaItem
{
    public static int NameMaxLength => DataSchema.NameLength;
    public Guid Id { get; set; }
    public Guid AreaId { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>อำเภอ served by the area.</summary>
public sealed class District : IAreaOwned, IVersioned, INamedAreaItem
{
    public static int NameMaxLength => DataSchema.ShortNameLength;
    public Guid Id { get; set; }
    public Guid AreaId { get; set; }
    public string Name { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>กลุ่มเครือข่ายสถานศึกษา: 7–15 nearby schools working together.</summary>
public sealed class SchoolNetwork : IAreaOwned, IVersioned
{
    public Guid Id { get; set; }
    public Guid AreaId { get; set; }
    public required string Name { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }
    public string? Goals { get; set; }
    public int Version { get; set; }
}

/// <summary>โรงเรียน / สถานศึกษา with its three official codes.</summary>
public sealed class School : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; }
    public Guid AreaId { get; set; }
    /// <summary>10-digit school code, e.g. 1020080035.</summary>
    public required string Code { get; set; }
    /// <summary>8-digit SMIS code, e.g. 20010030.</summary>
    public string? SmisCode { get; set; }
    /// <summary>6-digit OBEC code, e.g. 080035.</summary>
    public string? ObecCode { get; set; }
    public required string Name { get; set; }
    public SchoolType Type { get; set; }
    public Guid DistrictId { get; set; }
    public District? District { get; set; }
    public Guid? NetworkId { get; set; }
    public SchoolNetwork? Network { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum Grade { K1, K2, K3, P1, P2, P3, P4, P5, P6, M1, M2, M3, M4, M5, M6, V1, V2, V3 }

/// <summary>Students of one grade of one school in one academic year (snapshot 10 มิ.ย.).</summary>
public sealed class StudentCount : ISchoolOwned, ITimestamped
{
    public Guid AreaId { get; set; }
    public Guid SchoolId { get; set; }
    /// <summary>ปีการศึกษา in พ.ศ.</summary>
    public int AcademicYear { get; set; }
    public Grade Grade { get; set; }
    public int Boys { get; set; }
    public int Girls { get; set; }
    public int Classrooms { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
