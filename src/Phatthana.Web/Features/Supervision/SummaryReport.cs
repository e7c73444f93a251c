using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Supervision.SupervisionText;

namespace Phatthana.Web.Features.Supervision;

/// <summary>A period the summary counts: an academic year (พ.ศ.), or one semester of it.</summary>
public sealed record SupervisionPeriod(int AcademicYear, int? Semester)
{
    public SupervisionPeriod Previous
    {
        get
        {
            if (Semester is not { } s) return new SupervisionPeriod(AcademicYear - 1, null);
            var (year, semester) = SchoolCalendar.PreviousSemester(AcademicYear, s);
            return new SupervisionPeriod(year, semester);
        }
    }

    public string Label => Semester is { } s ? T.Semester(s, AcademicYear) : $"ปีการศึกษา {AcademicYear}";

    /// <summary>Reads ?academicYear= and ?semester= (the current academic year when none is asked); a bad one is a 422 naming it.</summary>
    public static Outcome<SupervisionPeriod> Read(string? academicYear, string? semester, DateOnly today)
    {
        var filter = VisitFilter.Read(null, null, null, null, academicYear, semester);
        return filter.Succeeded
            ? Outcome<SupervisionPeriod>.Ok(new SupervisionPeriod(filter.Value!.AcademicYear ?? SchoolCalendar.AcademicYearOf(today), filter.Value.Semester))
            : filter.As<SupervisionPeriod>();
    }
}

public sealed record LevelTrendDto(SupervisionLevel Level, string Label, int Schools, decimal Percent, int? PreviousSchools, decimal? PreviousPercent, decimal? Change);

public sealed record NetworkSummaryDto(Guid? NetworkId, string Network, int Schools, int Visited, int Visits, IReadOnlyList<LevelShare> Levels,
    decimal VeryGoodOrBetterPercent, decimal? PreviousVeryGoodOrBetterPercent, decimal? Change);

public sealed record SchoolSummaryDto(string Code, string School, int Visits, DateOnly LastVisit, SupervisionLevel Level, SupervisionLevel? PreviousLevel, Trend Trend);

public sealed record OverdueDto(Guid Id, string SchoolCode, string School, DateOnly VisitedOn, string Topic, string Supervisor, DateOnly FollowUpDue, int DaysOverdue);

/// <summary>The summary of a period: the area's (or one network's) schools by level against the period before, each network, the overdue follow-ups.</summary>
public sealed record SupervisionSummaryDto(
    int AcademicYear, int? Semester, string Period, string PreviousPeriod, Guid? NetworkId, string? Network,
    int Schools, int Visited, int Visits, IReadOnlyList<LevelTrendDto> Levels, decimal VeryGoodOrBetterPercent, decimal? PreviousVeryGoodOrBetterPercent,
    IReadOnlyList<NetworkSummaryDto> Networks, IReadOnlyList<SchoolSummaryDto> SchoolResults, IReadOnlyList<OverdueDto> Overdue);

/// <summary>
/// สรุปผลการนิเทศ, after seed 003: "ระดับดีเยี่ยม จำนวน ๔๐ โรงเรียน คิดเป็นร้อยละ ๓๔.๑๙ …" for the area (or one network), the same
/// per network with the share at ดีมาก or above against the period before, each school of a chosen network with its trend,
/// and the follow-ups past their date. Declared once; the page, the API and the .xlsx / .pdf / .docx files come from it.
/// </summary>
public static class SummaryReport
{
    public static async Task<Outcome<SupervisionSummaryDto>> BuildAsync(AppDbContext db, Area area, SupervisionPeriod period, Guid? networkId, DateOnly today,
        CancellationToken ct = default)
    {
        string? networkName = null;
        if (networkId is { } nid)
        {
            networkName = await db.SchoolNetworks.AsNoTracking().Where(n => n.Id == nid && n.AreaId == area.Id).Select(n => n.Name).FirstOrDefaultAsync(ct);
            if (networkName is null) return Outcome<SupervisionSummaryDto>.Invalid([new("network", "ไม่พบกลุ่มเครือข่ายนี้ในเขตพื้นที่")]);
        }
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == area.Id && (networkId == null || s.NetworkId == networkId))
            .Select(s => new { s.Id, s.Code, s.Name, s.NetworkId }).ToListAsync(ct);
        var now = await FactsAsync(db, area.Id, period, networkId, ct);
        var before = await FactsAsync(db, area.Id, period.Previous, networkId, ct);
        var (dNow, dBefore) = (LevelDistribution.Of(now), LevelDistribution.Of(before));

        var levels = T.LevelsBestFirst.Select(l =>
        {
            var (n, b) = (dNow[l], dBefore[l]);
            var had = dBefore.Schools > 0;
            return new LevelTrendDto(l, T.Label(l), n.Schools, n.Percent, had ? b.Schools : null, had ? b.Percent : null, had ? n.Percent - b.Percent : null);
        }).ToList();

