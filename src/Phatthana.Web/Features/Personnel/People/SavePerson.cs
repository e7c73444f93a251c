using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>A person as saved, and the notes on how its dates were read.</summary>
public sealed record PersonSaved(Person Person, IReadOnlyList<string> Notes);

/// <summary>
/// Creates, edits and deletes one person of an area. Someone who stops being active (transferred out, retired)
/// leaves their post vacant in the same save; every change of workplace, position, standing or status is kept in
/// the work history.
/// </summary>
public sealed class SavePerson(AppDbContext db, UserScope scope, TimeProvider time)
{
    public async Task<Outcome<PersonSaved>> CreateAsync(Area area, PersonInput input, CancellationToken ct = default)
    {
        var (values, errors, notes) = PersonRules.Read(input, await WorkplacesAsync(area.Id, input, ct), Today);
        if (values is null) return Outcome<PersonSaved>.Invalid(errors);
        if (ScopeError(values) is { } scoped) return Outcome<PersonSaved>.Invalid([scoped]);
        if (await TakenAsync(area.Id, values.NationalId, null, ct)) return Outcome<PersonSaved>.Duplicate("nationalId", DuplicateMessage);
        var person = new Person { AreaId = area.Id, NationalId = "", Title = "", FirstName = "", LastName = "" };
        PersonRules.Apply(person, values, isNew: true, Today, time.GetUtcNow(), h => db.PersonHistory.Add(h));
        db.People.Add(person);
        return Saved(await db.TrySaveAsync(person, "nationalId", DuplicateMessage, ct), notes);
    }

    public async Task<Outcome<PersonSaved>> UpdateAsync(Person person, PersonInput input, int? version, string? note = null, CancellationToken ct = default)
    {
        if (new Checks().Text(note, "note", "หมายเหตุ", DataSchema.NameLength, required: false).Errors is { Count: > 0 } noteErrors)
            return Outcome<PersonSaved>.Invalid(noteErrors);
        var (values, errors, notes) = PersonRules.Read(input, await WorkplacesAsync(person.AreaId, input, ct), Today);
        if (values is null) return Outcome<PersonSaved>.Invalid(errors);
        if (ScopeError(values) is { } scoped) return Outcome<PersonSaved>.Invalid([scoped]);
        if (await TakenAsync(person.AreaId, values.NationalId, person.Id, ct)) return Outcome<PersonSaved>.Duplicate("nationalId", DuplicateMessage);
        if (version is { } v) db.Entry(person).Property(p => p.Version).OriginalValue = v;
        var left = PersonRules.Apply(person, values, isNew: false, Today, time.GetUtcNow(), h => db.PersonHistory.Add(h), Checks.Clean(note));
        if (left) await VacatePostsAsync(person.Id, ct);
        return Saved(await db.TrySaveAsync(person, "nationalId", DuplicateMessage, ct), notes);
    }

    /// <summary>Removes a record entered by mistake: its history goes with it and any post it held becomes vacant.</summary>
    public async Task<Outcome<Person>> DeleteAsync(Person person, CancellationToken ct = default)
    {
        await VacatePostsAsync(person.Id, ct);
        db.PersonHistory.RemoveRange(await db.PersonHistory.Where(h => h.PersonId == person.Id).ToListAsync(ct));
        db.People.Remove(person);
        return await db.TrySaveAsync(person, "", "", ct);
    }

    public const string DuplicateMessage = T.DuplicateNationalId + " — ค้นหาด้วยเลขนี้ แล้วแก้ไขข้อมูลเดิม (หรือให้เจ้าหน้าที่เขตย้ายสังกัด)";

    private DateOnly Today => ThaiDate.TodayInThailand(time);

    private async Task VacatePostsAsync(Guid personId, CancellationToken ct)
    {
        foreach (var post in await db.Posts.Where(p => p.OccupantId == personId).ToListAsync(ct))
            post.OccupantId = null;
    }

    /// <summary>A director's staff work at the director's school, never in a division of the area office.</summary>
    private FieldError? ScopeError(PersonValues values) =>
        scope.SchoolId is not null && values.School is null ? new FieldError("school", "ระบุได้เฉพาะสถานศึกษาของท่าน") : null;

    /// <summary>National IDs are unique within an area: the check looks past a director's school to the whole area.</summary>
    private Task<bool> TakenAsync(Guid areaId, string nationalId, Guid? self, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().AnyAsync(p => p.AreaId == areaId && p.NationalId == nationalId && p.Id != self, ct);

    private async Task<Workplaces> WorkplacesAsync(Guid areaId, PersonInput input, CancellationToken ct) =>
        new(await SchoolFinder.ForCodesAsync(db, areaId, [input.School], ct), await DivisionsAsync(db, areaId, ct));

    public static async Task<IReadOnlyDictionary<string, DivisionRef>> DivisionsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        (await db.Divisions.AsNoTracking().Where(d => d.AreaId == areaId).Select(d => new DivisionRef(d.Id, d.Name)).ToListAsync(ct))
        .ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    private static Outcome<PersonSaved> Saved(Outcome<Person> saved, List<string> notes) =>
        saved.Succeeded ? Outcome<PersonSaved>.Ok(new PersonSaved(saved.Value!, notes)) : saved.As<PersonSaved>();
}
