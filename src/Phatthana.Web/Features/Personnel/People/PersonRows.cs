using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>A person as the API returns them (API.md field names); the national ID and birth date as the caller may see them.</summary>
public sealed record PersonDto
{
    public Guid Id { get; init; }
    public required string NationalId { get; init; }
    public required string Title { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public Gender? Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Position Position { get; init; }
    public AcademicStanding? AcademicStanding { get; init; }
    public SubjectArea? Major { get; init; }
    public IReadOnlyList<SubjectArea> TeachingSubjectAreas { get; init; } = [];
    public TeachingLevel? TeachingLevel { get; init; }
    public string? School { get; init; }
    public string? SchoolName { get; init; }
    public string? Division { get; init; }
    public DateOnly? StartDate { get; init; }
    public PersonStatus Status { get; init; }
    public DateOnly? StatusDate { get; init; }
    /// <summary>The post held (เลขที่ตำแหน่ง), if any.</summary>
    public string? PositionNumber { get; init; }
    /// <summary>On a create or update: how dates were read where their year was in the other era.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }

    public string FullName => $"{Title}{FirstName} {LastName}";
}

/// <summary>What the list, the API and the exports filter the registry by. Bound from the query string.</summary>
public sealed class PeopleFilter
{
    /// <summary>A school's 10-digit, SMIS or OBEC code.</summary>
    public string? School { get; set; }
    public string? Network { get; set; }
    public string? Division { get; set; }
    public Position? Position { get; set; }
    public AcademicStanding? Standing { get; set; }
    public SubjectArea? Subject { get; set; }
    /// <summary>A status, or "all"; the page starts with the active ones.</summary>
    public string? Status { get; set; }
    /// <summary>A data-quality finding (see <c>DataQuality</c>): only the people it names.</summary>
    public string? Issue { get; set; }
}

public static class PersonRows
{
    public static readonly TableSpec<PersonDto> Table = new(T.People,
        new TableColumn<PersonDto>(T.FullName, p => p.FullName, SortKey: "name", Link: p => $"/people/{p.Id}", Width: 30, Wrap: true),
        new TableColumn<PersonDto>(T.NationalIdLabel, p => p.NationalId.Length == 13 ? NationalId.Format(p.NationalId) : p.NationalId, Width: 20),
        new TableColumn<PersonDto>(T.PositionLabel, p => T.Label(p.Position), SortKey: "position", Width: 22, Wrap: true),
        new TableColumn<PersonDto>(T.StandingLabel, p => p.AcademicStanding is { } s ? T.Label(s) : "", SortKey: "standing", Width: 16),
        new TableColumn<PersonDto>("สังกัด", p => p.SchoolName ?? p.Division, SortKey: "workplace", Link: p => p.School is null ? null : $"/schools/{p.School}", Width: 34, Wrap: true),
        new TableColumn<PersonDto>(T.Major, p => p.Major is { } m ? T.Label(m) : "", Width: 20, OnScreen: false),
        new TableColumn<PersonDto>(T.TeachingSubjectAreas, p => T.Subjects(p.TeachingSubjectAreas), Width: 30, Wrap: true),
        new TableColumn<PersonDto>(T.TeachingLevelLabel, p => p.TeachingLevel is { } l ? T.Label(l) : "", Width: 18, OnScreen: false),
        new TableColumn<PersonDto>(T.StatusLabel, p => T.Label(p.Status), SortKey: "status", Width: 16),
        new TableColumn<PersonDto>("รหัสสถานศึกษา", p => p.School, Width: 14, OnScreen: false),
        new TableColumn<PersonDto>(T.PositionNumber, p => p.PositionNumber, Width: 12, OnScreen: false),
        new TableColumn<PersonDto>(T.BirthDate, p => p.BirthDate, CellKind.Date, Width: 14, OnScreen: false),
        new TableColumn<PersonDto>(T.StartDate, p => p.StartDate, CellKind.Date, Width: 14, OnScreen: false));

