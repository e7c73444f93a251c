using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Data.Configurations;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Assessment.Frameworks;

public sealed record RevisionRow(int Revision, string Name, DateTimeOffset UpdatedAt, int Rounds, bool Shipped);

public sealed record RoundRow(Guid Id, string Name, string Area, DateOnly StartDate, DateOnly EndDate, RoundStatus Status);

/// <summary>
/// One revision of a framework (the current one, or <c>?revision=n</c>): the tree standard → indicator → items, each
/// rule in words beside its level descriptions, the rounds on this revision the caller may see, every revision, and the
/// document as a JSON file in the import shape (<c>?handler=json</c>).
/// </summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class DetailsModel(AppDbContext db, UserScope scope) : PageModel
{
    /// <summary>Readable in an editor: indented, Thai as itself; the shape the import takes.</summary>
    private static readonly JsonSerializerOptions FileJson = new(FrameworkConfiguration.Json) { WriteIndented = true };

    public static string Link(string code, int? revision = null) =>
        $"/assessment/frameworks/{Uri.EscapeDataString(code)}" + (revision is { } r ? $"?revision={r}" : "");

    public Framework Framework { get; private set; } = null!;
    public int CurrentRevision { get; private set; }
    public bool IsCurrent => Framework.Revision == CurrentRevision;
    public bool CanEdit => Policies.Allows(Policies.SystemAdmin, scope.Role);
    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];
    /// <summary>Rounds on this revision in the caller's areas; <see cref="OtherRounds"/> counts those elsewhere.</summary>
    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public int OtherRounds { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? revision)
    {
        if (await FindAsync(code, revision) is not { } framework) return NotFound();
        Framework = framework;
        var revisions = await db.Frameworks.AsNoTracking().Where(f => f.Code == code)
            .Select(f => new { f.Id, f.Revision, f.Name, f.UpdatedAt, f.IsShipped }).ToListAsync();
        var ids = revisions.Select(r => r.Id).ToList();
        var counts = await db.AssessmentRounds.IgnoreQueryFilters().Where(r => ids.Contains(r.FrameworkId)).GroupBy(r => r.FrameworkId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Revisions = [.. revisions.OrderByDescending(r => r.Revision).Select(r => new RevisionRow(r.Revision, r.Name, r.UpdatedAt, counts.GetValueOrDefault(r.Id), r.IsShipped))];
        CurrentRevision = Revisions[0].Revision;
        // The area filter keeps other areas' rounds out of the list; only how many there are is said.
        Rounds = await db.AssessmentRounds.AsNoTracking().Where(r => r.FrameworkId == framework.Id)
            .OrderByDescending(r => r.StartDate)
            .Select(r => new RoundRow(r.Id, r.Name, db.Areas.Where(a => a.Id == r.AreaId).Select(a => a.Name).FirstOrDefault() ?? "", r.StartDate, r.EndDate, r.Status))
            .ToListAsync();
        OtherRounds = counts.GetValueOrDefault(framework.Id) - Rounds.Count;
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync(string code, int? revision)
    {
        if (await FindAsync(code, revision) is not { } framework) return NotFound();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(FrameworkDocument.Export(framework), FileJson);
        return File(bytes, "application/json", $"{framework.Code}-r{framework.Revision}.json");
    }

    private Task<Framework?> FindAsync(string code, int? revision) => revision is { } r
        ? db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code && f.Revision == r)
        : db.Frameworks.AsNoTracking().Where(f => f.Code == code).OrderByDescending(f => f.Revision).FirstOrDefaultAsync();
}
