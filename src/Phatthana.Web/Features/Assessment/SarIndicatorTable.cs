using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Assessment;

/// <summary>
/// One indicator of the SAR laid out as the offices' own Word tables (seed 003: ระดับคุณภาพ | คำอธิบายระดับคุณภาพ |
/// วิธีการดำเนินงาน / ผลการดำเนินงาน / ความเห็นและข้อเสนอแนะ | เอกสาร/หลักฐานอ้างอิง): the quality levels, highest first,
/// with the one reached marked; the level the rule gives and why; then each consideration item with its answer, its
/// narrative and the evidence backing it; and the assessor's comment. The office's own words are printed as typed.
/// </summary>
public static class SarIndicatorTable
{
    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("ระดับคุณภาพ", CellKind.Text, 16),
        new("คำอธิบายระดับคุณภาพ", CellKind.Text, 35, true),
        new("วิธีการดำเนินงาน / ผลการดำเนินงาน / ความเห็นและข้อเสนอแนะ", CellKind.Text, 60, true),
        new("เอกสาร/หลักฐานอ้างอิง", CellKind.Text, 35, true),
    ];

    public const string NotRecorded = "ยังไม่ได้บันทึก";
    public const string NoEvidence = "ยังไม่มีหลักฐาน";

    /// <summary>The headlines a linked report shows in print: each report lists its main figures first.</summary>
    private const int KeyFigures = 4;

    public static ReportTable Build(IndicatorDto indicator, IndicatorDef definition, string? previousRound,
        IReadOnlyDictionary<Guid, EvidenceFigures> figures, bool thaiDigits)
    {
        string D(string text) => thaiDigits ? ThaiNumber.ToThaiDigits(text) : text;
        var rows = new List<ReportRow>();
        foreach (var (level, text) in Scale(definition))
        {
            var reached = level == indicator.Level;
            rows.Add(new ReportRow([Cell(D(reached ? $"■ {level}" : $"{level}"), reached), Cell(D(text), reached) with { Span = 3 }, null, null]) { KeepWithNext = true });
        }
        rows.Add(new ReportRow([Cell("ผลการประเมิน", true), new ReportCell(Result(indicator, previousRound).Select((p, i) => new CellParagraph(D(p), i == 0)).ToList()) { Span = 3 }, null, null]));
        foreach (var item in indicator.Items)
        {
            var answer = item.Done ? $"ดำเนินการแล้ว · {AssessmentText.Label(item.Evidence)}" : "ยังไม่ได้ดำเนินการ";
            rows.Add(new ReportRow([new ReportCell([new CellParagraph(D($"ประเด็นที่ {item.Number}"), true), new CellParagraph(item.Text), new CellParagraph(answer)]) { Span = 2 }, null,
                Narrative(item), Evidence(item.Documents, figures, D)]));
        }
        if (indicator.AssessorComment is { } comment)
            rows.Add(new ReportRow([Cell("ความเห็นและข้อเสนอแนะของผู้ประเมิน", true) with { Span = 2 }, null, ReportCell.Of(comment) with { Span = 2 }, null]));
        return new ReportTable($"ตัวบ่งชี้ที่ {indicator.Key} {indicator.Name}", Columns, rows) { ShowTitle = false };
    }

    private static ReportCell Cell(string text, bool bold) => new([new CellParagraph(text, bold)]);

    /// <summary>The level reached and the rule's reason, who answers for it, the previous round's level and the assessor's.</summary>
    private static IEnumerable<string> Result(IndicatorDto i, string? previousRound)
    {
        yield return $"ระดับที่ได้ {i.Level} จาก {i.MaxLevel}";
        yield return $"ตามเกณฑ์: {i.LevelReason}";
        if (previousRound is not null)
            yield return i.PreviousLevel is { } p ? $"รอบก่อน ({previousRound}): ระดับ {p} — {Trend(i.Level, p)}" : $"รอบก่อน ({previousRound}): ไม่ได้ประเมินตัวบ่งชี้นี้";
        if (i.AgreedLevel is { } agreed)
            yield return $"ผู้ประเมินเห็นชอบ: ระดับ {agreed}" + (i.AgreedReason is { } why ? $" — {why}" : "");
        var who = string.Join(" ", new[] { i.Division, i.ResponsiblePerson }.Where(x => !string.IsNullOrWhiteSpace(x)));
        if (who.Length > 0) yield return $"ผู้รับผิดชอบ: {who}";
    }

    /// <summary>"สูงขึ้น ↑", "ลดลง ↓" or "เท่าเดิม": this round's level against the previous one's.</summary>
    public static string Trend(int level, int previous) => level > previous ? "สูงขึ้น ↑" : level < previous ? "ลดลง ↓" : "เท่าเดิม";

    /// <summary>The seed's narrative sections that were written, each under its label.</summary>
    private static ReportCell Narrative(ItemDto item)
    {
        var sections = new (string Label, string? Text)[]
        {
            ("ผลการดำเนินงาน", item.Results), ("ปัจจัยความสำเร็จ / Best Practice", item.SuccessFactors), ("ปัญหา อุปสรรค", item.Problems),
            ("จุดที่ควรพัฒนา", item.Improvements), ("แนวทางการพัฒนา", item.Approach), ("การนำผลไปใช้ปรับปรุง", item.ResultsUsedToImprove),
        };
        var written = sections.Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .SelectMany(s => new[] { new CellParagraph(s.Label, true), new CellParagraph(s.Text!) }).ToList();
        return new ReportCell(written.Count > 0 ? written : [new CellParagraph(NotRecorded)]);
    }

    /// <summary>
    /// The item's evidence, numbered: a file by its name (and title when it differs); a linked report by its title, whether
    /// its figures are those frozen at submission or today's, and its key figures.
    /// </summary>
    private static ReportCell Evidence(IReadOnlyList<EvidenceDto> documents, IReadOnlyDictionary<Guid, EvidenceFigures> figures, Func<string, string> d)
    {
        if (documents.Count == 0) return ReportCell.Of(NoEvidence);
        var lines = new List<CellParagraph>();
        foreach (var (doc, n) in documents.Select((doc, i) => (doc, i + 1)))
        {
            if (doc.Kind == EvidenceKind.File)
            {
                var name = doc.FileName ?? doc.Title;
                lines.Add(new($"{d($"{n}.")} {(doc.Title == Path.GetFileNameWithoutExtension(name) ? name : $"{doc.Title} ({name})")}"));
                continue;
            }
            lines.Add(new($"{d($"{n}.")} {doc.Title} (รายงานจากระบบ)"));
            lines.Add(new(d(doc.Frozen && doc.SnapshotAt is { } at ? $"ข้อมูล ณ วันที่ส่ง {ThaiDate.ShortDateTime(at)}" : "ข้อมูลปัจจุบัน ณ วันที่พิมพ์ (คงไว้เมื่อส่งรอบการประเมิน)")));
            if (figures.GetValueOrDefault(doc.Id) is not { } f) continue;
            if (f.Problem is { } problem) lines.Add(new(problem));
            else if (f.Headlines.Count > 0)
                lines.Add(new(d(string.Join("; ", f.Headlines.Take(KeyFigures).Select(h =>
                    $"{h.Label} {(h.Decimals > 0 ? ThaiNumber.Format(h.Value, h.Decimals) : ThaiNumber.Format((long)h.Value))}")))));
        }
        return new ReportCell(lines);
    }

    /// <summary>
    /// The indicator's quality levels, highest first, each with its description: the framework's own wording where it has
    /// one, else what the rule means (count rule: how many items need clear evidence; rubric: the four steps of API.md).
    /// </summary>
    public static IEnumerable<(int Level, string Text)> Scale(IndicatorDef indicator)
    {
        var described = (indicator.LevelDescriptions ?? []).GroupBy(l => l.Level).ToDictionary(g => g.Key, g => g.First().Text);
        return Frameworks.FrameworksText.Explain(indicator).Select(r => (r.Level, described.GetValueOrDefault(r.Level) ?? r.Condition));
    }
}
