using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.Networks;

public sealed class NetworkInput
{
    public string? Name { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }
    public string? Goals { get; set; }

    public static NetworkInput From(SchoolNetwork n) => new() { Name = n.Name, Chair = n.Chair, Secretary = n.Secretary, Goals = n.Goals };
}

/// <remarks>Init properties so EF can sort after projecting to it.</remarks>
public sealed record NetworkDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Chair { get; init; }
    public string? Secretary { get; init; }
    public string? Goals { get; init; }
    public int Schools { get; init; }
}

/// <summary>Create, update and delete a school network; its member schools name it on their own record.</summary>
public sealed class SaveNetwork(AppDbContext db)
{
    public static IReadOnlyList<FieldError> Validate(NetworkInput input) => new Checks()
        .Text(input.Name, "name", T.Network, DataSchema.NameLength)
        .Text(input.Chair, "chair", T.Chair, DataSchema.NameLength, required: false)
        .Text(input.Secretary, "secretary", T.Secretary, DataSchema.NameLength, required: false)
        .Text(input.Goals, "goals", T.Goals, DataSchema.TextLength, required: false)
        .Errors;

    public Task<Outcome<SchoolNetwork>> CreateAsync(Area area, NetworkInput input, CancellationToken ct = default) =>
        ApplyAsync(new SchoolNetwork { AreaId = area.Id, Name = "" }, input, null, add: true, ct);

    public Task<Outcome<SchoolNetwork>> UpdateAsync(SchoolNetwork network, NetworkInput input, int? version, CancellationToken ct = default) =>
        ApplyAsync(network, input, version, add: false, ct);

    /// <summary>Deleting a network leaves its schools without one (they are not deleted).</summary>
    public Task<Outcome<SchoolNetwork>> DeleteAsync(SchoolNetwork network, CancellationToken ct = default)
    {
        db.SchoolNetworks.Remove(network);
        return db.TrySaveAsync(network, "name", T.DuplicateName, ct);
    }

    private async Task<Outcome<SchoolNetwork>> ApplyAsync(SchoolNetwork network, NetworkInput input, int? version, bool add, CancellationToken ct)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<SchoolNetwork>.Invalid(errors);
        var name = AreaLookups.Normalise(input.Name!);
        if (await db.SchoolNetworks.AnyAsync(n => n.AreaId == network.AreaId && n.Name == name && n.Id != network.Id, ct))
            return Outcome<SchoolNetwork>.Duplicate("name", T.DuplicateName);
        if (version is { } v) db.Entry(network).Property(n => n.Version).OriginalValue = v;
        network.Name = name;
        network.Chair = Checks.Clean(input.Chair);
        network.Secretary = Checks.Clean(input.Secretary);
        network.Goals = Checks.Clean(input.Goals);
        if (add) db.SchoolNetworks.Add(network);
        return await db.TrySaveAsync(network, "name", T.DuplicateName, ct);
    }
}
