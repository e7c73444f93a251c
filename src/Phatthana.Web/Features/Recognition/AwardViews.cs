using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using T = Phatthana.Web.Features.Recognition.RecognitionText;

namespace Phatthana.Web.Features.Recognition;

public sealed record ProgrammeRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public AwardLevel Level { get; init; }
    public AwardPeriod Period { get; init; }
    public int Criteria { get; init; }
    public int Committee { get; init; }
    public int Selections { get; init; }
    public int Awarded { get; init; }
}

public sealed record CriterionDto(int Number, string Name, decimal Weight, int MinScore, int MaxScore);

public sealed record MemberDto(Guid Id, string Name, string? Email, string? Duty, string? School, string? SchoolCode);

public sealed record SelectionRow(Guid Id, string Title, int Year, int? Month, DateOnly NominationOpens, DateOnly NominationCloses, DateOnly ScoringCloses,
    SelectionStage Stage, int Nominations, int Awarded);

public sealed record ProgrammeDto(Guid Id, string Name, AwardLevel Level, AwardPeriod Period, string? Description, bool SchoolsNominate, bool SelfNomination,
    IReadOnlyList<Position> EligiblePositions, int? MinYearsOfService, bool RequiresCleanRecord, int Awards, IReadOnlyList<CriterionDto> Criteria,
    IReadOnlyList<MemberDto> Committee, IReadOnlyList<SelectionRow> Selections, int Version);

public sealed record SelectionDto(Guid Id, Guid Programme, string ProgrammeName, string Title, int Year, int? Month, DateOnly NominationOpens,
    DateOnly NominationCloses, DateOnly ScoringCloses, SelectionStage Stage, DateOnly? AnnouncedOn, string? Evaluation,
    IReadOnlyList<Standing> Standings, IReadOnlyList<MissingSheet> MissingSheets);

public sealed record EvidenceFileDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? AddedBy, DateTimeOffset AddedAt);

public sealed record SheetDto(string Member, decimal? Sheet, IReadOnlyList<decimal> Scores);

public sealed record NominationDto(Guid Id, Guid Selection, string Nominee, string NationalId, string? School, string Statement, bool NoDisciplinaryRecord,
    string? NominatedBy, DateTimeOffset NominatedAt, decimal? Total, int? Rank, bool Awarded, string? CertificateNumber, IReadOnlyList<EvidenceFileDto> Evidence);

/// <summary>One row of seed 000's table: a programme's selections of a year, the people put forward and those selected.</summary>
public sealed record AwardCountRow(string Programme, AwardLevel Level, int Year, int Selections, int Nominated, int Awarded);

/// <summary>An award a person received, for their profile.</summary>
public sealed record PersonAwardDto(Guid Nomination, string Programme, string Selection, int Year, DateOnly? AnnouncedOn, int? Rank, string? CertificateNumber);

/// <summary>The reads of the awards pages and API, as explicit projections.</summary>
public static class AwardViews
{
    public static readonly TableSpec<ProgrammeRow> ProgrammesTable = new(T.Awards,
        new TableColumn<ProgrammeRow>("โครงการรางวัล", p => p.Name, SortKey: "name", Width: 40, Wrap: true),
        new TableColumn<ProgrammeRow>("ระดับ", p => T.Label(p.Level), SortKey: "level", Width: 22),
        new TableColumn<ProgrammeRow>("รอบ", p => T.Label(p.Period), Width: 12),
        new TableColumn<ProgrammeRow>("หลักเกณฑ์", p => p.Criteria, CellKind.Number, Width: 10),
        new TableColumn<ProgrammeRow>("กรรมการ", p => p.Committee, CellKind.Number, Width: 10),
        new TableColumn<ProgrammeRow>("ครั้งที่คัดเลือก", p => p.Selections, CellKind.Number, SortKey: "selections", Width: 12),
        new TableColumn<ProgrammeRow>("ผู้ได้รับรางวัล", p => p.Awarded, CellKind.Number, SortKey: "awarded", Width: 12));

    public static readonly TableSpec<AwardCountRow> CountsTable = new(T.Counts,
        new TableColumn<AwardCountRow>("รายการคัดเลือก", r => r.Programme, Width: 44, Wrap: true),
        new TableColumn<AwardCountRow>("ระดับ", r => T.Label(r.Level), Width: 22),
        new TableColumn<AwardCountRow>("ปี พ.ศ.", r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Width: 10),
        new TableColumn<AwardCountRow>("ครั้งที่คัดเลือก", r => r.Selections, CellKind.Number, Width: 12),
        new TableColumn<AwardCountRow>("ผู้ได้รับการเสนอชื่อ", r => r.Nominated, CellKind.Number, Width: 14),
        new TableColumn<AwardCountRow>("จำนวนผู้ได้รับการคัดเลือก", r => r.Awarded, CellKind.Number, Width: 16));

    public static IQueryable<ProgrammeRow> Programmes(AppDbContext db, Guid areaId) =>
        db.AwardProgrammes.AsNoTracking().Where(p => p.AreaId == areaId).Select(p => new ProgrammeRow
        {
            Id = p.Id, Name = p.Name, Level = p.Level, Period = p.Period,
            Criteria = db.AwardCriteria.Count(c => c.ProgrammeId == p.Id),
            Committee = db.AwardCommitteeMembers.Count(m => m.ProgrammeId == p.Id),
            Selections = db.AwardSelections.Count(s => s.ProgrammeId == p.Id),
            Awarded = db.Nominations.Count(n => n.Awarded && n.Selection!.ProgrammeId == p.Id),
        });

