using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation.Networks;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Onet;

/// <summary>The five subject means of one row (null where the row has no score) and their mean.</summary>
public sealed record OnetSubjects(decimal? Thai, decimal? Social, decimal? English, decimal? Mathematics, decimal? Science)
{
    public decimal? this[OnetSubject s] => s switch
    {
        OnetSubject.Thai => Thai, OnetSubject.Social => Social, OnetSubject.English => English, OnetSubject.Mathematics => Mathematics, _ => Science,
    };

    /// <summary>The mean of the subjects scored, to 2 decimals.</summary>
    public decimal? Mean => All.Count == 0 ? null : Math.Round(All.Average(), 2);

    private List<decimal> All => [.. new[] { Thai, Social, English, Mathematics, Science }.Where(v => v is not null).Select(v => v!.Value)];

    public static OnetSubjects From(Func<OnetSubject, decimal?> score) =>
        new(R(score(OnetSubject.Thai)), R(score(OnetSubject.Social)), R(score(OnetSubject.English)), R(score(OnetSubject.Mathematics)), R(score(OnetSubject.Science)));

    private static decimal? R(decimal? v) => v is { } x ? Math.Round(x, 2) : null;
}

/// <summary>A school's year: its scores, last year's mean, the gain, and how far above (+) or below (−) the national mean.</summary>
public sealed record OnetSchoolRow(string Code, string Name, Guid? NetworkId, string? Network, int? Students, OnetSubjects Scores,
    decimal? Mean, decimal? LastYearMean, decimal? Gain, decimal? VsNational);

/// <summary>A network's year: the means of its member schools (members as of the year), the same schools' mean last year, and the gains.</summary>
public sealed record OnetNetworkRow(Guid Id, string Name, int Schools, OnetSubjects Scores, decimal? Mean, decimal? LastYearMean,
    decimal? Gain, decimal? GainPercent, decimal? VsNational);

/// <summary>A reference row of the file: the national or the area's mean.</summary>
public sealed record OnetReferenceRow(string Name, OnetSubjects Scores, decimal? Mean, decimal? LastYearMean, decimal? Gain);

public sealed record OnetYearDto(int AcademicYear, OnetLevel Level, IReadOnlyList<int> Years, OnetReferenceRow? National, OnetReferenceRow? Area,
    IReadOnlyList<OnetNetworkRow> Networks, IReadOnlyList<OnetSchoolRow> Schools);

