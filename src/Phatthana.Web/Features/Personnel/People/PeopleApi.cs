using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel.People;

public sealed record HistoryDto(DateOnly EffectiveDate, HistoryEvent Event, Position Position, AcademicStanding? AcademicStanding,
    string Workplace, PersonStatus Status, string? Note);

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}/people").WithTags("Personnel");
        area.MapGet("", List).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("The area's personnel registry (?school=&network=&division=&position=&standing=&subject=&status=&issue=&q=, ?format=xlsx|pdf|docx); national IDs masked unless the role needs them")
            .Returns<List<PersonDto>>();
        area.MapPost("", Create).RequireAuthorization(Policies.SchoolData).WithSummary("Add a person (bad national-ID check digit → 422)").Writes<PersonDto>(StatusCodes.Status201Created);

        var one = api.MapGroup("/people/{person}").WithTags("Personnel");
        one.MapGet("", Get).RequireAuthorization(Policies.SignedIn).WithSummary("One person, by national ID or id (a teacher: only their own)").Returns<PersonDto>();
        one.MapGet("/history", History).RequireAuthorization(Policies.SignedIn).WithSummary("The person's work history").Returns<List<HistoryDto>>();
        one.MapPut("", Update).RequireAuthorization(Policies.SchoolData).WithSummary("Update a person (effectiveDate dates a change of workplace, position, standing or status)").Writes<PersonDto>();
        one.MapDelete("", Delete).RequireAuthorization(Policies.AreaAdmin).WithSummary("Delete a record entered by mistake (its post becomes vacant)").WritesNothing();
        return api;
    }

    private static async Task<IResult> List(HttpContext http, RouteScope scope, AppDbContext db, NationalIdDisclosure disclosure,
        DataQuality.DataQualityChecks quality, [Microsoft.AspNetCore.Http.AsParameters] PeopleFilter filter, string? q)
    {
        var only = await quality.PeopleWithAsync(scope.Area.Id, filter.Issue);
        if (filter.Issue is not null && only is null)
            return ApiResults.Validation([new("issue", $"ไม่รู้จักประเด็น \"{filter.Issue}\" — ใช้ได้: {string.Join(", ", DataQuality.DataQualityChecks.PersonIssues)}")]);
        var rows = await PersonRows.Sorts.Apply(PersonRows.Query(db, scope.Area.Id, filter, string.IsNullOrWhiteSpace(q) ? null : q.Trim(), disclosure.RevealsAll, only),
            new ListQuery { Sort = http.Request.Query["sort"], Dir = http.Request.Query["dir"] }).ToListAsync();
        return await TableResults.RespondAsync(http, PersonRows.Table, PersonRows.Disclose(rows, disclosure), r => r, $"people-{scope.Area.Code}", scope.Area);
    }

    private static async Task<IResult> Create(PersonInput input, RouteScope scope, SavePerson save, AppDbContext db, NationalIdDisclosure disclosure)
    {
        var outcome = await save.CreateAsync(scope.Area, input);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var dto = await DtoAsync(db, outcome.Value!, disclosure);
        return TypedResults.Created($"/api/v1/people/{dto.NationalId}", dto);
    }

    private static async Task<IResult> Get(RouteScope scope, AppDbContext db, NationalIdDisclosure disclosure) =>
        TypedResults.Ok(PersonRows.Disclose([await PersonRows.OneAsync(db, scope.Person)], disclosure)[0]);

    private static async Task<IResult> History(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok(await HistoryAsync(db, scope.Person.Id));

    private static async Task<IResult> Update(PersonInput input, RouteScope scope, AppDbContext db, SavePerson save, NationalIdDisclosure disclosure)
    {
        var person = await db.People.SingleAsync(p => p.Id == scope.Person.Id);
        var outcome = await save.UpdateAsync(person, input, null);
        return outcome.Succeeded ? TypedResults.Ok(await DtoAsync(db, outcome.Value!, disclosure)) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Delete(RouteScope scope, AppDbContext db, SavePerson save) =>
        (await save.DeleteAsync(await db.People.SingleAsync(p => p.Id == scope.Person.Id))).ToApi(_ => TypedResults.NoContent());

    private static async Task<PersonDto> DtoAsync(AppDbContext db, PersonSaved saved, NationalIdDisclosure disclosure) =>
        PersonRows.Disclose([await PersonRows.OneAsync(db, saved.Person)], disclosure)[0] with { Notes = saved.Notes.Count > 0 ? saved.Notes : null };

    /// <summary>The work history, latest first.</summary>
    public static async Task<List<HistoryDto>> HistoryAsync(AppDbContext db, Guid personId) =>
        (await db.PersonHistory.AsNoTracking().Where(h => h.PersonId == personId)
            .Select(h => new HistoryDto(h.EffectiveDate, h.Event, h.Position, h.AcademicStanding, h.Workplace, h.Status, h.Note))
            .ToListAsync())
        .OrderByDescending(h => h.EffectiveDate).ThenByDescending(h => h.Event).ToList();
}
