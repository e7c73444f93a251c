using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment;

/// <summary>A framework as the API takes and gives it (API.md): {code, name, standards: [{number, name, indicators: [{number, name, rule, items}]}]}.</summary>
public sealed record FrameworkInput(string? Code, string? Name, List<StandardInput?>? Standards, int? Revision = null);

public sealed record StandardInput(int? Number, string? Name, List<IndicatorInput?>? Indicators);

public sealed record IndicatorInput(int? Number, string? Name, RuleInput? Rule, List<ItemInput?>? Items, List<LevelDescriptionInput?>? LevelDescriptions = null);

public sealed record RuleInput(string? Kind, List<CountLevelInput?>? Levels);

public sealed record CountLevelInput(int? Level, int? MinClear);

public sealed record ItemInput(int? Number, string? Text);

public sealed record LevelDescriptionInput(int? Level, string? Text);

/// <summary>
/// Reads a framework document, checking everything before anything is kept: numbers present, positive and unique at
/// each level, texts within their lengths, a rule of a known kind, and for a count rule levels that are unique, with
/// minClear never above the indicator's item count and strictly rising with the level (a higher level never asks for
/// fewer clear items). Errors name the path, e.g. "standards[0].indicators[1].rule.levels[2].minClear".
/// </summary>
public static class FrameworkDocument
{
    public const int MaxItems = 100;
    /// <summary>Framework names quote whole strategies (seed 000's runs past 200 characters).</summary>
    public const int NameLength = 500;

    public static Outcome<(string Code, string Name, FrameworkDefinition Definition)> Read(FrameworkInput? input)
    {
        var checks = new Checks();
        if (input is null) return Outcome<(string, string, FrameworkDefinition)>.Invalid([new("", "กรุณาส่งกรอบการประเมินในรูปแบบ JSON")]);
        checks.Code(input.Code, "code", "รหัสกรอบการประเมิน", DataSchema.CodeLength * 2)
            .Text(input.Name, "name", "ชื่อกรอบการประเมิน", NameLength);
        var standards = new List<StandardDef>();
        if (input.Standards is not { Count: > 0 }) checks.Add("standards", "กรอบการประเมินต้องมีอย่างน้อยหนึ่งมาตรฐาน");
        var standardNumbers = new HashSet<int>();
        foreach (var (s, si) in (input.Standards ?? []).Select((s, i) => (s, i)))
        {
            var sp = $"standards[{si}]";
            if (s is null) { checks.Add(sp, "มาตรฐานว่าง"); continue; }
            Number(checks, s.Number, sp + ".number", "ลำดับมาตรฐาน", standardNumbers);
            checks.Text(s.Name, sp + ".name", "ชื่อมาตรฐาน", DataSchema.NameLength);
            if (s.Indicators is not { Count: > 0 }) checks.Add(sp + ".indicators", "มาตรฐานต้องมีอย่างน้อยหนึ่งตัวชี้วัด");
            var indicatorNumbers = new HashSet<int>();
            var indicators = new List<IndicatorDef>();
            foreach (var (ind, ii) in (s.Indicators ?? []).Select((x, i) => (x, i)))
            {
                var ip = $"{sp}.indicators[{ii}]";
                if (ind is null) { checks.Add(ip, "ตัวชี้วัดว่าง"); continue; }
                Number(checks, ind.Number, ip + ".number", "ลำดับตัวชี้วัด", indicatorNumbers);
                checks.Text(ind.Name, ip + ".name", "ชื่อตัวชี้วัด", DataSchema.TextLength);
                var items = Items(checks, ind.Items, ip);
                var rule = Rule(checks, ind.Rule, ip + ".rule", items.Count);
                var descriptions = new List<LevelDescription>();
                foreach (var (d, di) in (ind.LevelDescriptions ?? []).Select((d, i) => (d, i)))
                {
                    var dp = $"{ip}.levelDescriptions[{di}]";
                    if (d?.Level is not { } level || level < 0 || level > 10) { checks.Add(dp + ".level", "ระดับของคำอธิบายต้องอยู่ระหว่าง 0 ถึง 10"); continue; }
                    checks.Text(d.Text, dp + ".text", "คำอธิบายระดับคุณภาพ", DataSchema.TextLength);
                    if (Checks.Clean(d.Text) is { } text) descriptions.Add(new(level, text));
                }
                if (rule is not null && ind.Number is { } n && Checks.Clean(ind.Name) is { } name)
                    indicators.Add(new IndicatorDef(n, name, rule, items, descriptions.Count > 0 ? descriptions.OrderByDescending(d => d.Level).ToList() : null));
            }
            if (s.Number is { } sn && Checks.Clean(s.Name) is { } sname) standards.Add(new StandardDef(sn, sname, indicators));
        }
        if (checks.Errors.Count > 0) return Outcome<(string, string, FrameworkDefinition)>.Invalid([.. checks.Errors]);
        return Outcome<(string, string, FrameworkDefinition)>.Ok((Checks.Clean(input.Code)!, Checks.Clean(input.Name)!, new FrameworkDefinition(standards)));
    }

