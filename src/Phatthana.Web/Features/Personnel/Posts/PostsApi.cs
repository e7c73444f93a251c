using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>A post on the register; the occupant's national ID as the caller may see it.</summary>
public sealed record PostDto
{
    public Guid Id { get; init; }
    public required string School { get; init; }
    public required string SchoolName { get; init; }
    public required string PositionNumber { get; init; }
    public PostType PostType { get; init; }
    public string? Occupant { get; init; }
    public string? OccupantName { get; init; }
    public Guid? OccupantId { get; init; }
    public Position? OccupantPosition { get; init; }
}

/// <summary>A school's totals on the register (the area's summary is one row per school plus a total).</summary>
public sealed record PostTotalsDto(string School, string Name, int Posts, int Filled, int Vacant, int Administrators, int Teachers);

public static class PostsApi
{
    public static readonly TableSpec<PostDto> Table = new(T.Posts,
        new TableColumn<PostDto>(T.PositionNumber, p => p.PositionNumber, SortKey: "number", Width: 14),
        new TableColumn<PostDto>(T.PostTypeLabel, p => T.Label(p.PostType), SortKey: "type", Width: 12),
        new TableColumn<PostDto>(T.Occupant, p => p.OccupantName ?? T.Vacant, SortKey: "occupant", Link: p => p.OccupantId is { } id ? $"/people/{id}" : null, Width: 30, Wrap: true),
        new TableColumn<PostDto>(T.PositionLabel, p => p.OccupantPosition is { } pos ? T.Label(pos) : "", Width: 22, Wrap: true),
        new TableColumn<PostDto>(T.NationalIdLabel, p => p.Occupant is { Length: 13 } id ? NationalId.Format(id) : p.Occupant, Width: 20, OnScreen: false),
        new TableColumn<PostDto>(T.School, p => p.SchoolName, SortKey: "school", Link: p => $"/schools/{p.School}/posts", Width: 34, Wrap: true),
        new TableColumn<PostDto>("รหัสสถานศึกษา", p => p.School, Width: 14, OnScreen: false));

    public static readonly TableSpec<PostTotalsDto> TotalsTable = new("สรุปอัตรา (จ.18) รายสถานศึกษา",
        new TableColumn<PostTotalsDto>("รหัสสถานศึกษา", t => t.School, SortKey: "code", Width: 14),
        new TableColumn<PostTotalsDto>(T.School, t => t.Name, SortKey: "name", Link: t => $"/schools/{t.School}/posts", Width: 40, Wrap: true),
        new TableColumn<PostTotalsDto>("อัตราทั้งหมด", t => t.Posts, CellKind.Number, SortKey: "posts", Width: 12),
        new TableColumn<PostTotalsDto>("มีผู้ครอง", t => t.Filled, CellKind.Number, SortKey: "filled", Width: 12),
        new TableColumn<PostTotalsDto>("อัตราว่าง", t => t.Vacant, CellKind.Number, SortKey: "vacant", Width: 12),
        new TableColumn<PostTotalsDto>("ผู้บริหาร", t => t.Administrators, CellKind.Number, SortKey: "administrators", Width: 12),
        new TableColumn<PostTotalsDto>("ผู้สอน", t => t.Teachers, CellKind.Number, SortKey: "teachers", Width: 12));

    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        var school = api.MapGroup("/schools/{schoolCode}/posts").WithTags("Personnel");
        school.MapGet("", List).RequireAuthorization(Policies.ReadPeople).WithSummary("A school's register of posts (จ.18) (?format=xlsx|pdf|docx)").Returns<List<PostDto>>();
        school.MapPost("", Create).RequireAuthorization(Policies.AreaAdmin).WithSummary("Add a post, vacant or with its occupant's national ID").Writes<PostDto>(StatusCodes.Status201Created);
        school.MapPut("/{positionNumber}", Update).RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a post's number, type or occupant").Writes<PostDto>();
        school.MapDelete("/{positionNumber}", Delete).RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove a post from the register").WritesNothing();

