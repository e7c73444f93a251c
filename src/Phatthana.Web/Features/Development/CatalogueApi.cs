using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development;

public sealed record CompetencyDto(Guid Id, string Code, string Name, string? Description, CompetencyKind Kind, PositionGroup Group, int ExpectedLevel, int SortOrder,
    bool Active, int Version)
{
    public static CompetencyDto From(Competency c) => new(c.Id, c.Code, c.Name, c.Description, c.Kind, c.Group, c.ExpectedLevel, c.SortOrder, c.Active, c.Version);
}

public sealed record TopicDto(Guid Id, string Name, PositionGroup Group, string? Competency, SubjectArea? SubjectArea, bool Active, int Version);

public sealed record CatalogueDto(IReadOnlyList<CompetencyDto> Competencies, IReadOnlyList<TopicDto> Topics);

public sealed record DefaultsDto(int Added);

/// <summary>
/// An area's competency catalogue and development topics: read by anyone signed in (a teacher sees what their plan is
/// measured against), written by the area's staff; the default set; the catalogue as a workbook (?format=xlsx).
/// </summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Development");
        area.MapGet("/competencies", List).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The area's competencies and development topics (?group=Teachers|Administrators|Supervisors|EducationPersonnel; ?format=xlsx|pdf for a file)")
            .Returns<CatalogueDto>();
        area.MapPost("/competencies/defaults", Defaults).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add the default catalogue (ก.ค.ศ. core and functional competencies of teachers and of school administrators, common topics) for the groups the area has none of").Returns<DefaultsDto>();

        area.MapPost("/competencies", async (CompetencyInput input, RouteScope scope, SaveCompetency save) =>
                (await save.CreateAsync(scope.Area, input)).ToApi(c => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/competencies/{c.Id}", CompetencyDto.From(c))))
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a competency: {code, name, kind: Core|Functional, group, expectedLevel 1–5, sortOrder?, description?, active?}; a code taken in the group → 409")
            .Writes<CompetencyDto>(StatusCodes.Status201Created);
        area.MapPut("/competencies/{id:guid}", async (Guid id, CompetencyInput input, RouteScope scope, AppDbContext db, SaveCompetency save) =>
                await FindCompetency(db, scope, id) is { } c ? (await save.UpdateAsync(c, input)).ToApi(x => TypedResults.Ok(CompetencyDto.From(x))) : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Change a competency (its group stays; active: false retires it); send the version you read to get a 409 instead of overwriting a newer save")
            .Writes<CompetencyDto>();
        area.MapDelete("/competencies/{id:guid}", async (Guid id, int? version, RouteScope scope, AppDbContext db, SaveCompetency save) =>
                await FindCompetency(db, scope, id) is { } c ? (await save.DeleteAsync(c, version)).ToApi(_ => TypedResults.NoContent()) : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Delete a competency no plan has assessed and no topic builds; otherwise 409 saying why (retire it with active: false instead)").WritesNothing();

        area.MapPost("/development-topics", async (TopicInput input, RouteScope scope, AppDbContext db, SaveTopic save) =>
            {
                var outcome = await save.CreateAsync(scope.Area, input);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/development-topics/{outcome.Value!.Id}", await TopicAsync(db, outcome.Value))
                    : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a development topic: {name, group, competency? (code or id, same group), subjectArea?, active?}; a name taken in the group → 409")
            .Writes<TopicDto>(StatusCodes.Status201Created);
        area.MapPut("/development-topics/{id:guid}", async (Guid id, TopicInput input, RouteScope scope, AppDbContext db, SaveTopic save) =>
            {
                if (await FindTopic(db, scope, id) is not { } topic) return ApiResults.NotFound();
                var outcome = await save.UpdateAsync(topic, input);
                return outcome.Succeeded ? TypedResults.Ok(await TopicAsync(db, outcome.Value!)) : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a development topic (its group stays; active: false retires it)").Writes<TopicDto>();
        area.MapDelete("/development-topics/{id:guid}", async (Guid id, int? version, RouteScope scope, AppDbContext db, SaveTopic save) =>
                await FindTopic(db, scope, id) is { } t ? (await save.DeleteAsync(t, version)).ToApi(_ => TypedResults.NoContent()) : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Delete a topic no plan or survey answer asked for; otherwise 409 saying why (retire it with active: false instead)").WritesNothing();
        return api;
    }

    public static async Task<CatalogueDto> ReadAsync(AppDbContext db, Guid areaId, PositionGroup? group, CancellationToken ct = default)
    {
        var competencies = await db.Competencies.AsNoTracking().Where(c => c.AreaId == areaId && (group == null || c.Group == group)).ToListAsync(ct);
        var codes = competencies.ToDictionary(c => c.Id, c => c.Code);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == areaId && (group == null || t.Group == group)).ToListAsync(ct);
        return new CatalogueDto(
            competencies.OrderBy(c => c.Group).ThenBy(c => c.Kind).ThenBy(c => c.SortOrder).ThenBy(c => c.Code).Select(CompetencyDto.From).ToList(),
            topics.OrderBy(t => t.Group).ThenBy(t => t.Name, Shared.Thai.ThaiText.Comparer)
                .Select(t => new TopicDto(t.Id, t.Name, t.Group, t.CompetencyId is { } id ? codes.GetValueOrDefault(id) : null, t.SubjectArea, t.Active, t.Version)).ToList());
    }

    private static async Task<IResult> List(HttpContext http, RouteScope scope, AppDbContext db, PositionGroup? group) =>
        ReportResults.WantsFile(http.Request) ? await Catalogue.CatalogueTables.FileAsync(http, scope.Area, group, http.RequestAborted)
            : TypedResults.Ok(await ReadAsync(db, scope.Area.Id, group));

    private static async Task<IResult> Defaults(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok(new DefaultsDto(await DefaultCatalogue.EnsureAsync(db, scope.Area.Id)));

    private static Task<Competency?> FindCompetency(AppDbContext db, RouteScope scope, Guid id) =>
        db.Competencies.FirstOrDefaultAsync(c => c.Id == id && c.AreaId == scope.Area.Id);

    private static Task<DevelopmentTopic?> FindTopic(AppDbContext db, RouteScope scope, Guid id) =>
        db.DevelopmentTopics.FirstOrDefaultAsync(t => t.Id == id && t.AreaId == scope.Area.Id);

    private static async Task<TopicDto> TopicAsync(AppDbContext db, DevelopmentTopic t) =>
        new(t.Id, t.Name, t.Group, t.CompetencyId is { } id ? await db.Competencies.Where(c => c.Id == id).Select(c => c.Code).FirstOrDefaultAsync() : null,
            t.SubjectArea, t.Active, t.Version);
}