    public static readonly SortMap<PersonDto> Sorts = new SortMap<PersonDto>("name")
        .Add("name", p => p.FirstName, p => p.LastName).Add("position", p => p.Position).Add("standing", p => p.AcademicStanding)
        .Add("workplace", p => p.SchoolName).Add("status", p => p.Status);

    /// <summary>The registry of an area as rows (whole IDs; <see cref="Disclose"/> masks them for the caller), filtered.</summary>
    public static IQueryable<PersonDto> Query(AppDbContext db, Guid areaId, PeopleFilter filter, string? search, bool searchesWholeIds,
        IReadOnlyCollection<Guid>? only = null)
    {
        var people = db.People.AsNoTracking().Where(p => p.AreaId == areaId);
        if (Shared.Validation.Checks.Clean(filter.School) is { } school)
            people = people.Where(p => p.School != null && (p.School.Code == school || p.School.SmisCode == school || p.School.ObecCode == school));
        if (Shared.Validation.Checks.Clean(filter.Network) is { } network) people = people.Where(p => p.School != null && p.School.Network != null && p.School.Network.Name == network);
        if (Shared.Validation.Checks.Clean(filter.Division) is { } division) people = people.Where(p => p.Division != null && p.Division.Name == division);
        if (filter.Position is { } position) people = people.Where(p => p.Position == position);
        if (filter.Standing is { } standing) people = people.Where(p => p.AcademicStanding == standing);
        if (filter.Subject is { } subject) people = people.Where(p => p.TeachingSubjectAreas.Contains(subject));
        if (Enum.TryParse<PersonStatus>(filter.Status, ignoreCase: true, out var status)) people = people.Where(p => p.Status == status);
        if (only is not null) people = people.Where(p => only.Contains(p.Id));
        if (search is not null)
        {
            var digits = NationalId.Normalise(search);
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
                // Roles that see masked IDs find a person only by the whole number, so a search cannot spell an ID out.
                people = searchesWholeIds ? people.Where(p => p.NationalId.StartsWith(digits)) : people.Where(p => p.NationalId == digits);
            else
            {
                var words = search.Replace(" ", "");
                people = people.Where(p => (p.Title + p.FirstName + p.LastName).Contains(words) || (p.FirstName + p.LastName).Contains(words));
            }
        }
        return people.Select(p => new PersonDto
        {
            Id = p.Id, NationalId = p.NationalId, Title = p.Title, FirstName = p.FirstName, LastName = p.LastName, Gender = p.Gender,
            BirthDate = p.BirthDate, Position = p.Position, AcademicStanding = p.AcademicStanding, Major = p.Major,
            TeachingSubjectAreas = p.TeachingSubjectAreas, TeachingLevel = p.TeachingLevel, School = p.School != null ? p.School.Code : null,
            SchoolName = p.School != null ? p.School.Name : null, Division = p.Division != null ? p.Division.Name : null,
            StartDate = p.StartDate, Status = p.Status, StatusDate = p.StatusDate,
            PositionNumber = db.Posts.Where(x => x.OccupantId == p.Id).OrderBy(x => x.PositionNumber).Select(x => x.PositionNumber).FirstOrDefault(),
        });
    }

    /// <summary>The rows as this caller may see them: national IDs masked and birth dates hidden where the role does not need them.</summary>
    public static List<PersonDto> Disclose(IEnumerable<PersonDto> rows, NationalIdDisclosure disclosure) =>
        rows.Select(r => disclosure.Reveals(r.NationalId) ? r : r with { NationalId = NationalId.Mask(r.NationalId), BirthDate = null }).ToList();

    /// <summary>One person as a row, by id.</summary>
    public static Task<PersonDto> OneAsync(AppDbContext db, Person person, CancellationToken ct = default) =>
        Query(db, person.AreaId, new PeopleFilter(), null, true).SingleAsync(p => p.Id == person.Id, ct);
}