    /// <summary>The framework in the shape it is imported in (so an export imports again unchanged).</summary>
    public static FrameworkInput Export(Framework f) => new(f.Code, f.Name,
        f.Definition.Standards.Select(s => (StandardInput?)new StandardInput(s.Number, s.Name,
            s.Indicators.Select(i => (IndicatorInput?)new IndicatorInput(i.Number, i.Name,
                new RuleInput(i.Rule.Kind, i.Rule.Levels?.Select(l => (CountLevelInput?)new CountLevelInput(l.Level, l.MinClear)).ToList()),
                i.Items.Select(x => (ItemInput?)new ItemInput(x.Number, x.Text)).ToList(),
                i.LevelDescriptions?.Select(d => (LevelDescriptionInput?)new LevelDescriptionInput(d.Level, d.Text)).ToList())).ToList())).ToList(),
        f.Revision);

    private static void Number(Checks checks, int? number, string field, string label, HashSet<int> seen)
    {
        if (number is not { } n) checks.Add(field, $"กรุณาระบุ{label}");
        else if (n is < 1 or > 999) checks.Add(field, $"{label}ต้องอยู่ระหว่าง 1 ถึง 999");
        else if (!seen.Add(n)) checks.Add(field, $"{label} {n} ซ้ำกัน");
    }

    private static List<ItemDef> Items(Checks checks, List<ItemInput?>? input, string path)
    {
        var items = new List<ItemDef>();
        if (input is not { Count: > 0 }) checks.Add(path + ".items", "ตัวชี้วัดต้องมีประเด็นการพิจารณาอย่างน้อยหนึ่งข้อ");
        else if (input.Count > MaxItems) checks.Add(path + ".items", $"ตัวชี้วัดหนึ่งมีประเด็นการพิจารณาได้ไม่เกิน {MaxItems} ข้อ");
        var seen = new HashSet<int>();
        foreach (var (item, i) in (input ?? []).Select((x, i) => (x, i)))
        {
            var p = $"{path}.items[{i}]";
            if (item is null) { checks.Add(p, "ประเด็นการพิจารณาว่าง"); continue; }
            Number(checks, item.Number, p + ".number", "ลำดับประเด็นการพิจารณา", seen);
            checks.Text(item.Text, p + ".text", "ข้อความประเด็นการพิจารณา", DataSchema.TextLength);
            if (item.Number is { } n && Checks.Clean(item.Text) is { } text) items.Add(new ItemDef(n, text));
        }
        return items;
    }

    private static ScoringRule? Rule(Checks checks, RuleInput? rule, string path, int itemCount)
    {
        if (rule is null) { checks.Add(path, "กรุณาระบุเกณฑ์การให้ระดับ (kind: Count หรือ Rubric)"); return null; }
        var kind = Checks.Clean(rule.Kind);
        if (string.Equals(kind, ScoringRule.RubricKind, StringComparison.OrdinalIgnoreCase)) return new ScoringRule(ScoringRule.RubricKind);
        if (!string.Equals(kind, ScoringRule.CountKind, StringComparison.OrdinalIgnoreCase))
        {
            checks.Add(path + ".kind", $"ไม่รู้จักเกณฑ์ \"{kind}\" — ใช้ได้: Count (นับข้อที่มีหลักฐานชัดเจน) หรือ Rubric");
            return null;
        }
        if (rule.Levels is not { Count: > 0 }) { checks.Add(path + ".levels", "เกณฑ์แบบนับข้อต้องระบุระดับอย่างน้อยหนึ่งระดับ"); return null; }
        var levels = new List<CountLevel>();
        var seen = new HashSet<int>();
        var before = checks.Errors.Count;
        foreach (var (l, i) in rule.Levels.Select((l, i) => (l, i)))
        {
            var p = $"{path}.levels[{i}]";
            if (l?.Level is not { } level || level is < 0 or > 10) { checks.Add(p + ".level", "ระดับต้องอยู่ระหว่าง 0 ถึง 10"); continue; }
            if (!seen.Add(level)) { checks.Add(p + ".level", $"ระดับ {level} ซ้ำกัน"); continue; }
            if (l.MinClear is not { } min || min < 0) { checks.Add(p + ".minClear", "จำนวนข้อที่มีหลักฐานชัดเจนต้องไม่ติดลบ"); continue; }
            if (min > itemCount) { checks.Add(p + ".minClear", $"ระดับ {level} ต้องการหลักฐานชัดเจน {min} ข้อ แต่ตัวชี้วัดมีเพียง {itemCount} ข้อ"); continue; }
            levels.Add(new CountLevel(level, min));
        }
        if (checks.Errors.Count > before) return null;
        var ordered = levels.OrderBy(l => l.Level).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].MinClear <= ordered[i - 1].MinClear)
            {
                checks.Add(path + ".levels", $"เกณฑ์ไม่เรียงลำดับ: ระดับ {ordered[i].Level} ต้องการหลักฐานชัดเจน {ordered[i].MinClear} ข้อ ซึ่งไม่มากกว่าระดับ {ordered[i - 1].Level} ({ordered[i - 1].MinClear} ข้อ)");
                return null;
            }
        return new ScoringRule(ScoringRule.CountKind, ordered.OrderByDescending(l => l.Level).ToList());
    }
}
