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
    /// <summary>"new" names the create form in page addresses (/areas/new/edit), so no area may take it.</summary>
    public const string ReservedCode = "new";

    public static IReadOnlyList<FieldError> Validate(AreaInput input)
    {
        var checks = new Checks()
            .Code(input.Code, "code", T.AreaCode, DataSchema.CodeLength)
            .Text(input.Name, "name", T.AreaName, DataSchema.NameLength)
            .Required(input.Kind, "kind", T.AreaKindLabel)
            .Text(input.Province, "province", T.Province, DataSchema.ShortNameLength);
        if (string.Equals(input.Code?.Trim(), ReservedCode, StringComparison.OrdinalIgnoreCase))
            checks.Add("code", $"ใช้ \"{ReservedCode}\" เป็น{T.AreaCode}ไม่ได้");
        return checks.Errors;
    }

    /// <summary>Codes differing only in letter case (PBI1, pbi1) are the same area to a person.</summary>
    private Task<bool> CodeTakenAsync(string code, Guid exceptId, CancellationToken ct) =>
        db.Areas.IgnoreQueryFilters().AnyAsync(a => a.Code.ToUpper() == code.ToUpper() && a.Id != exceptId, ct);

    public async Task<Outcome<Area>> CreateAsync(AreaInput input, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<Area>.Invalid(errors);
        var code = input.Code!.Trim();
        if (await CodeTakenAsync(code, Guid.Empty, ct))
            return Outcome<Area>.Duplicate("code", T.DuplicateAreaCode);
        var area = new Area { Code = code, Name = Checks.Clean(input.Name)!, Kind = input.Kind!.Value, Province = Checks.Clean(input.Province)! };
        db.Areas.Add(area);
        return await SaveAsync(area, ct);
    }

    public async Task<Outcome<Area>> UpdateAsync(Area area, AreaInput input, int? version, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<Area>.Invalid(errors);
        var code = input.Code!.Trim();
        if (await CodeTakenAsync(code, area.Id, ct))
            return Outcome<Area>.Duplicate("code", T.DuplicateAreaCode);
        if (version is { } v) db.Entry(area).Property(a => a.Version).OriginalValue = v;
        area.Code = code;
        area.Name = Checks.Clean(input.Name)!;
        area.Kind = input.Kind!.Value;
        area.Province = Checks.Clean(input.Province)!;
        return await SaveAsync(area, ct);
    }

    /// <summary>Only an area nothing belongs to: no schools, lists or users granted it (their grants would vanish unseen).</summary>
    public async Task<Outcome<Area>> DeleteAsync(Area area, CancellationToken ct = default)
    {
        if (await db.UserAreaGrants.AnyAsync(g => g.AreaId == area.Id, ct))
            return Outcome<Area>.Duplicate("", "ลบไม่ได้ เพราะยังมีผู้ใช้ที่ได้รับสิทธิ์ในเขตพื้นที่นี้ — ถอนสิทธิ์ผู้ใช้ก่อน");
        db.Areas.Remove(area);
        return await SaveAsync(area, ct);
    }

    private Task<Outcome<Area>> SaveAsync(Area area, CancellationToken ct) =>
        db.TrySaveAsync(area, "code", T.DuplicateAreaCode, ct);
}
