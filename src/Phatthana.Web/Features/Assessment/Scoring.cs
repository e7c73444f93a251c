namespace Phatthana.Web.Features.Assessment;

/// <summary>An item's answer as the rule sees it (an item never answered counts as not done, no evidence).</summary>
public sealed record ItemAnswer(bool Done, EvidenceClarity Evidence, bool ResultsUsed);

/// <summary>An indicator's computed level, the highest it could reach, and why, in Thai.</summary>
public sealed record LevelResult(int Level, int MaxLevel, string Reason);

/// <summary>
/// The indicator's level by its rule (API.md), never typed by anyone:
/// Count — the highest level whose minClear is reached by the items with Clear or ClearAndVerified evidence;
/// Rubric — 0 unless every item is done; then 4 when every item is ClearAndVerified and results were used to improve on
/// every item, 3 when at least one item is Clear or better, 2 when every item is Unclear, 1 otherwise.
/// </summary>
public static class Scoring
{
    public static bool IsClear(EvidenceClarity e) => e is EvidenceClarity.Clear or EvidenceClarity.ClearAndVerified;

    public static int MaxLevel(ScoringRule rule) => rule.Kind == ScoringRule.RubricKind ? 4 : rule.Levels?.Max(l => l.Level) ?? 0;

    public static LevelResult Compute(IndicatorDef indicator, IReadOnlyDictionary<int, ItemAnswer> answers)
    {
        var items = indicator.Items.Select(i => answers.GetValueOrDefault(i.Number) ?? new ItemAnswer(false, EvidenceClarity.None, false)).ToList();
        var total = items.Count;
        var clear = items.Count(a => IsClear(a.Evidence));
        if (indicator.Rule.Kind == ScoringRule.RubricKind)
        {
            var done = items.Count(a => a.Done);
            if (total == 0 || done < total) return new(0, 4, $"ดำเนินการ {done} จาก {total} ข้อ (ยังไม่ครบทุกข้อ) → ระดับ 0");
            if (items.All(a => a.Evidence == EvidenceClarity.ClearAndVerified && a.ResultsUsed))
                return new(4, 4, $"ดำเนินการครบ {total} ข้อ หลักฐานชัดเจนและตรวจสอบได้ทุกข้อ และนำผลไปใช้ปรับปรุงทุกข้อ → ระดับ 4");
            if (clear > 0) return new(3, 4, $"ดำเนินการครบ {total} ข้อ หลักฐานชัดเจน {clear} จาก {total} ข้อ → ระดับ 3");
            if (items.All(a => a.Evidence == EvidenceClarity.Unclear)) return new(2, 4, $"ดำเนินการครบ {total} ข้อ หลักฐานไม่ชัดเจนทุกข้อ → ระดับ 2");
            return new(1, 4, $"ดำเนินการครบ {total} ข้อ แต่บางข้อไม่มีหลักฐาน → ระดับ 1");
        }
        var levels = (indicator.Rule.Levels ?? []).OrderByDescending(l => l.Level).ToList();
        var max = levels.Count == 0 ? 0 : levels[0].Level;
        var reached = levels.FirstOrDefault(l => clear >= l.MinClear);
        var level = reached?.Level ?? 0;
        return new(level, max, $"ชัดเจน {clear} จาก {total} ข้อ → ระดับ {level}");
    }
}