        var networkNames = await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == area.Id).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var networks = schools.GroupBy(s => s.NetworkId).Select(g =>
            {
                var ids = g.Select(s => s.Id).ToHashSet();
                var (gn, gb) = (LevelDistribution.Of(now.Where(v => ids.Contains(v.SchoolId))), LevelDistribution.Of(before.Where(v => ids.Contains(v.SchoolId))));
                decimal? prev = gb.Schools > 0 ? gb.VeryGoodOrBetterPercent : null;
                return new NetworkSummaryDto(g.Key, g.Key is { } k && networkNames.TryGetValue(k, out var name) ? name : "ไม่สังกัดกลุ่มเครือข่าย",
                    g.Count(), gn.Schools, gn.Visits, gn.Levels, gn.VeryGoodOrBetterPercent, prev,
                    prev is { } p && gn.Schools > 0 ? gn.VeryGoodOrBetterPercent - p : null);
            })
            .OrderBy(n => n.NetworkId is null).ThenBy(n => n.Network, ThaiText.NaturalComparer).ToList();

        var schoolResults = new List<SchoolSummaryDto>();
        if (networkId is not null)
        {
            var (lNow, lBefore) = (LevelDistribution.SchoolLevels(now), LevelDistribution.SchoolLevels(before));
            schoolResults = schools.Where(s => lNow.ContainsKey(s.Id)).Select(s =>
                {
                    var prev = lBefore.TryGetValue(s.Id, out var b) ? b : (SupervisionLevel?)null;
                    var mine = now.Where(v => v.SchoolId == s.Id).ToList();
                    return new SchoolSummaryDto(s.Code, s.Name, mine.Count, mine.Max(v => v.VisitedOn), lNow[s.Id], prev, TrendRules.Of(lNow[s.Id], prev));
                })
                .OrderBy(s => s.School, ThaiText.Comparer).ToList();
        }

        var overdue = await db.SupervisionVisits.AsNoTracking()
            .Where(v => v.AreaId == area.Id && v.FollowUpStatus == FollowUpStatus.Open && v.FollowUpDue < today && (networkId == null || v.School!.NetworkId == networkId))
            .OrderBy(v => v.FollowUpDue).ThenBy(v => v.School!.Name)
            .Select(v => new { v.Id, v.School!.Code, v.School.Name, v.VisitedOn, v.Topic, v.SupervisorName, Due = v.FollowUpDue!.Value })
            .ToListAsync(ct);

        return Outcome<SupervisionSummaryDto>.Ok(new SupervisionSummaryDto(
            period.AcademicYear, period.Semester, period.Label, period.Previous.Label, networkId, networkName,
            schools.Count, dNow.Schools, dNow.Visits, levels, dNow.VeryGoodOrBetterPercent, dBefore.Schools > 0 ? dBefore.VeryGoodOrBetterPercent : null,
            networks, schoolResults,
            overdue.Select(o => new OverdueDto(o.Id, o.Code, o.Name, o.VisitedOn, o.Topic, o.SupervisorName, o.Due, today.DayNumber - o.Due.DayNumber)).ToList()));
    }

    private static Task<List<VisitFact>> FactsAsync(AppDbContext db, Guid areaId, SupervisionPeriod period, Guid? networkId, CancellationToken ct) =>
        db.SupervisionVisits.AsNoTracking()
            .Where(v => v.AreaId == areaId && v.AcademicYear == period.AcademicYear && (period.Semester == null || v.Semester == period.Semester)
                && (networkId == null || v.School!.NetworkId == networkId))
            .Select(v => new VisitFact(v.SchoolId, v.School!.NetworkId, v.VisitedOn, v.Level)).ToListAsync(ct);

    /// <summary>The summary as a report: seed 003's lines, the level table with the trend, networks or schools, overdue follow-ups.</summary>
    public static async Task<Report> ToReportAsync(HttpContext http, Area area, SupervisionSummaryDto s)
    {
        var report = await ReportResults.StartAsync(http, T.Summary, area, $"supervision-summary-{area.Code}-{s.AcademicYear}{(s.Semester is { } x ? $"-{x}" : "")}", http.RequestAborted);
        var blocks = new List<ReportBlock>
        {
            new HeadingBlock($"๑. ผลการนิเทศ{(s.Network is { } n ? n : "ภาพรวมเขตพื้นที่การศึกษา")}"),
            new ParagraphBlock($"สถานศึกษาได้รับการนิเทศ จำนวน {s.Visited:#,0} โรง จากทั้งหมด {s.Schools:#,0} โรง (การนิเทศ {s.Visits:#,0} ครั้ง) ดังนี้", Indent: true),
        };
        blocks.AddRange(s.Levels.Where(l => l.Schools > 0).Select(l => new ParagraphBlock($"ระดับ{l.Label} จำนวน {l.Schools:#,0} โรงเรียน คิดเป็นร้อยละ {l.Percent:0.00}", Indent: true)));
        blocks.Add(new TableBlock(new ReportTable($"ตารางที่ ๑ ผลการนิเทศรายระดับ {s.Period} เทียบกับ{s.PreviousPeriod}",
            [
                new("ระดับคุณภาพ", CellKind.Text, 18), new("จำนวน (โรง)", CellKind.Number, 12), new("ร้อยละ", CellKind.Decimal, 12),
                new($"{s.PreviousPeriod} (โรง)", CellKind.Number, 16), new($"ร้อยละ {s.PreviousPeriod}", CellKind.Decimal, 16), new("เปลี่ยนแปลง (จุดร้อยละ)", CellKind.Decimal, 16),
            ],
            s.Levels.Select(l => new ReportRow([l.Label, l.Schools, l.Percent, l.PreviousSchools, l.PreviousPercent, l.Change])).ToList())
        {
            Total = new ReportRow(["รวม", s.Visited, s.Visited > 0 ? 100m : 0m, s.PreviousVeryGoodOrBetterPercent is null ? null : s.Levels.Sum(l => l.PreviousSchools), s.PreviousVeryGoodOrBetterPercent is null ? null : 100m, null]),
        }));
        blocks.Add(new ParagraphBlock(s.PreviousVeryGoodOrBetterPercent is { } p
            ? $"สถานศึกษาที่มีผลการนิเทศระดับดีมากขึ้นไป ร้อยละ {s.VeryGoodOrBetterPercent:0.00} {(s.VeryGoodOrBetterPercent > p ? "เพิ่มขึ้น" : s.VeryGoodOrBetterPercent < p ? "ลดลง" : "เท่ากับ")}จาก{s.PreviousPeriod} (ร้อยละ {p:0.00})"
            : $"สถานศึกษาที่มีผลการนิเทศระดับดีมากขึ้นไป ร้อยละ {s.VeryGoodOrBetterPercent:0.00} ({s.PreviousPeriod}ยังไม่มีผลการนิเทศ)", Indent: true));

        if (s.Network is null)
        {
            blocks.Add(new HeadingBlock("๒. ผลการนิเทศรายกลุ่มเครือข่าย"));
            blocks.Add(new TableBlock(new ReportTable("ตารางที่ ๒ ผลการนิเทศรายกลุ่มเครือข่าย (จำนวนโรงเรียนตามระดับ)",
                [
                    new("กลุ่มเครือข่าย", CellKind.Text, 32, Wrap: true), new("โรงเรียน", CellKind.Number, 10), new("นิเทศแล้ว", CellKind.Number, 10),
                    .. T.LevelsBestFirst.Select(l => new ReportColumn(T.Label(l), CellKind.Number, 9)),
                    new("ร้อยละดีมากขึ้นไป", CellKind.Decimal, 13), new($"ร้อยละ {s.PreviousPeriod}", CellKind.Decimal, 14), new("เปลี่ยนแปลง", CellKind.Decimal, 12),
                ],
                s.Networks.Select(n => new ReportRow([n.Network, n.Schools, n.Visited, .. n.Levels.Select(l => (object?)l.Schools),
                    n.Visited > 0 ? n.VeryGoodOrBetterPercent : null, n.PreviousVeryGoodOrBetterPercent, n.Change])).ToList())));
        }
        else
        {
            blocks.Add(new HeadingBlock("๒. ผลการนิเทศรายสถานศึกษา"));
            blocks.Add(new TableBlock(new ReportTable($"ตารางที่ ๒ ผลการนิเทศรายสถานศึกษา {s.Network}",
                [
                    new("รหัส", CellKind.Text, 14), new("สถานศึกษา", CellKind.Text, 34, Wrap: true), new("ครั้ง", CellKind.Number, 8),
                    new("นิเทศล่าสุด", CellKind.Date, 14), new("ผลการนิเทศ", CellKind.Text, 12), new(s.PreviousPeriod, CellKind.Text, 16), new("แนวโน้ม", CellKind.Text, 16),
                ],
                s.SchoolResults.Select(r => new ReportRow([r.Code, r.School, r.Visits, r.LastVisit, T.Label(r.Level),
                    r.PreviousLevel is { } pl ? T.Label(pl) : "-", TrendRules.Label(r.Trend)])).ToList())));
        }

        blocks.Add(new HeadingBlock($"๓. {T.Overdue}"));
        blocks.Add(s.Overdue.Count == 0
            ? new ParagraphBlock("ไม่มีการติดตามผลที่เลยกำหนด", Indent: true)
            : new TableBlock(new ReportTable($"ตารางที่ ๓ {T.Overdue}",
                [
                    new("สถานศึกษา", CellKind.Text, 30, Wrap: true), new("วันที่นิเทศ", CellKind.Date, 14), new("ประเด็นการนิเทศ", CellKind.Text, 30, Wrap: true),
                    new("ศึกษานิเทศก์", CellKind.Text, 22, Wrap: true), new("กำหนดติดตาม", CellKind.Date, 14), new("เลยกำหนด (วัน)", CellKind.Number, 12),
                ],
                s.Overdue.Select(o => new ReportRow([o.School, o.VisitedOn, o.Topic, o.Supervisor, o.FollowUpDue, o.DaysOverdue])).ToList())));
        return report with
        {
            Subtitles = [s.Period, .. s.Network is { } nn ? [nn] : Array.Empty<string>()],
            Orientation = PageOrientation.Landscape,
            Blocks = blocks,
        };
    }
}
