using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Recognition;

/// <summary>One nominee of a selection with where they stand: sheets given of those due, the total, the rank and whether tied.</summary>
public sealed record Standing(Guid NominationId, Guid PersonId, string Name, string? School, decimal? Total, int? Rank, bool Tied, int Sheets, int SheetsDue,
    bool Awarded, string? CertificateNumber, string? CertificateCode);

/// <summary>A sheet a member still owes: who, for whom.</summary>
public sealed record MissingSheet(string Member, string Nominee);

/// <summary>
/// A selection's scores put together: each member's sheet per nominee (<see cref="AwardScoring.Sheet"/>), the totals and
/// ranks (<see cref="AwardScoring.Rank"/>), and which sheets are still owed — a member owes one for every nominee who is not
/// of their own school. Before the announcement the figures are live; after it they are the ones stored at announcement.
/// </summary>
public sealed class Standings(AppDbContext db)
{
    public sealed record Result(IReadOnlyList<Standing> Rows, IReadOnlyList<MissingSheet> Missing)
    {
        /// <summary>The accounts of the members who still owe a sheet (the scoring reminder's recipients).</summary>
        public IReadOnlyList<string> OwingUsers { get; init; } = [];
    }

    public async Task<Result> BuildAsync(AwardSelection selection, CancellationToken ct = default)
    {
        var criteria = await db.AwardCriteria.AsNoTracking().Where(c => c.ProgrammeId == selection.ProgrammeId)
            .Select(c => new ScoringCriterion(c.Id, c.Weight, c.MinScore, c.MaxScore)).ToListAsync(ct);
        var members = await db.AwardCommitteeMembers.AsNoTracking().Where(m => m.ProgrammeId == selection.ProgrammeId).ToListAsync(ct);
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.SelectionId == selection.Id)
            .Select(n => new
            {
                n.Id, n.PersonId, n.SchoolId, Name = n.Person!.Title + n.Person.FirstName + " " + n.Person.LastName, n.Person.FirstName, n.Person.LastName,
                School = db.Schools.Where(s => s.Id == n.SchoolId).Select(s => s.Name).FirstOrDefault(),
                n.Total, n.Rank, n.Awarded, n.CertificateNumber, n.CertificateCode,
            }).ToListAsync(ct);
        var ids = nominations.Select(n => n.Id).ToList();
        var scores = await db.AwardScores.AsNoTracking().Where(s => ids.Contains(s.NominationId))
            .Select(s => new { s.NominationId, s.MemberId, s.CriterionId, s.Score }).ToListAsync(ct);
        var ordered = nominations.OrderBy(n => n.FirstName, ThaiText.Comparer).ThenBy(n => n.LastName, ThaiText.Comparer).ToList();

        var missing = new List<MissingSheet>();
        var owing = new HashSet<string>();
        var live = new List<(Guid Id, decimal? Total, int Sheets)>();
        var due = new Dictionary<Guid, int>();
        foreach (var n in ordered)
        {
            var sheets = new List<decimal>();
            var owed = members.Where(m => m.SchoolId is null || m.SchoolId != n.SchoolId).ToList();
            due[n.Id] = owed.Count;
            foreach (var m in owed)
            {
                var given = scores.Where(s => s.NominationId == n.Id && s.MemberId == m.Id).ToDictionary(s => s.CriterionId, s => s.Score);
                if (AwardScoring.Sheet(criteria, given) is { } sheet) sheets.Add(sheet);
                else
                {
                    missing.Add(new MissingSheet(m.Name, n.Name));
                    owing.Add(m.UserId);
                }
            }
            live.Add((n.Id, AwardScoring.Total(sheets), sheets.Count));
        }
        var ranked = AwardScoring.Rank(live).ToDictionary(r => r.Id);
        var announced = selection.AnnouncedAt is not null;
        var rows = ordered.Select(n =>
        {
            var r = ranked[n.Id];
            // After the announcement the stored result is the result, whatever changed in the programme since.
            var total = announced ? n.Total : r.Total;
            var rank = announced ? n.Rank : r.Rank;
            var tied = announced ? rank is not null && nominations.Count(o => o.Rank == rank) > 1 : r.Tied;
            return new Standing(n.Id, n.PersonId, n.Name, n.School, total, rank, tied, r.Sheets, due[n.Id], n.Awarded, n.CertificateNumber, n.CertificateCode);
        }).OrderBy(s => s.Rank ?? int.MaxValue).ToList();
        return new Result(rows, missing) { OwingUsers = [.. owing] };
    }
}
