using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using T = Phatthana.Web.Features.Development.DevelopmentText;

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>A competency with how many plans assessed it (within what the caller sees).</summary>
public sealed record CompetencyRow(CompetencyDto Competency, int Plans);

/// <summary>A topic with the competency it builds and how many plans and survey answers asked for it.</summary>
public sealed record TopicRow(TopicDto Topic, string? Competency, int Plans, int Answers);

/// <summary>The catalogue's two tables, declared once for the page and its workbook (and the API's ?format=xlsx).</summary>
public static class CatalogueTables
{
    /// <summary>On screen the code and name are one linked cell (four columns stay a table on a phone); the file has every field.</summary>
    public static TableSpec<CompetencyRow> Competencies(string title, Func<CompetencyRow, string?>? edit = null) => new(title,
        new(T.Group, r => T.Label(r.Competency.Group), Width: 18, OnScreen: false),
        new("สมรรถนะ", r => $"{r.Competency.Code} {r.Competency.Name}", Link: edit, Wrap: true, InFile: false),
        new(T.CompetencyCode, r => r.Competency.Code, Width: 10, OnScreen: false),
        new(T.CompetencyName, r => r.Competency.Name, Width: 44, Wrap: true, OnScreen: false),
        new(T.Kind, r => T.Label(r.Competency.Kind), Width: 20, OnScreen: false),
        new(T.ExpectedLevel, r => r.Competency.ExpectedLevel, CellKind.Number, Width: 12),
        new(T.SortOrder, r => r.Competency.SortOrder, CellKind.Number, Width: 8, OnScreen: false),
        new(T.Description, r => r.Competency.Description, Width: 40, Wrap: true, OnScreen: false),
        new("แผนที่ประเมิน", r => r.Plans, CellKind.Number, Width: 12),
        new("สถานะ", r => r.Competency.Active ? T.InUse : T.Retired, Width: 12));

    /// <summary>On screen the plans and answers that use a topic are one cell, so a phone's stacked rows stay short.</summary>
    public static TableSpec<TopicRow> Topics(Func<TopicRow, string?>? edit = null) => new("หัวข้อการพัฒนา",
        new(T.Group, r => T.Label(r.Topic.Group), Width: 18, OnScreen: false),
        new(T.TopicName, r => r.Topic.Name, Link: edit, Width: 50, Wrap: true),
        new(T.BuildsCompetency, r => r.Competency, Width: 40, Wrap: true),
        new(T.SubjectAreaLabel, r => r.Topic.SubjectArea is { } s ? PersonnelText.Label(s) : null, Width: 24),
        new("การใช้", r => $"แผน {r.Plans:#,0} · ผู้ตอบแบบสำรวจ {r.Answers:#,0}", InFile: false),
        new("แผนที่ขอ", r => r.Plans, CellKind.Number, Width: 10, OnScreen: false),
        new("ผู้ตอบแบบสำรวจ", r => r.Answers, CellKind.Number, Width: 12, OnScreen: false),
        new("สถานะ", r => r.Topic.Active ? T.InUse : T.Retired, Width: 12));

    /// <summary>The catalogue of the area (one group, or all) with its use; three grouped counts, whatever its size.</summary>
    public static async Task<(List<CompetencyRow> Competencies, List<TopicRow> Topics)> LoadAsync(AppDbContext db, Guid areaId, PositionGroup? group, CancellationToken ct = default)
    {
        var catalogue = await CatalogueApi.ReadAsync(db, areaId, group, ct);
        var plans = await db.IdPlanCompetencies.AsNoTracking().Where(l => l.AreaId == areaId).GroupBy(l => l.CompetencyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var needs = await db.IdPlanNeeds.AsNoTracking().Where(n => n.AreaId == areaId).GroupBy(n => n.TopicId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var answers = await db.NeedResponses.AsNoTracking().Where(r => r.AreaId == areaId).GroupBy(r => r.TopicId)
            .Select(g => new { g.Key, Count = g.Select(r => r.PersonId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = catalogue.Competencies.ToDictionary(c => (c.Group, c.Code), c => c.Name);
        return (catalogue.Competencies.Select(c => new CompetencyRow(c, plans.GetValueOrDefault(c.Id))).ToList(),
            catalogue.Topics.Select(t => new TopicRow(t, t.Competency is { } code ? $"{code} {names.GetValueOrDefault((t.Group, code))}" : null,
                needs.GetValueOrDefault(t.Id), answers.GetValueOrDefault(t.Id))).ToList());
    }

    /// <summary>The catalogue as a file: its competencies (core then functional) and its topics, each a sheet.</summary>
    public static async Task<IResult> FileAsync(HttpContext http, Organisation.Area area, PositionGroup? group, CancellationToken ct = default)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format) || format is not { } f) return ReportResults.UnknownFormat(http.Request);
        var (competencies, topics) = await LoadAsync(http.RequestServices.GetRequiredService<AppDbContext>(), area.Id, group, ct);
        var report = await ReportResults.StartAsync(http, T.Catalogue, area, $"competencies-{area.Code}", ct) with
        {
            Subtitles = [group is { } g ? $"{T.Group} {T.Label(g)}" : "ทุกกลุ่มตำแหน่ง"],
            Orientation = PageOrientation.Landscape,
            Blocks = [new TableBlock(Competencies("สมรรถนะ").ToReport(competencies)), new TableBlock(Topics().ToReport(topics))],
        };
        return ReportResults.File(http, report, f);
    }
}

/// <summary>What the shared delete confirmation shows: why it cannot be deleted (then it is retired instead), or the question.</summary>
public sealed record DeleteOrRetire(string? WhyNot, string? Error, bool Active, int Version, string Back, string Name);
