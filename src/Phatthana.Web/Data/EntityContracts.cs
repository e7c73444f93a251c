namespace Phatthana.Web.Data;

/// <summary>A row that belongs to exactly one area; the area filter and the write guard key on it.</summary>
public interface IAreaOwned
{
    Guid AreaId { get; }
}

/// <summary>A row that belongs to one school; users scoped to a school see only their school's rows.</summary>
public interface ISchoolOwned : IAreaOwned
{
    Guid SchoolId { get; }
}

/// <summary>An editable row with an optimistic-concurrency token, bumped on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A row of an area that may belong to one school (a person works at a school or in a division of the area office).
/// Users scoped to a school see only the rows of their school.
/// </summary>
public interface IOptionalSchoolOwned : IAreaOwned
{
    Guid? SchoolId { get; }
}

/// <summary>A row that records when it last changed; the audit interceptor stamps it, the data-quality page reads it.</summary>
public interface ITimestamped
{
    DateTimeOffset UpdatedAt { get; set; }
}
