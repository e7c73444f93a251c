using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.Lookups;

public sealed class NamedItemInput
{
    public string? Name { get; set; }
}

public sealed record NamedItemDto(Guid Id, string Name);

/// <summary>Create, rename and delete a district or a division: both are names an area keeps, unique within it.</summary>
public sealed class SaveNamedItem<TItem>(AppDbContext db) where TItem : class, INamedAreaItem, new()
{
    public async Task<Outcome<TItem>> CreateAsync(Area area, NamedItemInput input, CancellationToken ct = default)
    {
        var item = new TItem { AreaId = area.Id };
        return await ApplyAsync(item, input, null, add: true, ct);
    }

    public Task<Outcome<TItem>> UpdateAsync(TItem item, NamedItemInput input, int? version, CancellationToken ct = default) =>
        ApplyAsync(item, input, version, add: false, ct);

    public Task<Outcome<TItem>> DeleteAsync(TItem item, CancellationToken ct = default)
    {
        db.Set<TItem>().Remove(item);
        return db.TrySaveAsync(item, "name", T.DuplicateName, ct);
    }

    private async Task<Outcome<TItem>> ApplyAsync(TItem item, NamedItemInput input, int? version, bool add, CancellationToken ct)
    {
        var errors = new Checks().Text(input.Name, "name", T.Name, TItem.NameMaxLength).Errors;
        if (errors.Count > 0) return Outcome<TItem>.Invalid(errors);
        var name = AreaLookups.Normalise(input.Name!);
        if (await db.Set<TItem>().AnyAsync(x => x.AreaId == item.AreaId && x.Name == name && x.Id != item.Id, ct))
            return Outcome<TItem>.Duplicate("name", T.DuplicateName);
        if (version is { } v) db.Entry(item).Property(x => x.Version).OriginalValue = v;
        item.Name = name;
        if (add) db.Set<TItem>().Add(item);
        return await db.TrySaveAsync(item, "name", T.DuplicateName, ct);
    }
}
