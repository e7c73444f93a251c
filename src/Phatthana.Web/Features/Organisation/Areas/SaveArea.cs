using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.Areas;

/// <summary>The fields of an area, as the API and the form send them.</summary>
public sealed class AreaInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public AreaKind? Kind { get; set; }
    public string? Province { get; set; }

    public static AreaInput From(Area a) => new() { Code = a.Code, Name = a.Name, Kind = a.Kind, Province = a.Province };
}

/// <summary>Create, update and delete an area (SystemAdmin).</summary>
public sealed class SaveArea(AppDbContext db)
{
    public static IReadOnlyList<FieldError> Validate(AreaInput input) => new Checks()
        .Code(input.Code, "code", T.AreaCode, DataSchema.CodeLength)
        .Text(input.Name, "name", T.AreaName, DataSchema.NameLength)
        .Required(input.Kind, "kind", T.AreaKindLabel)
        .Text(input.Province, "province", T.Province, DataSchema.ShortNameLength)
        .Errors;

    public async Task<Outcome<Area>> CreateAsync(AreaInput input, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<Area>.Invalid(errors);
        var code = input.Code!.Trim();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == code, ct))
            return Outcome<Area>.Duplicate("code", T.DuplicateAreaCode);
        var area = new Area { Code = code, Name = input.Name!.Trim(), Kind = input.Kind!.Value, Province = input.Province!.Trim() };
        db.Areas.Add(area);
        return await SaveAsync(area, ct);
    }

    public async Task<Outcome<Area>> UpdateAsync(Area area, AreaInput input, int? version, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<Area>.Invalid(errors);
        var code = input.Code!.Trim();
        if (await db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code == code && a.Id != area.Id, ct))
            return Outcome<Area>.Duplicate("code", T.DuplicateAreaCode);
        if (version is { } v) db.Entry(area).Property(a => a.Version).OriginalValue = v;
        area.Code = code;
        area.Name = input.Name!.Trim();
        area.Kind = input.Kind!.Value;
        area.Province = input.Province!.Trim();
        return await SaveAsync(area, ct);
    }

    public async Task<Outcome<Area>> DeleteAsync(Area area, CancellationToken ct = default)
    {
        db.Areas.Remove(area);
        return await SaveAsync(area, ct);
    }

    private Task<Outcome<Area>> SaveAsync(Area area, CancellationToken ct) =>
        db.TrySaveAsync(area, "code", T.DuplicateAreaCode, ct);
}
