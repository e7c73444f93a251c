using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Schools;

/// <summary>A school as the API and lists show it (pinned shape in API.md).</summary>
/// <remarks>Init properties, not a positional record, so EF can filter and sort after projecting to it.</remarks>
public sealed record SchoolDto
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public SchoolType Type { get; init; }
    public required string District { get; init; }
    public string? Network { get; init; }
    public string? SmisCode { get; init; }
    public string? ObecCode { get; init; }
}

public static class SchoolsApi
{
    public static readonly TableSpec<SchoolDto> Table = new(OrganisationText.Schools,
        new TableColumn<SchoolDto>("รหัสสถานศึกษา", s => s.Code, SortKey: "code", Link: s => $"/schools/{s.Code}", Width: 14),
        new TableColumn<SchoolDto>(OrganisationText.SchoolName, s => s.Name, SortKey: "name", Link: s => $"/schools/{s.Code}", Width: 40, Wrap: true),
        new TableColumn<SchoolDto>("ประเภท", s => OrganisationText.Label(s.Type), SortKey: "type", Width: 22),
        new TableColumn<SchoolDto>(OrganisationText.District, s => s.District, SortKey: "district", Width: 18),
        new TableColumn<SchoolDto>(OrganisationText.Network, s => s.Network, SortKey: "network", Width: 34, Wrap: true),
        new TableColumn<SchoolDto>("รหัส SMIS", s => s.SmisCode, Width: 12, OnScreen: false),
        new TableColumn<SchoolDto>("รหัส OBEC", s => s.ObecCode, Width: 12, OnScreen: false));

    /// <summary>Schools of an area as rows, ready to filter, sort and page.</summary>
    public static IQueryable<SchoolDto> Rows(AppDbContext db, Guid areaId) =>
        db.Schools.AsNoTracking().Where(s => s.AreaId == areaId)
            .Select(s => new SchoolDto
            {
                Code = s.Code, Name = s.Name, Type = s.Type, District = s.District!.Name,
                Network = s.Network != null ? s.Network.Name : null, SmisCode = s.SmisCode, ObecCode = s.ObecCode,
            });

    public static RouteGroupBuilder MapSchoolsApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}/schools").WithTags("Organisation");
        area.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithSummary("Schools of an area (?format=xlsx for a file)").Returns<List<SchoolDto>>();
        area.MapPost("", Create).RequireAuthorization(Policies.AreaAdmin).WithSummary("Create a school").Writes<SchoolDto>(StatusCodes.Status201Created);

        var one = api.MapGroup("/schools/{schoolCode}").WithTags("Organisation");
        one.MapGet("", Get).RequireAuthorization(Policies.SignedIn).WithSummary("One school").Returns<SchoolDto>();
        one.MapPut("", Update).RequireAuthorization(Policies.AreaAdmin).WithSummary("Update a school").Writes<SchoolDto>();
        one.MapDelete("", Delete).RequireAuthorization(Policies.AreaAdmin).WithSummary("Delete a school").WritesNothing();
        return api;
    }

    private static async Task<IResult> List(HttpContext http, RouteScope scope, AppDbContext db, string? district, string? network)
    {
        var rows = Rows(db, scope.Area.Id);
        if (!string.IsNullOrWhiteSpace(district)) rows = rows.Where(s => s.District == district);
        if (!string.IsNullOrWhiteSpace(network)) rows = rows.Where(s => s.Network == network);
        var list = await rows.OrderBy(s => s.Code).ToListAsync();
        return await TableResults.RespondAsync(http, Table, list, s => s, $"schools-{scope.Area.Code}", scope.Area);
    }

    private static async Task<IResult> Get(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok(await Rows(db, scope.Area.Id).SingleAsync(s => s.Code == scope.School.Code));

    private static async Task<IResult> Create(SchoolInput input, RouteScope scope, SaveSchool save) =>
        (await save.CreateAsync(scope.Area, input)).ToApi(s => TypedResults.Created($"/api/v1/schools/{s.Code}", ToDto(s)));

    private static async Task<IResult> Update(SchoolInput input, RouteScope scope, AppDbContext db, SaveSchool save)
    {
        var school = await Tracked(db, scope);
        return (await save.UpdateAsync(school, input, null)).ToApi(s => TypedResults.Ok(ToDto(s)));
    }

    private static async Task<IResult> Delete(RouteScope scope, AppDbContext db, SaveSchool save) =>
        (await save.DeleteAsync(await Tracked(db, scope))).ToApi(_ => TypedResults.NoContent());

    private static Task<School> Tracked(AppDbContext db, RouteScope scope) =>
        db.Schools.Include(s => s.District).Include(s => s.Network).SingleAsync(s => s.Id == scope.School.Id);

    private static SchoolDto ToDto(School s) => new()
    {
        Code = s.Code, Name = s.Name, Type = s.Type, District = s.District!.Name, Network = s.Network?.Name,
        SmisCode = s.SmisCode, ObecCode = s.ObecCode,
    };
}
