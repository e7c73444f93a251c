using System.Text.RegularExpressions;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>One level of an indicator's rule in words: what reaches it.</summary>
public sealed record RuleLine(int Level, string Condition);

/// <summary>Thai wording of the framework pages, kept together so a Thai reader can review it in one place.</summary>
public static partial class FrameworksText
{
    public const string Frameworks = "กรอบการประเมิน";
    public const string Code = "รหัสกรอบการประเมิน";
    public const string Name = "ชื่อกรอบการประเมิน";
    public const string Revision = "ฉบับที่";
    public const string Standard = "มาตรฐาน";
    public const string StandardNumber = "ลำดับมาตรฐาน";
    public const string StandardName = "ชื่อมาตรฐาน";
    public const string Indicator = "ตัวชี้วัด";
    public const string IndicatorNumber = "ลำดับตัวชี้วัด";
    public const string IndicatorName = "ชื่อตัวชี้วัด";
    public const string Items = "ประเด็นการพิจารณา";
    public const string ItemNumber = "ข้อที่";
    public const string ItemText = "ข้อความ";
    public const string Kind = "เกณฑ์การให้ระดับ";
    public const string Level = "ระดับ";
    public const string MinClear = "หลักฐานชัดเจนอย่างน้อย (ข้อ)";
    public const string LevelDescription = "คำอธิบายระดับคุณภาพ";
    public const string Condition = "ได้ระดับนี้เมื่อ";
    public const string Remove = "ลบ";
    public const string Shipped = "มากับระบบ";
    public const string AddedHere = "เพิ่มในระบบ";
    public const string New = "เพิ่มกรอบการประเมิน";
    public const string Copy = "สร้างกรอบใหม่จากกรอบนี้";
    public const string Import = "นำเข้า JSON";
    public const string Export = "ส่งออก JSON";
    public const string DuplicateCode = "มีกรอบการประเมินรหัสนี้แล้ว — เลือกรหัสอื่น หรือแก้ไขกรอบนั้นแทน";
    public const string BlankRowHint = "แถวว่างด้านล่างใช้เพิ่มรายการใหม่ (ต้องการมากกว่านี้ บันทึกแล้วเปิดแก้ไขอีกครั้ง จะมีแถวว่างเพิ่มให้) · เว้นว่างทั้งแถว หรือเลือก \"ลบ\" เพื่อตัดรายการนั้นออก";
    public const string LevelsHint = "เกณฑ์แบบนับข้อ: ได้ระดับใดเมื่อจำนวนข้อที่มีหลักฐานชัดเจนถึงค่าที่กำหนด และระดับที่สูงกว่าต้องการมากกว่า · "
        + "เกณฑ์แบบ Rubric คิดระดับ 0–4 เอง ใช้เฉพาะคำอธิบายระดับ";
    public const string ItemsHint = "เรียงตามเลขข้อ — เปลี่ยนเลขเพื่อจัดลำดับใหม่ · ข้อที่ไม่ใส่เลขจะได้เลขถัดจากข้อสุดท้าย";

    /// <summary>The notice every editing form shows before saving a framework that a round uses (decision 008).</summary>
    public static string InUseNotice(int revision, int rounds) =>
        $"กรอบนี้ใช้ในรอบการประเมินแล้ว ({rounds} รอบ) การบันทึกจะสร้างฉบับที่ {revision + 1} — รอบการประเมินที่เริ่มแล้วยังใช้ฉบับที่ {revision} เหมือนเดิม";

    public static string KindLabel(string kind) => kind switch
    {
        ScoringRule.CountKind => "นับข้อที่มีหลักฐานชัดเจน",
        ScoringRule.RubricKind => "ระดับคุณภาพ 4 ระดับ ตามการดำเนินการครบทุกข้อ ความชัดเจนของหลักฐาน และการนำผลไปใช้ปรับปรุง",
        _ => kind,
    };

    /// <summary>The kind in the editor's drop-down: short enough for a phone, with the code name the JSON uses.</summary>
    public static string KindOption(string kind) => kind switch
    {
        ScoringRule.CountKind => "นับข้อที่มีหลักฐานชัดเจน (Count)",
        ScoringRule.RubricKind => "ระดับคุณภาพ 4 ระดับ (Rubric)",
        _ => kind,
    };

