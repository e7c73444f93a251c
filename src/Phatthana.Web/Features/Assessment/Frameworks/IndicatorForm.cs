using System.Text.RegularExpressions;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>A standard's own fields as typed.</summary>
public sealed class StandardForm
{
    public int? Number { get; set; }
    public string? Name { get; set; }
}

/// <summary>One level as typed: its minimum of clear items (a count rule's) and its description, either may be blank.</summary>
public sealed class LevelRow
{
    public int? Level { get; set; }
    public int? MinClear { get; set; }
    public string? Description { get; set; }
    public bool Remove { get; set; }
    /// <summary>A level number alone is blank: the form offers the usual levels, numbered, to fill in.</summary>
    public bool IsBlank => Remove || (MinClear is null && string.IsNullOrWhiteSpace(Description));
}

public sealed class ItemRow
{
    public int? Number { get; set; }
    public string? Text { get; set; }
    public bool Remove { get; set; }
    public bool IsBlank => Remove || (Number is null && string.IsNullOrWhiteSpace(Text));
}

/// <summary>
/// An indicator as the editor shows it: number, name, the rule's kind, one row per level (minimum clear items for a count
/// rule, and the level's description) and the consideration items, with spare blank rows (the form needs no script). Read
/// gives the document's <see cref="IndicatorInput"/>; <see cref="FormField"/> puts the document's error paths back on the rows shown.
/// </summary>
public sealed partial class IndicatorForm
{
    public const int SpareLevelRows = 1;
    public const int SpareItemRows = 3;

