using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development;

/// <summary>A need as checked: a topic of the catalogue, its priority, methods, months within the year and the outcome.</summary>
public sealed record NeedLine(Guid TopicId, int Priority, List<Training.DevelopmentMethod> Methods, DateOnly? Start, DateOnly? End, string? Outcome);

/// <summary>
/// What makes an ID Plan right, with no I/O: the save's checks of one input against the person's group's catalogue, and
/// what a plan must hold before it is handed in. <see cref="IdPlans"/> applies them to what people send; the demo area's
/// plans are built through them too, so its plans are plans the app would have accepted.
/// </summary>
public static class IdPlanRules
{
    public const int MaxNeeds = 20;

    /// <summary>The input's competency levels and needs, or every reason why not (field paths as the API names them).</summary>
    public static (List<(Guid Id, int Level)> Levels, List<NeedLine> Needs, List<FieldError> Errors) Read(
        IReadOnlyList<Competency> catalogue, IReadOnlyList<DevelopmentTopic> topics, PositionGroup group, int fiscalYear, IdPlanInput input)
    {
        var checks = new Checks().Text(input.Goal, "goal", "เป้าหมายการพัฒนา", DataSchema.TextLength, required: false);
        var levels = new List<(Guid, int)>();
        foreach (var (c, i) in (input.Competencies ?? []).Select((c, i) => (c, i)))
        {
            var path = $"competencies[{i}]";
            var key = Checks.Clean(c?.Competency);
            var found = key is null ? null : catalogue.FirstOrDefault(x => x.Code == key || IsId(x.Id, key));
            if (found is null) { checks.Add(path + ".competency", key is null ? "กรุณาระบุสมรรถนะ" : $"ไม่มีสมรรถนะ \"{key}\" ในรายการของเขตพื้นที่สำหรับ{DevelopmentText.Label(group)}"); continue; }
            if (c!.Level is not (>= 1 and <= 5)) { checks.Add(path + ".level", $"ระดับสมรรถนะ \"{found.Name}\" ต้องเป็น 1 ถึง 5"); continue; }
            if (levels.Any(l => l.Item1 == found.Id)) { checks.Add(path + ".competency", $"สมรรถนะ \"{found.Name}\" ซ้ำกัน"); continue; }
            levels.Add((found.Id, c.Level.Value));
        }
        var needs = new List<NeedLine>();
        var given = input.Needs ?? [];
        if (given.Count > MaxNeeds) checks.Add("needs", $"ระบุความต้องการได้ไม่เกิน {MaxNeeds} หัวข้อ");
        var (yearStart, yearEnd) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        foreach (var (n, i) in given.Take(MaxNeeds).Select((n, i) => (n, i)))
        {
            var path = $"needs[{i}]";
            var key = Checks.Clean(n?.Topic);
            var topic = key is null ? null : topics.FirstOrDefault(t => IsId(t.Id, key) || t.Name == key);
            if (topic is null) { checks.Add(path + ".topic", key is null ? "กรุณาเลือกหัวข้อการพัฒนา" : $"ไม่มีหัวข้อการพัฒนา \"{key}\" ในรายการของเขตพื้นที่"); continue; }
            if (needs.Any(x => x.TopicId == topic.Id)) checks.Add(path + ".topic", $"หัวข้อ \"{topic.Name}\" ซ้ำกัน");
            if (n!.Priority is not (>= 1 and <= MaxNeeds)) checks.Add(path + ".priority", $"ลำดับความสำคัญต้องเป็น 1 ถึง {MaxNeeds}");
            var methods = Methods(n.Methods, path + ".methods", checks);
            if (n.PlannedStart is { } s && (s < yearStart || s > yearEnd) || n.PlannedEnd is { } e && (e < yearStart || e > yearEnd))
                checks.Add(path + ".plannedStart", $"ช่วงเวลาที่วางแผนต้องอยู่ในปีงบประมาณ {fiscalYear} ({ThaiDate.Short(yearStart)} – {ThaiDate.Short(yearEnd)})");
            else if (n.PlannedStart is { } s2 && n.PlannedEnd is { } e2 && e2 < s2) checks.Add(path + ".plannedEnd", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
            checks.Text(n.ExpectedOutcome, path + ".expectedOutcome", "ผลที่คาดว่าจะได้รับ", DataSchema.TextLength, required: false);
            needs.Add(new(topic.Id, n.Priority ?? 0, methods, n.PlannedStart, n.PlannedEnd, Checks.Clean(n.ExpectedOutcome)));
        }
        foreach (var dup in needs.GroupBy(x => x.Priority).Where(g => g.Key > 0 && g.Count() > 1))
            checks.Add("needs", $"ลำดับความสำคัญ {dup.Key} ซ้ำกัน — ให้แต่ละหัวข้อมีลำดับไม่ซ้ำกัน");
        return (levels, needs, [.. checks.Errors]);
    }

    /// <summary>Methods by code name, each once; an unknown one (or a number, which Enum.TryParse would take) is an error on <paramref name="field"/>.</summary>
    public static List<Training.DevelopmentMethod> Methods(IEnumerable<string?>? given, string field, Checks checks)
    {
        var methods = new List<Training.DevelopmentMethod>();
        foreach (var m in given ?? [])
            if (Enum.TryParse<Training.DevelopmentMethod>(m, out var method) && Enum.IsDefined(method) && !int.TryParse(m, out _)) { if (!methods.Contains(method)) methods.Add(method); }
            else checks.Add(field, $"ไม่รู้จักวิธีการพัฒนา \"{m}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<Training.DevelopmentMethod>())}");
        return methods;
    }

    /// <summary>Why the plan cannot be handed in yet: it asks for nothing, or leaves an active competency of the group unassessed.</summary>
    public static List<FieldError> WhyNotSubmit(IdPlan plan, IEnumerable<Competency> activeCompetencies)
    {
        var missing = activeCompetencies.Where(c => plan.Competencies.All(x => x.CompetencyId != c.Id)).Select(c => c.Name).ToList();
        var checks = new Checks();
        if (plan.Needs.Count == 0) checks.Add("needs", "แผนยังว่าง — ระบุหัวข้อที่ต้องการพัฒนาอย่างน้อยหนึ่งหัวข้อก่อนส่ง");
        if (missing.Count > 0) checks.Add("competencies", $"ยังไม่ได้ประเมินตนเอง {missing.Count} สมรรถนะ: {string.Join(", ", missing)}");
        return [.. checks.Errors];
    }

    public static bool IsId(Guid id, string key) => Guid.TryParse(key, out var given) && given == id;
}