/// <summary>
/// O-NET of an area's year and grade, per school and per network. A school's mean is the mean of its subjects' scores;
/// its gain is this year's mean less last year's; against the nation, its mean less the national mean of the same file.
/// A network's mean is the mean of its member schools' means (schools count alike, whatever their size); its members
/// are those on the last day of the academic year (or today, for the year running), and last year's mean is of the same
/// schools, so the gain compares like with like. Everything is rounded to 2 decimals at the end.
/// </summary>
public sealed class OnetAnalysis(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<int>> YearsAsync(Guid areaId, CancellationToken ct = default) =>
        await db.OnetScores.AsNoTracking().Where(o => o.AreaId == areaId).Select(o => o.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    public async Task<OnetYearDto> YearAsync(Guid areaId, int? academicYear, OnetLevel level, Guid? network = null, CancellationToken ct = default)
    {
        var years = await YearsAsync(areaId, ct);
        var year = academicYear ?? (years.Count > 0 ? years[0] : SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time)));
        var scores = await db.OnetScores.AsNoTracking().Where(o => o.AreaId == areaId && o.Level == level && (o.AcademicYear == year || o.AcademicYear == year - 1))
            .Select(o => new { o.AcademicYear, o.Kind, o.SchoolId, o.Subject, o.Score, o.Students }).ToListAsync(ct);
        var asOf = Min(SchoolCalendar.AcademicYearEnd(year), ThaiDate.TodayInThailand(time));
        var memberships = await db.NetworkMemberships.AsNoTracking().Where(m => m.AreaId == areaId && (m.From == null || m.From <= asOf) && (m.To == null || m.To >= asOf))
            .Select(m => new { m.SchoolId, m.NetworkId }).ToListAsync(ct);
        var networkOf = memberships.GroupBy(m => m.SchoolId).ToDictionary(g => g.Key, g => g.First().NetworkId);
        var networks = await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == areaId && (network == null || n.Id == network))
            .Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        var names = networks.ToDictionary(n => n.Id, n => n.Name);
        // Names only of the schools the caller may see; the network figures count every member.
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);

        OnetSubjects Subjects(int y, OnetRowKind kind, Guid? school) => OnetSubjects.From(subject =>
            scores.FirstOrDefault(o => o.AcademicYear == y && o.Kind == kind && o.SchoolId == school && o.Subject == subject)?.Score);
        OnetReferenceRow? Reference(OnetRowKind kind, string name)
        {
            if (!scores.Any(o => o.AcademicYear == year && o.Kind == kind)) return null;
            var now = Subjects(year, kind, null);
            var last = scores.Any(o => o.AcademicYear == year - 1 && o.Kind == kind) ? Subjects(year - 1, kind, null).Mean : null;
            return new(name, now, now.Mean, last, Diff(now.Mean, last));
        }
        var national = Reference(OnetRowKind.National, OnetText.National);
        var area = Reference(OnetRowKind.Area, OnetText.AreaRow);

        var schoolIds = scores.Where(o => o.Kind == OnetRowKind.School && o.AcademicYear == year).Select(o => o.SchoolId!.Value).Distinct().ToList();
        var means = schoolIds.ToDictionary(id => id, id => (Now: Subjects(year, OnetRowKind.School, id), Last: scores.Any(o => o.AcademicYear == year - 1 && o.SchoolId == id)
            ? Subjects(year - 1, OnetRowKind.School, id).Mean : null));

        var schoolRows = schools.Where(s => means.ContainsKey(s.Id))
            .Select(s =>
            {
                var (now, last) = means[s.Id];
                var n = networkOf.TryGetValue(s.Id, out var nid) ? nid : (Guid?)null;
                return new OnetSchoolRow(s.Code, s.Name, n, n is { } x ? names.GetValueOrDefault(x) : null,
                    scores.FirstOrDefault(o => o.AcademicYear == year && o.SchoolId == s.Id)?.Students, now, now.Mean, last, Diff(now.Mean, last), Diff(now.Mean, national?.Mean));
            })
            .Where(r => network is null || r.NetworkId == network)
            .OrderBy(r => r.Network ?? "\uffff", ThaiText.Comparer).ThenBy(r => r.Name, ThaiText.Comparer).ToList();

        var networkRows = networks.Select(n =>
        {
            var members = schoolIds.Where(id => networkOf.GetValueOrDefault(id) == n.Id).ToList();
            var subjects = OnetSubjects.From(subject => Average(members.Select(id => means[id].Now[subject])));
            var mean = Average(members.Select(id => means[id].Now.Mean));
            var comparable = members.Where(id => means[id].Last is not null).ToList();
            var meanNow = Average(comparable.Select(id => means[id].Now.Mean));
            var last = Average(comparable.Select(id => means[id].Last));
            var gain = Diff(meanNow, last);
            return new OnetNetworkRow(n.Id, n.Name, members.Count, subjects, R(mean), R(last), gain,
                gain is { } g && last is { } l && l != 0 ? Math.Round(g / l * 100, 2) : null, Diff(R(mean), national?.Mean));
        }).OrderBy(n => n.Name, ThaiText.Comparer).ToList();

        return new OnetYearDto(year, level, years, national, area, networkRows, schoolRows);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static decimal? Average(IEnumerable<decimal?> values)
    {
        var list = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }

    private static decimal? R(decimal? v) => v is { } x ? Math.Round(x, 2) : null;

    private static decimal? Diff(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Round(x - y, 2) : null;
}