        var area = api.MapGroup("/areas/{areaCode}/posts").WithTags("Personnel");
        area.MapGet("", Totals).RequireAuthorization(Policies.ReadPeople).WithSummary("Posts, filled, vacant, administrators and teachers per school (?format=xlsx|pdf|docx)").Returns<List<PostTotalsDto>>();
        area.MapGet("/register", Register).RequireAuthorization(Policies.ReadPeople).WithSummary("Every post of the area (?school=&vacant=true&issue=)").Returns<List<PostDto>>();
        return api;
    }

    /// <summary>Posts of an area as rows (whole occupant IDs; <see cref="Disclose"/> masks them).</summary>
    public static IQueryable<PostDto> Rows(AppDbContext db, Guid areaId) =>
        db.Posts.AsNoTracking().Where(p => p.AreaId == areaId).Select(p => new PostDto
        {
            Id = p.Id, School = p.School!.Code, SchoolName = p.School.Name, PositionNumber = p.PositionNumber, PostType = p.PostType,
            Occupant = p.Occupant != null ? p.Occupant.NationalId : null,
            OccupantName = p.Occupant != null ? p.Occupant.Title + p.Occupant.FirstName + " " + p.Occupant.LastName : null,
            OccupantId = p.OccupantId, OccupantPosition = p.Occupant != null ? p.Occupant.Position : null,
        });

    public static List<PostDto> Disclose(IEnumerable<PostDto> rows, NationalIdDisclosure disclosure) =>
        rows.Select(r => r.Occupant is { } id ? r with { Occupant = disclosure.Show(id) } : r).ToList();

    /// <summary>A school's register in position-number order (numbers sort as numbers where they are).</summary>
    public static async Task<List<PostDto>> OfSchoolAsync(AppDbContext db, School school, CancellationToken ct = default) =>
        (await Rows(db, school.AreaId).Where(p => p.School == school.Code).ToListAsync(ct))
        .OrderBy(p => p.PositionNumber.Length).ThenBy(p => p.PositionNumber, StringComparer.Ordinal).ToList();

    /// <summary>Totals per school of the area, computed in the database.</summary>
    public static async Task<List<PostTotalsDto>> TotalsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default)
    {
        var bySchool = await db.Posts.AsNoTracking().Where(p => p.AreaId == areaId)
            .GroupBy(p => p.SchoolId)
            .Select(g => new
            {
                SchoolId = g.Key, Posts = g.Count(), Filled = g.Count(p => p.OccupantId != null),
                Administrators = g.Count(p => p.PostType == PostType.Administrator),
            }).ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        var counts = bySchool.ToDictionary(b => b.SchoolId);
        return schools.OrderBy(s => s.Code).Select(s => counts.TryGetValue(s.Id, out var c)
                ? new PostTotalsDto(s.Code, s.Name, c.Posts, c.Filled, c.Posts - c.Filled, c.Administrators, c.Posts - c.Administrators)
                : new PostTotalsDto(s.Code, s.Name, 0, 0, 0, 0, 0))
            .ToList();
    }

    public static PostTotalsDto Sum(string label, IReadOnlyCollection<PostTotalsDto> rows) =>
        new("", label, rows.Sum(r => r.Posts), rows.Sum(r => r.Filled), rows.Sum(r => r.Vacant), rows.Sum(r => r.Administrators), rows.Sum(r => r.Teachers));

    private static async Task<IResult> List(HttpContext http, RouteScope scope, AppDbContext db, NationalIdDisclosure disclosure) =>
        await TableResults.RespondAsync(http, Table, Disclose(await OfSchoolAsync(db, scope.School), disclosure), r => r,
            $"posts-{scope.School.Code}", scope.Area, scope.School.Name);

    private static async Task<IResult> Totals(HttpContext http, RouteScope scope, AppDbContext db)
    {
        var rows = await TotalsAsync(db, scope.Area.Id);
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        if (format is null) return TypedResults.Ok(rows);
        return await TableResults.FileAsync(http, TotalsTable, [.. rows, Sum("รวมทั้งเขตพื้นที่", rows)], $"posts-{scope.Area.Code}", scope.Area);
    }

    private static async Task<IResult> Register(HttpContext http, RouteScope scope, AppDbContext db, NationalIdDisclosure disclosure,
        DataQuality.DataQualityChecks quality, string? school, bool? vacant, string? issue)
    {
        var rows = Rows(db, scope.Area.Id);
        if (Shared.Validation.Checks.Clean(school) is { } code) rows = rows.Where(p => p.School == code);
        if (vacant is { } v) rows = rows.Where(p => (p.OccupantId == null) == v);
        if (issue is not null)
        {
            if (await quality.PostsWithAsync(scope.Area.Id, issue) is not { } ids)
                return ApiResults.Validation([new("issue", $"ไม่รู้จักประเด็น \"{issue}\" — ใช้ได้: {string.Join(", ", DataQuality.DataQualityChecks.PostIssues)}")]);
            rows = rows.Where(p => ids.Contains(p.Id));
        }
        var list = await rows.OrderBy(p => p.School).ThenBy(p => p.PositionNumber).ToListAsync();
        return await TableResults.RespondAsync(http, Table, Disclose(list, disclosure), r => r, $"posts-register-{scope.Area.Code}", scope.Area);
    }

    private static async Task<IResult> Create(PostInput input, RouteScope scope, AppDbContext db, SavePost save, NationalIdDisclosure disclosure)
    {
        var outcome = await save.CreateAsync(scope.School, input);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var dto = await OneAsync(db, outcome.Value!.Id, disclosure);
        return TypedResults.Created($"/api/v1/schools/{scope.School.Code}/posts/{dto.PositionNumber}", dto);
    }

    private static async Task<IResult> Update(string positionNumber, PostInput input, RouteScope scope, AppDbContext db, SavePost save, NationalIdDisclosure disclosure)
    {
        if (await FindAsync(db, scope.School, positionNumber) is not { } post) return ApiResults.NotFound();
        var outcome = await save.UpdateAsync(post, scope.School, input, null);
        return outcome.Succeeded ? TypedResults.Ok(await OneAsync(db, post.Id, disclosure)) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Delete(string positionNumber, RouteScope scope, AppDbContext db, SavePost save) =>
        await FindAsync(db, scope.School, positionNumber) is { } post
            ? (await save.DeleteAsync(post)).ToApi(_ => TypedResults.NoContent())
            : ApiResults.NotFound();

    public static Task<Post?> FindAsync(AppDbContext db, School school, string positionNumber) =>
        db.Posts.FirstOrDefaultAsync(p => p.SchoolId == school.Id && p.PositionNumber == positionNumber.Trim());

    private static async Task<PostDto> OneAsync(AppDbContext db, Guid id, NationalIdDisclosure disclosure) =>
        Disclose([await Rows(db, (await db.Posts.AsNoTracking().SingleAsync(p => p.Id == id)).AreaId).SingleAsync(p => p.Id == id)], disclosure)[0];
}
