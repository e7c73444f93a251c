using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// Legacy data: the mistakes a real register carries from before this system, put into the demo on purpose so the
/// data-quality page has something to show — one plainly commented block per finding of
/// <see cref="DataQuality.DataQualityChecks"/>, counted by DemoSeederTests. Never in the first school, whose director
/// and teacher are the demo accounts.
/// </summary>
internal static class DemoLegacyData
{
    public const int StaleDays = 200;

    /// <summary>Legacy data (no-counts): two large primary schools have not sent this academic year's student counts.</summary>
    public static HashSet<Guid> SchoolsWithoutCounts(IReadOnlyList<DemoSchool> schools) =>
        schools.Where(s => !s.Extended).OrderByDescending(s => s.Students).Skip(DemoPersonnel.PrimaryDeputies).Take(2)
            .Select(s => s.School.Id).ToHashSet();

    /// <summary>Spoils a few people and posts; returns the schools whose rows <see cref="AgeAsync"/> sets back after saving.</summary>
    public static List<Guid> Spoil(DemoPersonnel personnel, IReadOnlyList<DemoSchool> schools, HashSet<Guid> withoutCounts, DateOnly today, Random random)
    {
        // Legacy data (stale): three small primary schools whose data nobody has touched for 200 days.
        var stale = schools.Skip(1).Where(s => !s.Extended && s.Students < 120 && !withoutCounts.Contains(s.School.Id))
            .OrderBy(_ => random.Next()).Take(3).Select(s => s.School.Id).ToList();
        var untouched = new HashSet<Guid>(stale.Concat(withoutCounts)) { schools[0].School.Id };

        // The other problems fall on ordinary teachers (one teacher post, no history) of the remaining schools.
        var plain = personnel.Drafts
            .Where(d => d is { Earlier: null, V.Position: Position.Teacher, Posts: [{ PostType: PostType.Teacher }] } && !untouched.Contains(d.V.School!.Id))
            .OrderBy(_ => random.Next()).ToList();
        var used = new HashSet<Draft>();
        Draft Take(Func<Draft, bool>? where = null)
        {
            var d = plain.First(d => !used.Contains(d) && (where?.Invoke(d) ?? true));
            used.Add(d);
            return d;
        }

        // Legacy data (bad-id): two national IDs typed with a wrong last digit.
        foreach (var d in new[] { Take(), Take() }) d.V = d.V with { NationalId = DemoNames.WrongCheckDigit(d.V.NationalId) };

        // Legacy data (post-elsewhere): two teachers moved on the registry, but their post stayed on the old school's register.
        foreach (var d in new[] { Take(), Take() })
            d.V = d.V with { School = personnel.OtherSchool(d.V.School!, s => !untouched.Contains(s.School.Id)) };

        // Legacy data (many-posts): a teacher also booked on a colleague's post of the same school; the colleague is not on file.
        var holder = Take(d => plain.Any(o => o != d && !used.Contains(o) && o.V.School == d.V.School));
        var colleague = Take(d => d.V.School == holder.V.School);
        holder.Posts.AddRange(colleague.Posts);
        personnel.Drafts.Remove(colleague);

        // Legacy data (duplicate-position): one position number on the registers of two schools.
        var first = Take();
        Take(d => d.V.School != first.V.School).Posts[0].PositionNumber = first.Posts[0].PositionNumber;

        // Legacy data (inactive-occupant): a teacher retired on the last 30 September, and the post was never freed.
        var retired = Take();
        var lastSeptember = new DateOnly(today.Month >= 10 ? today.Year : today.Year - 1, 9, 30);
        retired.V = personnel.AgedTo(retired.V, new DateOnly(lastSeptember.Year - 60, 3, 14));
        retired.Earlier = retired.V;
        retired.V = retired.V with { Status = PersonStatus.Retired };
        retired.ChangedOn = PersonRules.RetirementDate(retired.V.BirthDate!.Value);

        // Legacy data (type-mismatch): a teacher acting for a deputy director was booked on the deputy's administrator post.
        var acting = personnel.Drafts.First(d => d is { Earlier: null, V.Position: Position.DeputyDirector } && !untouched.Contains(d.V.School!.Id));
        acting.V = acting.V with { Position = Position.Teacher, TeachingSubjectAreas = [acting.V.Major!.Value] };

        // Legacy data (over-age): two teachers past retirement still recorded as working; the retirement order was never entered.
        foreach (var (d, birth) in new[] { (Take(), new DateOnly(1964, 8, 12)), (Take(), new DateOnly(1965, 2, 3)) })
            d.V = personnel.AgedTo(d.V, birth);

        // Legacy data (incomplete): 30 records sent without a birth date, a major, or the subject areas taught (10 each).
        for (var i = 0; i < 30; i++)
        {
            var d = Take();
            d.V = (i % 3) switch { 0 => d.V with { BirthDate = null }, 1 => d.V with { Major = null }, _ => d.V with { TeachingSubjectAreas = [] } };
        }
        return stale;
    }

    /// <summary>Legacy data (stale): saving stamped every row now; set the stale schools' rows back <see cref="StaleDays"/> days.</summary>
    public static async Task AgeAsync(AppDbContext db, List<Guid> schools, DateTimeOffset now)
    {
        var then = now.AddDays(-StaleDays);
        await db.Schools.Where(s => schools.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.UpdatedAt, then));
        await db.People.Where(p => p.SchoolId != null && schools.Contains(p.SchoolId.Value)).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, then));
        await db.Posts.Where(p => schools.Contains(p.SchoolId)).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, then));
        await db.StudentCounts.Where(c => schools.Contains(c.SchoolId)).ExecuteUpdateAsync(u => u.SetProperty(c => c.UpdatedAt, then));
    }
}
