using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.Schools;

/// <summary>The fields of a school as the API, the form and the import send them. District and network go by name.</summary>
public sealed class SchoolInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public SchoolType? Type { get; set; }
    public string? District { get; set; }
    public string? Network { get; set; }
    public string? SmisCode { get; set; }
    public string? ObecCode { get; set; }

    public static SchoolInput From(School s) => new()
    {
        Code = s.Code, Name = s.Name, Type = s.Type, District = s.District?.Name, Network = s.Network?.Name,
        SmisCode = s.SmisCode, ObecCode = s.ObecCode,
    };
}

/// <summary>
/// Create, update and delete a school of an area. A district or network named for the first time is
/// added to the area, so a school file from another system loads without setting those up first.
/// </summary>
public sealed class SaveSchool(AppDbContext db, Networks.NetworkMemberships memberships)
{
    public static IReadOnlyList<FieldError> Validate(SchoolInput input) => new Checks()
        .Digits(input.Code, DataSchema.SchoolCodeLength, "code", T.SchoolCode)
        .Text(input.Name, "name", T.SchoolName, DataSchema.NameLength)
        .Required(input.Type, "type", T.SchoolTypeLabel)
        .Text(input.District, "district", T.District, District.NameMaxLength)
        .Text(input.Network, "network", T.Network, DataSchema.NameLength, required: false)
        .Digits(input.SmisCode, DataSchema.SmisCodeLength, "smisCode", T.SmisCode, required: false)
        .Digits(input.ObecCode, DataSchema.ObecCodeLength, "obecCode", T.ObecCode, required: false)
        .Errors;

    public async Task<Outcome<School>> CreateAsync(Area area, SchoolInput input, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<School>.Invalid(errors);
        for (var attempt = 1; ; attempt++)
        {
            var school = new School { AreaId = area.Id, Code = "", Name = "" };
            if (await DuplicateOf(school, input, ct) is { } duplicate) return duplicate;
            db.Schools.Add(school);
            await ApplyAsync(school, input, ct);
            var outcome = await db.TrySaveAsync(school, "code", T.DuplicateSchoolCode, ct);
            // Two schools naming the same new district at once: the one that lost the race finds the district now
            // exists, so it tries once more instead of failing on a key that is not its own.
            if (outcome.Succeeded || attempt == 2 || outcome.Conflict is not { Field: "" }) return outcome;
        }
    }

    public async Task<Outcome<School>> UpdateAsync(School school, SchoolInput input, int? version, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<School>.Invalid(errors);
        if (await DuplicateOf(school, input, ct) is { } duplicate) return duplicate;
        if (version is { } v) db.Entry(school).Property(s => s.Version).OriginalValue = v;
        await ApplyAsync(school, input, ct);
        return await db.TrySaveAsync(school, "code", T.DuplicateSchoolCode, ct);
    }

    /// <summary>Deletes the school, its student counts and subject needs, each row removed (and so audited) here, not by a silent cascade.</summary>
    public async Task<Outcome<School>> DeleteAsync(School school, CancellationToken ct = default)
    {
        db.StudentCounts.RemoveRange(await db.StudentCounts.Where(c => c.SchoolId == school.Id).ToListAsync(ct));
        db.SubjectNeeds.RemoveRange(await db.SubjectNeeds.Where(n => n.SchoolId == school.Id).ToListAsync(ct));
        db.NetworkMemberships.RemoveRange(await db.NetworkMemberships.Where(m => m.SchoolId == school.Id).ToListAsync(ct));
        db.OnetScores.RemoveRange(await db.OnetScores.Where(o => o.SchoolId == school.Id).ToListAsync(ct));
        db.Schools.Remove(school);
        return await db.TrySaveAsync(school, "code", T.DuplicateSchoolCode, ct);
    }

    /// <summary>Codes are unique across every area, so the check looks past the caller's scope.</summary>
    private async Task<Outcome<School>?> DuplicateOf(School school, SchoolInput input, CancellationToken ct)
    {
        var all = db.Schools.IgnoreQueryFilters().Where(s => s.Id != school.Id);
        var code = input.Code!.Trim();
        if (await all.AnyAsync(s => s.Code == code, ct)) return Outcome<School>.Duplicate("code", T.DuplicateSchoolCode);
        var smis = Checks.Clean(input.SmisCode);
        if (smis is not null && await all.AnyAsync(s => s.SmisCode == smis, ct)) return Outcome<School>.Duplicate("smisCode", T.DuplicateSmisCode);
        var obec = Checks.Clean(input.ObecCode);
        if (obec is not null && await all.AnyAsync(s => s.ObecCode == obec, ct)) return Outcome<School>.Duplicate("obecCode", T.DuplicateObecCode);
        return null;
    }

    private async Task ApplyAsync(School school, SchoolInput input, CancellationToken ct)
    {
        school.Code = input.Code!.Trim();
        school.Name = Checks.Clean(input.Name)!;
        school.Type = input.Type!.Value;
        school.SmisCode = Checks.Clean(input.SmisCode);
        school.ObecCode = Checks.Clean(input.ObecCode);
        var district = await AreaLookups.DistrictAsync(db, school.AreaId, input.District!, ct);
        school.DistrictId = district.Id;
        school.District = district;
        var network = Checks.Clean(input.Network) is { } n ? await AreaLookups.NetworkAsync(db, school.AreaId, n, ct) : null;
        // The network named is the school's from today: its membership history is kept by the one use case that keeps it.
        await memberships.MoveAsync(school, network, ct);
    }
}
