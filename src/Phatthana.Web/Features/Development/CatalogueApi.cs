using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development;

public sealed record CompetencyDto(Guid Id, string Code, string Name, string? Description, CompetencyKind Kind, PositionGroup Group, int ExpectedLevel, int SortOrder,
    bool Active, int Version);

public sealed record TopicDto(Guid Id, string Name, PositionGroup Group, string? Competency, SubjectArea? SubjectArea, bool Active, int Version);

public sealed record CatalogueDto(IReadOnlyList<CompetencyDto> Competencies, IReadOnlyList<TopicDto> Topics);

public sealed record DefaultsDto(int Added);

/// <summary>An area's competency catalogue and development topics as the API reads them, and the teachers' default set.</summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Development");
        area.MapGet("/competencies", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The area's competencies and development topics (?group=Teachers|Administrators|Supervisors|EducationPersonnel)").Returns<CatalogueDto>();
        area.MapPost("/competencies/defaults", Defaults).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add the default catalogue (ก.ค.ศ. core and functional competencies of teachers and of school administrators, common topics) for the groups the area has none of").Returns<DefaultsDto>();
        return api;
    }

    public static async Task<CatalogueDto> ReadAsync(AppDbContext db, Guid areaId, PositionGroup? group, CancellationToken ct = default)
    {
        var competencies = await db.Competencies.AsNoTracking().Where(c => c.AreaId == areaId && (group == null || c.Group == group)).ToListAsync(ct);
        var codes = competencies.ToDictionary(c => c.Id, c => c.Code);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == areaId && (group == null || t.Group == group)).ToListAsync(ct);
        return new CatalogueDto(
            competencies.OrderBy(c => c.Group).ThenBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Code)
                .Select(c => new CompetencyDto(c.Id, c.Code, c.Name, c.Description, c.Kind, c.Group, c.ExpectedLevel, c.SortOrder, c.Active, c.Version)).ToList(),
            topics.OrderBy(t => t.Group).ThenBy(t => t.Name, Shared.Thai.ThaiText.Comparer)
                .Select(t => new TopicDto(t.Id, t.Name, t.Group, t.CompetencyId is { } id ? codes.GetValueOrDefault(id) : null, t.SubjectArea, t.Active, t.Version)).ToList());
    }

    private static async Task<IResult> List(RouteScope scope, AppDbContext db, PositionGroup? group) => TypedResults.Ok(await ReadAsync(db, scope.Area.Id, group));

    private static async Task<IResult> Defaults(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok(new DefaultsDto(await DefaultCatalogue.EnsureAsync(db, scope.Area.Id)));
}
