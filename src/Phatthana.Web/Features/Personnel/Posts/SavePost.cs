using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>Adds, edits and removes posts of a school's register; position numbers are unique within the area.</summary>
public sealed class SavePost(AppDbContext db)
{
    public async Task<Outcome<Post>> CreateAsync(School school, PostInput input, CancellationToken ct = default)
    {
        var post = new Post { AreaId = school.AreaId, SchoolId = school.Id, PositionNumber = "" };
        var outcome = await ApplyAsync(post, school, input, ct);
        if (outcome is not null) return outcome;
        db.Posts.Add(post);
        return await db.TrySaveAsync(post, "positionNumber", T.DuplicatePositionNumber, ct);
    }

    public async Task<Outcome<Post>> UpdateAsync(Post post, School school, PostInput input, int? version, CancellationToken ct = default)
    {
        if (version is { } v) db.Entry(post).Property(p => p.Version).OriginalValue = v;
        return await ApplyAsync(post, school, input, ct) ?? await db.TrySaveAsync(post, "positionNumber", T.DuplicatePositionNumber, ct);
    }

    public Task<Outcome<Post>> DeleteAsync(Post post, CancellationToken ct = default)
    {
        db.Posts.Remove(post);
        return db.TrySaveAsync(post, "", "", ct);
    }

    private async Task<Outcome<Post>?> ApplyAsync(Post post, School school, PostInput input, CancellationToken ct)
    {
        var nationalId = NationalId.Normalise(input.Occupant);
        var occupant = nationalId.Length == NationalId.Length ? await OccupantAsync(db, school.AreaId, nationalId, ct) : null;
        var otherPost = occupant is null ? null : await db.Posts.IgnoreQueryFilters()
            .Where(p => p.OccupantId == occupant.Id && p.Id != post.Id).Select(p => p.PositionNumber).FirstOrDefaultAsync(ct);
        var (values, errors) = PostRules.Read(input, new SchoolRef(school.Id, school.Code, school.Name, school.Type), _ => occupant, _ => otherPost);
        if (values is null) return Outcome<Post>.Invalid(errors);
        // Unique within the area, which the database cannot say (its key is per school): the check looks past a scope.
        if (await db.Posts.IgnoreQueryFilters().AnyAsync(p => p.AreaId == school.AreaId && p.PositionNumber == values.PositionNumber && p.Id != post.Id, ct))
            return Outcome<Post>.Duplicate("positionNumber", $"{T.DuplicatePositionNumber} (เลขที่ {values.PositionNumber})");
        post.PositionNumber = values.PositionNumber;
        post.PostType = values.PostType;
        if (values.Occupant is { } o && post.OccupantId != o.Id)
            PostRules.Claim(db, await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == o.Id, ct), o.Version);
        post.OccupantId = values.Occupant?.Id;
        return null;
    }

    public static Task<OccupantRef?> OccupantAsync(AppDbContext db, Guid areaId, string nationalId, CancellationToken ct = default) =>
        db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.AreaId == areaId && p.NationalId == nationalId)
            .Select(p => new OccupantRef(p.Id, p.NationalId, p.Title + p.FirstName + " " + p.LastName, p.SchoolId,
                p.School != null ? p.School.Name : null, p.Position, p.Status, p.Version))
            .FirstOrDefaultAsync(ct);
}