    /// <summary>Each level the rule can give, highest first, with what reaches it (the same rule <see cref="Scoring"/> computes).</summary>
    public static IReadOnlyList<RuleLine> Explain(IndicatorDef indicator)
    {
        if (indicator.Rule.Kind == ScoringRule.RubricKind)
            return
            [
                new(4, "ดำเนินการครบทุกข้อ หลักฐานชัดเจนและตรวจสอบได้ทุกข้อ และนำผลไปใช้ปรับปรุงทุกข้อ"),
                new(3, "ดำเนินการครบทุกข้อ และมีหลักฐานชัดเจนอย่างน้อย 1 ข้อ"),
                new(2, "ดำเนินการครบทุกข้อ ทุกข้อมีหลักฐานแต่ไม่ชัดเจน"),
                new(1, "ดำเนินการครบทุกข้อ แต่บางข้อไม่มีหลักฐาน และไม่มีข้อใดหลักฐานชัดเจน"),
                new(0, "ยังดำเนินการไม่ครบทุกข้อ"),
            ];
        var total = indicator.Items.Count;
        var levels = (indicator.Rule.Levels ?? []).OrderByDescending(l => l.Level).ToList();
        var lines = new List<RuleLine>();
        for (var i = 0; i < levels.Count; i++)
        {
            // A level covers from its minimum up to one below the next higher level's (the top level: up to every item).
            var (from, to) = (levels[i].MinClear, i == 0 ? total : levels[i - 1].MinClear - 1);
            lines.Add(new(levels[i].Level, (from, to) switch
            {
                (0, 0) => "ไม่มีข้อใดมีหลักฐานชัดเจน",
                _ when from == to => from == total ? $"หลักฐานชัดเจนครบทั้ง {total} ข้อ" : $"หลักฐานชัดเจน {from} ข้อ",
                (0, _) => $"หลักฐานชัดเจนน้อยกว่า {to + 1} ข้อ",
                _ when to == total => $"หลักฐานชัดเจน {from} ข้อขึ้นไป",
                _ => $"หลักฐานชัดเจน {from}–{to} ข้อ",
            }));
        }
        if (levels.Count > 0 && levels[^1].MinClear > 0) lines.Add(new(0, $"หลักฐานชัดเจนน้อยกว่า {levels[^1].MinClear} ข้อ"));
        return lines;
    }

    /// <summary>One line for a list: "หลักฐานชัดเจน ≥ 6 ข้อ → ระดับ 5, ≥ 5 → 4, …, น้อยกว่า 3 → 1".</summary>
    public static string Summary(ScoringRule rule)
    {
        if (rule.Kind == ScoringRule.RubricKind) return "ระดับ 0–4 ตามการดำเนินการครบทุกข้อ ความชัดเจนของหลักฐาน และการนำผลไปใช้ปรับปรุง";
        var levels = (rule.Levels ?? []).OrderByDescending(l => l.Level).ToList();
        var parts = levels.Select((l, i) => i == 0 ? $"หลักฐานชัดเจน ≥ {l.MinClear} ข้อ → ระดับ {l.Level}"
            : l.MinClear == 0 ? $"น้อยกว่า {levels[i - 1].MinClear} → {l.Level}" : $"≥ {l.MinClear} → {l.Level}").ToList();
        if (levels.Count > 0 && levels[^1].MinClear > 0) parts.Add($"น้อยกว่า {levels[^1].MinClear} → 0");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// Where in a document an error is, in Thai: "standards[0].indicators[1].rule.levels[2].minClear" →
    /// "มาตรฐานที่ 1 › ตัวชี้วัดที่ 1.2 › เกณฑ์การให้ระดับ › แถวที่ 3 › จำนวนข้อที่หลักฐานชัดเจน" (numbers from the document when it has them).
    /// </summary>
    public static string Where(string path, FrameworkInput? document)
    {
        var parts = new List<string>();
        StandardInput? standard = null;
        IndicatorInput? indicator = null;
        foreach (Match m in Segment().Matches(path))
        {
            var name = m.Groups["name"].Value;
            int? i = m.Groups["i"].Success ? int.Parse(m.Groups["i"].Value) : null;
            parts.Add((name, i) switch
            {
                ("standards", { } k) => (standard = document?.Standards?.ElementAtOrDefault(k)) is { Number: { } n } ? $"มาตรฐานที่ {n}" : $"มาตรฐานลำดับที่ {k + 1}",
                ("indicators", { } k) => (indicator = standard?.Indicators?.ElementAtOrDefault(k)) is { Number: { } n } && standard?.Number is { } sn
                    ? $"ตัวชี้วัดที่ {sn}.{n}" : $"ตัวชี้วัดลำดับที่ {k + 1}",
                ("items", { } k) => indicator?.Items?.ElementAtOrDefault(k) is { Number: { } n } ? $"ประเด็นข้อ {n}" : $"ประเด็นลำดับที่ {k + 1}",
                ("levels", { } k) => $"แถวที่ {k + 1}",
                ("levelDescriptions", { } k) => $"คำอธิบายระดับแถวที่ {k + 1}",
                (_, { } k) => $"{Field(name)} ลำดับที่ {k + 1}",
                _ => Field(name),
            });
        }
        return string.Join(" › ", parts);
    }

    private static string Field(string name) => name switch
    {
        "code" => "รหัส", "name" => "ชื่อ", "number" => "ลำดับ", "text" => "ข้อความ", "rule" => Kind, "kind" => "ชนิดของเกณฑ์",
        "levels" => "ระดับ", "level" => "ระดับ", "minClear" => "จำนวนข้อที่หลักฐานชัดเจน", "items" => Items, "indicators" => Indicator,
        "standards" => Standard, "levelDescriptions" => LevelDescription, _ => name,
    };

    [GeneratedRegex(@"(?<name>[A-Za-z]+)(\[(?<i>\d+)\])?")]
    private static partial Regex Segment();
}