    public static async Task<ProgrammeDto> ProgrammeAsync(AppDbContext db, AwardProgramme p, DateOnly today, CancellationToken ct = default)
    {
        var criteria = await db.AwardCriteria.AsNoTracking().Where(c => c.ProgrammeId == p.Id).OrderBy(c => c.Number)
            .Select(c => new CriterionDto(c.Number, c.Name, c.Weight, c.MinScore, c.MaxScore)).ToListAsync(ct);
        var committee = await db.AwardCommitteeMembers.AsNoTracking().Where(m => m.ProgrammeId == p.Id).OrderBy(m => m.Name)
            .Select(m => new MemberDto(m.Id, m.Name, db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), m.Duty,
                db.Schools.Where(s => s.Id == m.SchoolId).Select(s => s.Name).FirstOrDefault(),
                db.Schools.Where(s => s.Id == m.SchoolId).Select(s => s.Code).FirstOrDefault())).ToListAsync(ct);
        var selections = await db.AwardSelections.AsNoTracking().Where(s => s.ProgrammeId == p.Id)
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.Month).ThenBy(s => s.Title).ToListAsync(ct);
        var counts = await db.Nominations.AsNoTracking().Where(n => n.Selection!.ProgrammeId == p.Id).GroupBy(n => n.SelectionId)
            .Select(g => new { g.Key, All = g.Count(), Awarded = g.Count(n => n.Awarded) }).ToDictionaryAsync(x => x.Key, ct);
        var rows = selections.Select(s => new SelectionRow(s.Id, s.Title, s.Year, s.Month, s.NominationOpens, s.NominationCloses, s.ScoringCloses, s.StageOn(today),
            counts.GetValueOrDefault(s.Id)?.All ?? 0, counts.GetValueOrDefault(s.Id)?.Awarded ?? 0)).ToList();
        return new ProgrammeDto(p.Id, p.Name, p.Level, p.Period, p.Description, p.SchoolsNominate, p.SelfNomination, p.EligiblePositions, p.MinYearsOfService,
            p.RequiresCleanRecord, p.Awards, criteria, committee, rows, p.Version);
    }

    public static async Task<SelectionDto> SelectionAsync(AppDbContext db, Standings standings, AwardSelection s, DateOnly today, CancellationToken ct = default)
    {
        var name = await db.AwardProgrammes.AsNoTracking().Where(p => p.Id == s.ProgrammeId).Select(p => p.Name).FirstAsync(ct);
        var result = await standings.BuildAsync(s, ct);
        return new SelectionDto(s.Id, s.ProgrammeId, name, s.Title, s.Year, s.Month, s.NominationOpens, s.NominationCloses, s.ScoringCloses, s.StageOn(today),
            s.AnnouncedOn, s.Evaluation, result.Rows, result.Missing);
    }

    public static async Task<NominationDto> NominationAsync(AppDbContext db, Nomination n, NationalIdDisclosure disclosure, CancellationToken ct = default)
    {
        var person = await db.People.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == n.PersonId, ct);
        var school = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == n.SchoolId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var evidence = await db.NominationEvidence.AsNoTracking().Where(e => e.NominationId == n.Id).OrderBy(e => e.AddedAt)
            .Select(e => new EvidenceFileDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.AddedBy, e.AddedAt)).ToListAsync(ct);
        return new NominationDto(n.Id, n.SelectionId, person.FullName, disclosure.Show(person.NationalId), school,
            n.Statement, n.NoDisciplinaryRecord, n.NominatedBy, n.NominatedAt, n.Total, n.Rank, n.Awarded, n.CertificateNumber, evidence);
    }

    /// <summary>Announced selections only: what the office has selected, per programme and year.</summary>
    public static async Task<List<AwardCountRow>> CountsAsync(AppDbContext db, Guid areaId, int? year, CancellationToken ct = default)
    {
        var query = db.AwardSelections.AsNoTracking().Where(s => s.AreaId == areaId && s.AnnouncedAt != null);
        if (year is { } y) query = query.Where(s => s.Year == y);
        var rows = await query.GroupBy(s => new { s.ProgrammeId, s.Programme!.Name, s.Programme.Level, s.Year })
            .Select(g => new
            {
                g.Key.Name, g.Key.Level, g.Key.Year, Selections = g.Count(),
                Nominated = db.Nominations.Count(n => n.Selection!.ProgrammeId == g.Key.ProgrammeId && n.Selection.Year == g.Key.Year && n.Selection.AnnouncedAt != null),
                Awarded = db.Nominations.Count(n => n.Awarded && n.Selection!.ProgrammeId == g.Key.ProgrammeId && n.Selection.Year == g.Key.Year),
            }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Year).ThenBy(r => r.Name, ThaiText.Comparer)
            .Select(r => new AwardCountRow(r.Name, r.Level, r.Year, r.Selections, r.Nominated, r.Awarded)).ToList();
    }

    public static Task<List<PersonAwardDto>> ForPersonAsync(AppDbContext db, Guid personId, CancellationToken ct = default) =>
        db.Nominations.AsNoTracking().Where(n => n.PersonId == personId && n.Awarded)
            .OrderByDescending(n => n.Selection!.Year).ThenByDescending(n => n.Selection!.Month)
            .Select(n => new PersonAwardDto(n.Id, n.Selection!.Programme!.Name, n.Selection.Title, n.Selection.Year, n.Selection.AnnouncedOn, n.Rank, n.CertificateNumber))
            .ToListAsync(ct);
}
