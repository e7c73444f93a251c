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
