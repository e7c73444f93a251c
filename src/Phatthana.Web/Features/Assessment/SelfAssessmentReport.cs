using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Assessment;

/// <summary>
/// รายงานการประเมินตนเอง (SAR) of a round, declared once from the round's one read model (<see cref="RoundView"/>) and
/// served as a page, .docx (to edit before signing), .pdf and .xlsx: a cover summary (the round, its framework and
/// revision, period, status; each indicator's level with the rule's reason against the previous round and the assessor;
/// a chart of the levels), then per standard and indicator the offices' table (<see cref="SarIndicatorTable"/>), and the
/// signature lines. Printed landscape, as the offices print their four-column tables.
/// </summary>
public static class SelfAssessmentReport
{
    public const string Title = "รายงานการประเมินตนเอง (Self-Assessment Report: SAR)";

    public static async Task<Report> BuildAsync(HttpContext http, AppDbContext db, EvidenceStore store, AssessmentRound round, CancellationToken ct = default)
    {
        var view = await RoundView.BuildAsync(db, round, ct);
        var framework = round.Framework ?? await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == round.FrameworkId, ct);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == round.AreaId, ct);
        // Linked reports print their figures: frozen at submission, or today's while the round is open.
        var linked = view.Indicators.SelectMany(i => i.Items).SelectMany(i => i.Documents).Where(d => d.Kind == EvidenceKind.Report).Select(d => d.Id).ToHashSet();
        var figures = new Dictionary<Guid, EvidenceFigures>();
        foreach (var evidence in await db.Evidence.AsNoTracking().Where(e => e.RoundId == round.Id && e.Kind == EvidenceKind.Report).ToListAsync(ct))
            if (linked.Contains(evidence.Id) && (await store.FiguresAsync(round, evidence, ct)).Figures is { } f)
                figures[evidence.Id] = f;
        var start = await ReportResults.StartAsync(http, Title, area, FileStem(area.Code, round), ct);
        return Compose(start, view, framework.Definition, area.Name, figures);
    }

    /// <summary>"sar-PBI1-ครั้งที่-1-2569": the area and the round's name as letters and digits (its id when it has none).</summary>
    public static string FileStem(string areaCode, AssessmentRound round)
    {
        var slug = new StringBuilder();
        foreach (var c in round.Name)
        {
            // Thai vowel and tone marks are marks, not letters: keep them with their consonant.
            var keep = char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (keep) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var name = slug.ToString().Trim('-');
        if (name.Length > 60) name = name[..60].TrimEnd('-');
        return $"sar-{areaCode}-{(name.Length > 0 ? name : round.Id.ToString("N"))}";
    }

    public static Report Compose(Report start, RoundDto round, FrameworkDefinition framework, string areaName, IReadOnlyDictionary<Guid, EvidenceFigures> figures)
    {
        var blocks = new List<ReportBlock>
        {
            new HeadingBlock("สรุปผลการประเมินตนเอง"),
            new ParagraphBlock(Scope(round, framework), Indent: true),
            new TableBlock(Summary(round, start.ThaiDigits)),
        };
        if (round.Indicators.Count > 0) blocks.Add(new ChartBlock(Chart(round), 0.6f));
        foreach (var standard in round.Indicators.GroupBy(i => (i.Standard, i.StandardName)))
        {
            blocks.Add(new HeadingBlock($"มาตรฐานที่ {standard.Key.Standard} {standard.Key.StandardName}"));
            foreach (var indicator in standard)
            {
                if (framework.Find(indicator.Key) is not { } found) continue;
                blocks.Add(new HeadingBlock($"ตัวบ่งชี้ที่ {indicator.Key} {indicator.Name}", 2));
                blocks.Add(new TableBlock(SarIndicatorTable.Build(indicator, found.Indicator, round.PreviousRound, figures, start.ThaiDigits)));
            }
        }
        blocks.Add(new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองรายงาน", Position: "ผู้อำนวยการ" + areaName)]));
        return start with { Subtitles = Subtitles(round), Orientation = PageOrientation.Landscape, Blocks = blocks };
    }

    private static IReadOnlyList<string> Subtitles(RoundDto round)
    {
        var status = $"สถานะ: {AssessmentText.Label(round.Status)}";
        if (round.SubmittedAt is { } at) status += $" เมื่อ {ThaiDate.ShortDateTime(at)}" + (round.SubmittedBy is { } by ? $" โดย {by}" : "");
        else if (round.ReopenReason is { } reason) status += $" — เปิดแก้ไขอีกครั้ง: {reason}";
        return
        [
            round.Name,
            $"{round.FrameworkName} (รหัส {round.Framework} ฉบับที่ {round.FrameworkRevision})",
            $"ระยะเวลา {ThaiDate.Long(round.StartDate)} – {ThaiDate.Long(round.EndDate)}",
            status,
        ];
    }

    /// <summary>What the round covers; a round that covers only some indicators (seed 001) says which.</summary>
    private static string Scope(RoundDto round, FrameworkDefinition framework)
    {
        var all = framework.Indicators().Count();
        var standards = round.Indicators.Select(i => i.Standard).Distinct().Count();
        var text = $"รอบการประเมินนี้ประเมิน {round.Indicators.Count} ตัวบ่งชี้ใน {standards} มาตรฐาน";
        if (round.Indicators.Count < all) text += $" (เฉพาะตัวบ่งชี้ {string.Join(", ", round.Indicators.Select(i => i.Key))} จากทั้งหมด {all} ตัวบ่งชี้ของกรอบการประเมิน)";
        return text + " ระดับคุณภาพของแต่ละตัวบ่งชี้คำนวณจากการดำเนินการและความชัดเจนของร่องรอยหลักฐานตามเกณฑ์ของกรอบการประเมิน มิได้กำหนดเอง";
    }

    /// <summary>Each standard's indicators with the level, the rule's reason, the previous round's level and the assessor's, when there are any.</summary>
    private static ReportTable Summary(RoundDto round, bool thaiDigits)
    {
        string D(string text) => thaiDigits ? ThaiNumber.ToThaiDigits(text) : text;
        var previous = round.PreviousRound is not null;
        var agreed = round.Indicators.Any(i => i.AgreedLevel is not null);
        var columns = new List<ReportColumn>
        {
            new("ตัวบ่งชี้", CellKind.Text, 52, true), new("ระดับที่ได้", CellKind.Number, 11), new("ระดับสูงสุด", CellKind.Number, 11),
            new("เหตุผลตามเกณฑ์", CellKind.Text, 46, true),
        };
        if (previous) columns.AddRange([new($"รอบก่อน ({round.PreviousRound})", CellKind.Number, 16, true), new("เทียบรอบก่อน", CellKind.Text, 13)]);
        if (agreed) columns.Add(new("ผู้ประเมินเห็นชอบ", CellKind.Number, 16, true));
        var rows = new List<ReportRow>();
        foreach (var standard in round.Indicators.GroupBy(i => (i.Standard, i.StandardName)))
        {
            rows.Add(new ReportRow([new ReportCell([new CellParagraph(D($"มาตรฐานที่ {standard.Key.Standard} {standard.Key.StandardName}"), true)]) { Span = columns.Count }]) { KeepWithNext = true });
            foreach (var i in standard)
            {
                var values = new List<object?> { D($"{i.Key} {i.Name}"), i.Level, i.MaxLevel, D(i.LevelReason) };
                if (previous) values.AddRange(i.PreviousLevel is { } p ? new object?[] { p, SarIndicatorTable.Trend(i.Level, p) } : ["—", "—"]);
                if (agreed) values.Add(i.AgreedLevel is { } a ? a : (object)"—");
                rows.Add(new ReportRow(values));
            }
        }
        return new ReportTable("สรุประดับคุณภาพรายตัวบ่งชี้", columns, rows);
    }

    private static ChartSpec Chart(RoundDto round)
    {
        var series = new List<ChartSeries> { new("ระดับของสำนักงาน", round.Indicators.Select(i => (double)i.Level).ToList(), "#1f5f8b") };
        if (round.Indicators.Any(i => i.PreviousLevel is not null))
            series.Add(new("รอบก่อน", round.Indicators.Select(i => (double)(i.PreviousLevel ?? 0)).ToList(), "#9aa5b1"));
        if (round.Indicators.Any(i => i.AgreedLevel is not null))
            series.Add(new("ผู้ประเมินเห็นชอบ", round.Indicators.Select(i => (double)(i.AgreedLevel ?? 0)).ToList(), "#3a9d5d"));
        // Designed small (600 × 220) so its labels print legibly at the width it is given; categories are the keys ("1.2").
        return new ChartSpec(ChartKind.Bar, "ระดับคุณภาพรายตัวบ่งชี้", round.Indicators.Select(i => i.Key).ToList(), series)
        {
            ValueAxis = "ระดับคุณภาพ", ValueMax = round.Indicators.Max(i => i.MaxLevel), Width = 600, Height = 220,
        };
    }
}