    public int? Number { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = ScoringRule.CountKind;
    public List<LevelRow> Levels { get; set; } = [];
    public List<ItemRow> Items { get; set; } = [];

    /// <summary>A new indicator: a count rule over levels 5 to 1, to be filled in.</summary>
    public static IndicatorForm Blank(int number) =>
        new IndicatorForm { Number = number, Levels = [.. Enumerable.Range(1, 5).Reverse().Select(l => new LevelRow { Level = l })] }.WithSpareRows();

    public static IndicatorForm From(IndicatorDef indicator)
    {
        var minimums = (indicator.Rule.Levels ?? []).ToDictionary(l => l.Level, l => l.MinClear);
        var descriptions = (indicator.LevelDescriptions ?? []).ToDictionary(d => d.Level, d => d.Text);
        var levels = minimums.Keys.Union(descriptions.Keys)
            .Union(indicator.Rule.Kind == ScoringRule.RubricKind ? [4, 3, 2, 1] : []).OrderDescending();
        return new IndicatorForm
        {
            Number = indicator.Number, Name = indicator.Name, Kind = indicator.Rule.Kind,
            Levels = [.. levels.Select(l => new LevelRow { Level = l, MinClear = minimums.TryGetValue(l, out var m) ? m : null, Description = descriptions.GetValueOrDefault(l) })],
            Items = [.. indicator.Items.Select(i => new ItemRow { Number = i.Number, Text = i.Text })],
        }.WithSpareRows();
    }

    public IndicatorForm WithSpareRows()
    {
        Levels.AddRange(Enumerable.Range(0, SpareLevelRows).Select(_ => new LevelRow()));
        Items.AddRange(Enumerable.Range(0, SpareItemRows).Select(_ => new ItemRow()));
        return this;
    }

    public bool IsCount => string.Equals(Kind?.Trim(), ScoringRule.CountKind, StringComparison.OrdinalIgnoreCase);

    // Where each entry of the document read last came from: the form's row index of rule level k, description j, item k.
    private List<int> _ruleRows = [], _descriptionRows = [], _itemRows = [];

    /// <summary>
    /// The indicator as a document, and the cells a partly filled row still needs (keys relative to the form). An item
    /// typed without a number gets the next one; items go in the order of their numbers, so renumbering reorders them.
    /// </summary>
    public (IndicatorInput Input, List<FieldError> Missing) Read()
    {
        var missing = new List<FieldError>();
        var items = Items.Select((r, i) => (Row: r, FormIndex: i)).Where(x => !x.Row.IsBlank).ToList();
        var next = items.Max(x => x.Row.Number) ?? 0;
        var numbered = items.Select(x => (Number: x.Row.Number ?? ++next, x.Row.Text, x.FormIndex)).OrderBy(x => x.Number).ToList();
        _itemRows = [.. numbered.Select(x => x.FormIndex)];

        var levels = Levels.Select((r, i) => (Row: r, FormIndex: i)).Where(x => !x.Row.IsBlank).ToList();
        foreach (var (row, i) in levels.Where(x => x.Row.Level is null))
            missing.Add(new($"Levels[{i}].Level", "กรุณากรอกระดับ หรือเว้นว่างทั้งแถว"));
        var numberedLevels = levels.Where(x => x.Row.Level is not null).ToList();
        var rule = new List<(LevelRow Row, int FormIndex)>();
        if (IsCount)
            foreach (var x in numberedLevels)
            {
                if (x.Row.MinClear is null) missing.Add(new($"Levels[{x.FormIndex}].MinClear", $"กรุณากรอกจำนวนข้อที่ต้องมีหลักฐานชัดเจนของระดับ {x.Row.Level}"));
                else rule.Add(x);
            }
        var described = numberedLevels.Where(x => !string.IsNullOrWhiteSpace(x.Row.Description)).ToList();
        _ruleRows = [.. rule.Select(x => x.FormIndex)];
        _descriptionRows = [.. described.Select(x => x.FormIndex)];

        var input = new IndicatorInput(Number, Name,
            new RuleInput(Kind, IsCount ? [.. rule.Select(x => (CountLevelInput?)new CountLevelInput(x.Row.Level, x.Row.MinClear))] : null),
            [.. numbered.Select(x => (ItemInput?)new ItemInput(x.Number, x.Text))],
            described.Count > 0 ? [.. described.Select(x => (LevelDescriptionInput?)new LevelDescriptionInput(x.Row.Level, x.Row.Description))] : null);
        return (input, missing);
    }

    /// <summary>
    /// Checks of the whole level table (none given, not rising) wait while a row of it is incomplete: the table they
    /// judged is not the one the user meant.
    /// </summary>
    public static bool IsDeferred(string path, IReadOnlyList<FieldError> missing) =>
        path == "rule.levels" && missing.Any(e => e.Field.StartsWith(nameof(Levels), StringComparison.Ordinal));

    /// <summary>A document path under the indicator ("rule.levels[2].minClear") as the form's field ("Levels[3].MinClear"), or null when the form has no place for it.</summary>
    public string? FormField(string path)
    {
        switch (path)
        {
            case "number": return nameof(Number);
            case "name": return nameof(Name);
            case "rule" or "rule.kind": return nameof(Kind);
            case "rule.levels": return nameof(Levels);
            case "items": return nameof(Items);
        }
        var m = RowPath().Match(path);
        if (!m.Success) return null;
        var k = int.Parse(m.Groups["k"].Value);
        var (rows, field) = (m.Groups["list"].Value, m.Groups["field"].Value) switch
        {
            ("rule.levels", "level") => (_ruleRows, nameof(LevelRow.Level)),
            ("rule.levels", "minClear") => (_ruleRows, nameof(LevelRow.MinClear)),
            ("levelDescriptions", "level") => (_descriptionRows, nameof(LevelRow.Level)),
            ("levelDescriptions", "text") => (_descriptionRows, nameof(LevelRow.Description)),
            ("items", "number") => (_itemRows, nameof(ItemRow.Number)),
            ("items", "text") => (_itemRows, nameof(ItemRow.Text)),
            _ => (null, ""),
        };
        if (rows is null || k >= rows.Count) return null;
        return $"{(m.Groups["list"].Value == "items" ? nameof(Items) : nameof(Levels))}[{rows[k]}].{field}";
    }

    [GeneratedRegex(@"^(?<list>rule\.levels|levelDescriptions|items)\[(?<k>\d+)\]\.(?<field>\w+)$")]
    private static partial Regex RowPath();
}
