using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>A post of the register with what the subject analysis needs of its occupant.</summary>
public sealed record PostFact(Guid SchoolId, string PositionNumber, PostType PostType, Guid? OccupantId, string? OccupantName, SubjectArea? Major, TeachingLevel? Level);

/// <summary>A teacher teaching outside the subject area of their major (สอนไม่ตรงวุฒิ / ไม่ตรงเอก).</summary>
public sealed record OutOfMajorRow(Guid PersonId, string NationalId, string Name, Guid SchoolId, string School, string SchoolName, Position Position,
    SubjectArea Major, IReadOnlyList<SubjectArea> TeachingSubjectAreas);

/// <summary>One subject area's teachers per level (a row of seed 000's "จำนวนครูตาม จ.18 แยกตามกลุ่มสาระ").</summary>
public sealed record SubjectLevelRow(string Label, SubjectArea? Subject, IReadOnlyDictionary<TeachingLevel, int> ByLevel, int Unspecified)
{
    public int Total => ByLevel.Values.Sum() + Unspecified;
}

/// <summary>A school's request for one subject against the teachers of that major it has.</summary>
public sealed record SubjectNeedRow(SubjectArea Subject, int Needed, int Have, string? Note)
{
    public int Shortfall => Math.Max(0, Needed - Have);
}

/// <summary>
/// Teachers by subject area (their major) × level, a school's needs per subject against what it has, and the
/// out-of-major list. Teachers are the posts of the register: each teacher post counts once under its occupant's
/// major; vacant posts and occupants without a major are their own rows, so the table adds up to the register.
/// </summary>
public static class SubjectAnalysis
{
    public static readonly SubjectArea[] Subjects = Enum.GetValues<SubjectArea>();
    public static readonly TeachingLevel[] Levels = Enum.GetValues<TeachingLevel>();

    public static async Task<List<PostFact>> PostsAsync(AppDbContext db, Guid areaId, Guid? schoolId = null, CancellationToken ct = default)
    {
        var q = db.Posts.AsNoTracking().Where(p => p.AreaId == areaId);
        if (schoolId is { } id) q = q.Where(p => p.SchoolId == id);
        return await q.Select(p => new PostFact(p.SchoolId, p.PositionNumber, p.PostType, p.OccupantId,
                p.Occupant != null ? p.Occupant.Title + p.Occupant.FirstName + " " + p.Occupant.LastName : null,
                p.Occupant != null ? p.Occupant.Major : null, p.Occupant != null ? p.Occupant.TeachingLevel : null))
            .ToListAsync(ct);
    }

    /// <summary>The level a teacher post counts at: the occupant's, else what a primary school's teacher must teach.</summary>
    public static TeachingLevel? LevelOf(PostFact p, SchoolType schoolType) =>
        p.Level ?? (schoolType == SchoolType.Primary ? (p.Major == SubjectArea.EarlyChildhood ? TeachingLevel.PrePrimary : TeachingLevel.Primary) : null);

    /// <summary>Teacher posts by subject × level, then the rows for no major and vacant posts.</summary>
    public static List<SubjectLevelRow> ByLevel(IEnumerable<PostFact> posts, IReadOnlyDictionary<Guid, SchoolType> schoolTypes)
    {
        var teacherPosts = posts.Where(p => p.PostType == PostType.Teacher).ToList();
        SubjectLevelRow Row(string label, SubjectArea? subject, IEnumerable<PostFact> rows)
        {
            var list = rows.Select(p => LevelOf(p, schoolTypes.GetValueOrDefault(p.SchoolId))).ToList();
            return new SubjectLevelRow(label, subject, Levels.ToDictionary(l => l, l => list.Count(x => x == l)), list.Count(x => x is null));
        }
        var rows = Subjects.Select(s => Row(P.Label(s), s, teacherPosts.Where(p => p.OccupantId != null && p.Major == s))).ToList();
        rows.Add(Row("ไม่ระบุวิชาเอก", null, teacherPosts.Where(p => p.OccupantId != null && p.Major is null)));
        rows.Add(Row("อัตราว่าง", null, teacherPosts.Where(p => p.OccupantId == null)));
        return rows;
    }

    /// <summary>Teachers per subject per school (occupied teacher posts by the occupant's major).</summary>
    public static Dictionary<Guid, Dictionary<SubjectArea, int>> HaveBySchool(IEnumerable<PostFact> posts) =>
        posts.Where(p => p.PostType == PostType.Teacher && p.Major is not null)
            .GroupBy(p => p.SchoolId)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Major!.Value).ToDictionary(x => x.Key, x => x.Count()));

    public static Task<List<SubjectNeed>> NeedsAsync(AppDbContext db, Guid areaId, int year, Guid? schoolId = null, CancellationToken ct = default)
    {
        var q = db.SubjectNeeds.AsNoTracking().Where(n => n.AreaId == areaId && n.AcademicYear == year);
        if (schoolId is { } id) q = q.Where(n => n.SchoolId == id);
        return q.ToListAsync(ct);
    }

    /// <summary>A school's needs against what it has, one row per subject it asked for or has teachers of.</summary>
    public static List<SubjectNeedRow> NeedRows(IEnumerable<SubjectNeed> needs, IReadOnlyDictionary<SubjectArea, int>? have)
    {
        var bySubject = needs.ToDictionary(n => n.SubjectArea);
        return Subjects.Where(s => bySubject.ContainsKey(s) || (have?.GetValueOrDefault(s) ?? 0) > 0)
            .Select(s => new SubjectNeedRow(s, bySubject.TryGetValue(s, out var n) ? n.Needed : 0, have?.GetValueOrDefault(s) ?? 0, bySubject.GetValueOrDefault(s)?.Note))
            .ToList();
    }

    /// <summary>Active teachers at a school whose major is not among the subject areas they teach.</summary>
    public static async Task<List<OutOfMajorRow>> OutOfMajorAsync(AppDbContext db, Guid areaId, Guid? schoolId = null, CancellationToken ct = default)
    {
        var q = db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active && p.SchoolId != null && p.Major != null);
        if (schoolId is { } id) q = q.Where(p => p.SchoolId == id);
        var rows = await q.Select(p => new
        {
            p.Id, p.NationalId, Name = p.Title + p.FirstName + " " + p.LastName, SchoolId = p.SchoolId!.Value, School = p.School!.Code, SchoolName = p.School.Name,
            p.Position, Major = p.Major!.Value, p.TeachingSubjectAreas,
        }).ToListAsync(ct);
        return rows.Where(r => PersonRules.Teaches(r.Position) && r.TeachingSubjectAreas.Count > 0 && !r.TeachingSubjectAreas.Contains(r.Major))
            .OrderBy(r => r.School, StringComparer.Ordinal).ThenBy(r => r.Name, Shared.Thai.ThaiText.Comparer)
            .Select(r => new OutOfMajorRow(r.Id, r.NationalId, r.Name, r.SchoolId, r.School, r.SchoolName, r.Position, r.Major, r.TeachingSubjectAreas.Distinct().ToList()))
            .ToList();
    }
}
