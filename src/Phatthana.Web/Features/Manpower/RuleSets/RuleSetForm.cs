using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Manpower.RuleSets.RuleSetsText;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>One row of the small-school bands as typed (blank cells allowed until the row is read).</summary>
public sealed class BandRow
{
    public int? Min { get; set; }
    public int? Max { get; set; }
    public int? Teachers { get; set; }
    public bool Remove { get; set; }
    public bool IsBlank => Remove || (Min is null && Max is null && Teachers is null);
}

/// <summary>One deputy band as typed: a blank "to" is the open-ended last band.</summary>
public sealed class DeputyRow
{
    public int? Min { get; set; }
    public int? Max { get; set; }
    public int? Deputies { get; set; }
    public bool Remove { get; set; }
    public bool IsBlank => Remove || (Min is null && Max is null && Deputies is null);
}

public sealed class LevelRow
{
    public StaffingLevel Level { get; set; }
    public int? ClassSize { get; set; }
    public LevelMethod? Method { get; set; }
    public decimal? StudentsPerTeacher { get; set; }
    public decimal? TeachersPerRoom { get; set; }
}

public sealed class CriteriaForm
{
    public List<BandRow> SmallSchoolBands { get; set; } = [];
    public int? SmallSchoolAdministrators { get; set; }
    public List<LevelRow> Levels { get; set; } = [];
    public int? RemainderForExtraRoom { get; set; }
    public int? MinimumRoomsPerGrade { get; set; }
    public int? Directors { get; set; }
    public List<DeputyRow> DeputyBands { get; set; } = [];
    public StaffingRounding? Rounding { get; set; }
}

/// <summary>
/// The editor's form: the same fields as the API's input, with band rows that may be left blank (a JS-free form offers a
/// few spare rows) and are dropped when read. Errors come back with the API's field names and are put under the rows shown.
/// </summary>
public sealed partial class RuleSetForm
{
    public const int SpareBandRows = 3;
    public const int SpareDeputyRows = 2;

    public string? Name { get; set; }
    public int? EffectiveFromYear { get; set; }
    public string? Reference { get; set; }
    public CriteriaForm Criteria { get; set; } = new();

    public static RuleSetForm From(StaffingRuleSet? set, StaffingCriteria criteria, bool copy)
    {
        var form = new RuleSetForm
        {
            Name = copy ? null : set?.Name,
            EffectiveFromYear = copy ? null : set?.EffectiveFromYear,
            Reference = copy ? null : set?.Reference,
            Criteria = new CriteriaForm
            {
                SmallSchoolBands = [.. criteria.SmallSchoolBands.Select(b => new BandRow { Min = b.Min, Max = b.Max, Teachers = b.Teachers })],
                SmallSchoolAdministrators = criteria.SmallSchoolAdministrators,
                Levels = [.. Enum.GetValues<StaffingLevel>().Select(level => criteria.RuleFor(level) is { } l
                    ? new LevelRow
                    {
                        // The ratio a method does not use is stored as 0; the form leaves it blank rather than suggest it counts.
                        Level = level, ClassSize = l.ClassSize, Method = l.Method,
                        StudentsPerTeacher = l.Method == LevelMethod.PerRoom && l.StudentsPerTeacher == 0 ? null : l.StudentsPerTeacher,
                        TeachersPerRoom = l.Method == LevelMethod.Ratio && l.TeachersPerRoom == 0 ? null : l.TeachersPerRoom,
                    }
                    : new LevelRow { Level = level })],
                RemainderForExtraRoom = criteria.RemainderForExtraRoom,
                MinimumRoomsPerGrade = criteria.MinimumRoomsPerGrade,
                Directors = criteria.Directors,
                DeputyBands = [.. criteria.DeputyBands.Select(b => new DeputyRow { Min = b.Min, Max = b.Max, Deputies = b.Deputies })],
                Rounding = criteria.Rounding,
            },
        };
        form.AddSpareRows();
        return form;
    }

    public void AddSpareRows()
    {
        Criteria.SmallSchoolBands.AddRange(Enumerable.Range(0, SpareBandRows).Select(_ => new BandRow()));
        Criteria.DeputyBands.AddRange(Enumerable.Range(0, SpareDeputyRows).Select(_ => new DeputyRow()));
    }

    /// <summary>
    /// The input for the use case, and the cells a partly filled row still needs. A blank cell is read as 0, so checks of
    /// what it belongs to (its band table, its level, the field itself) would only repeat the gap: <see cref="Deferred"/>
    /// names them, and they are judged once the cells are filled.
    /// </summary>
    public (StaffingRuleSetInput Input, List<FieldError> Missing) Read(int? version)
    {
        var c = Criteria;
        var missing = new List<FieldError>();
        void Need(object? value, string field, string label)
        {
            if (value is null) missing.Add(new(field, T.MissingCell(label)));
        }
        var bands = Kept(c.SmallSchoolBands, b => b.IsBlank);
        for (var k = 0; k < bands.Count; k++)
        {
            var b = bands[k].Row;
            Need(b.Min, $"criteria.smallSchoolBands[{k}].min", "จำนวนนักเรียนต่ำสุด");
            Need(b.Max, $"criteria.smallSchoolBands[{k}].max", "จำนวนนักเรียนสูงสุด");
            Need(b.Teachers, $"criteria.smallSchoolBands[{k}].teachers", "จำนวนครู");
        }
        var deputies = Kept(c.DeputyBands, b => b.IsBlank);
        for (var k = 0; k < deputies.Count; k++)
        {
            var b = deputies[k].Row;
            Need(b.Min, $"criteria.deputyBands[{k}].min", "จำนวนนักเรียนต่ำสุด");
            Need(b.Deputies, $"criteria.deputyBands[{k}].deputies", "จำนวนรองผู้อำนวยการ");
        }
        for (var i = 0; i < c.Levels.Count; i++)
        {
            var l = c.Levels[i];
            var name = ManpowerText.Label(l.Level);
            if (l.ClassSize is null) missing.Add(new($"criteria.levels[{i}].classSize", $"{name}: กรุณากรอกขนาดห้องเรียนมาตรฐาน"));
            if (l.Method is null) missing.Add(new($"criteria.levels[{i}].method", $"{name}: กรุณาเลือกวิธีคิด"));
            else if (l.Method == LevelMethod.Ratio && l.StudentsPerTeacher is null) missing.Add(new($"criteria.levels[{i}].studentsPerTeacher", $"{name}: กรุณากรอกจำนวนนักเรียนต่อครู"));
            else if (l.Method == LevelMethod.PerRoom && l.TeachersPerRoom is null) missing.Add(new($"criteria.levels[{i}].teachersPerRoom", $"{name}: กรุณากรอกจำนวนครูต่อห้อง"));
        }
        Need(c.SmallSchoolAdministrators, "criteria.smallSchoolAdministrators", T.SmallSchoolAdministrators);
        Need(c.RemainderForExtraRoom, "criteria.remainderForExtraRoom", T.RemainderForExtraRoom);
        Need(c.MinimumRoomsPerGrade, "criteria.minimumRoomsPerGrade", T.MinimumRoomsPerGrade);
        Need(c.Directors, "criteria.directors", T.Directors);
        Need(c.Rounding, "criteria.rounding", T.Rounding);

        var input = new StaffingRuleSetInput
        {
            Name = Name,
            EffectiveFromYear = EffectiveFromYear,
            Reference = Reference,
            Version = version,
            Criteria = new StaffingCriteria
            {
                SmallSchoolBands = [.. bands.Select(x => new StudentBand(x.Row.Min ?? 0, x.Row.Max ?? 0, x.Row.Teachers ?? 0))],
                SmallSchoolAdministrators = c.SmallSchoolAdministrators ?? 0,
                Levels = [.. c.Levels.Select(l => new LevelRule(l.Level, l.ClassSize ?? 0, l.Method ?? LevelMethod.Ratio, l.StudentsPerTeacher ?? 0, l.TeachersPerRoom ?? 0))],
                RemainderForExtraRoom = c.RemainderForExtraRoom ?? 0,
                MinimumRoomsPerGrade = c.MinimumRoomsPerGrade ?? 0,
                Directors = c.Directors ?? 0,
                DeputyBands = [.. deputies.Select(x => new DeputyBand(x.Row.Min ?? 0, x.Row.Max, x.Row.Deputies ?? 0))],
                Rounding = c.Rounding ?? StaffingRounding.HalfAwayFromZero,
            },
        };
        Deferred = [.. missing.Select(e => DeferredOwner().Match(e.Field).Value).Distinct()];
        // Messages name kept rows by their place among the kept ones; the form shows every row, blanks included.
        _bandRows = [.. bands.Select(x => x.FormIndex)];
        _deputyRows = [.. deputies.Select(x => x.FormIndex)];
        return (input, missing);
    }

    /// <summary>Fields (and everything under them) whose checks wait for the missing cells: see <see cref="Read"/>.</summary>
    public IReadOnlyList<string> Deferred { get; private set; } = [];

    public bool IsDeferred(FieldError e) =>
        Deferred.Any(p => e.Field == p || e.Field.StartsWith(p + ".", StringComparison.Ordinal) || e.Field.StartsWith(p + "[", StringComparison.Ordinal));

    private List<int> _bandRows = [];
    private List<int> _deputyRows = [];

    /// <summary>"criteria.smallSchoolBands[2].min" (third kept band) → the same field at the row the form shows it on.</summary>
    public string FormField(string field) => RowIndex().Replace(field, m =>
    {
        var rows = m.Groups["list"].Value == "smallSchoolBands" ? _bandRows : _deputyRows;
        var k = int.Parse(m.Groups["k"].Value);
        return k < rows.Count ? $"criteria.{m.Groups["list"].Value}[{rows[k]}]" : m.Value;
    });

    /// <summary>Puts every message of an outcome (or of the form's own reading) under its field, as the form names it.</summary>
    public void CopyTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
            modelState.AddModelError(Outcome<int>.FormKey(nameof(RuleSetFormModel.Input), FormField(e.Field)), e.Message);
    }

    private static List<(TRow Row, int FormIndex)> Kept<TRow>(List<TRow> rows, Func<TRow, bool> blank) =>
        [.. rows.Select((r, i) => (Row: r, FormIndex: i)).Where(x => !blank(x.Row))];

    [GeneratedRegex(@"^criteria\.(?<list>smallSchoolBands|deputyBands)\[(?<k>\d+)\]")]
    private static partial Regex RowIndex();

    /// <summary>A band's cell defers its whole table (bands are checked against each other); a level's cell, its level.</summary>
    [GeneratedRegex(@"^criteria\.(smallSchoolBands|deputyBands|levels\[\d+\])|^.*$")]
    private static partial Regex DeferredOwner();
}

/// <summary>What the new and edit pages share: the bound form and how an outcome's messages reach it.</summary>
public abstract class RuleSetFormModel : PageModel
{
    [BindProperty] public RuleSetForm Input { get; set; } = new();

    /// <summary>Messages under "Input." whose field the form has no place for (the form shows them at the top instead).</summary>
    public IReadOnlyList<string> UnplacedErrors()
    {
        var placed = PlacedKeys().ToHashSet(StringComparer.Ordinal);
        return ModelState.Where(kv => kv.Key.StartsWith("Input.", StringComparison.Ordinal) && !placed.Contains(kv.Key))
            .SelectMany(kv => kv.Value!.Errors.Select(e => e.ErrorMessage)).Distinct().ToList();
    }

    /// <summary>Messages about the form's fields (a conflict of the whole form is <c>_Errors</c>' to show).</summary>
    public int FieldErrorCount => ModelState.Where(kv => kv.Key.StartsWith("Input.", StringComparison.Ordinal)).Sum(kv => kv.Value!.Errors.Count);

    private IEnumerable<string> PlacedKeys()
    {
        const string c = "Input.Criteria.";
        yield return "Input.Name";
        yield return "Input.EffectiveFromYear";
        yield return "Input.Reference";
        foreach (var f in new[] { "SmallSchoolBands", "SmallSchoolAdministrators", "Levels", "RemainderForExtraRoom", "MinimumRoomsPerGrade", "Directors", "DeputyBands", "Rounding" })
            yield return c + f;
        for (var i = 0; i < Input.Criteria.SmallSchoolBands.Count; i++)
            foreach (var f in new[] { "", ".Min", ".Max", ".Teachers" }) yield return $"{c}SmallSchoolBands[{i}]{f}";
        for (var i = 0; i < Input.Criteria.DeputyBands.Count; i++)
            foreach (var f in new[] { "", ".Min", ".Max", ".Deputies" }) yield return $"{c}DeputyBands[{i}]{f}";
        for (var i = 0; i < Input.Criteria.Levels.Count; i++)
            foreach (var f in new[] { "", ".Level", ".ClassSize", ".Method", ".StudentsPerTeacher", ".TeachersPerRoom" }) yield return $"{c}Levels[{i}]{f}";
    }

    /// <summary>Reads the form and runs the save: null when the form itself is incomplete; a refused outcome's messages are put on the form.</summary>
    protected async Task<Outcome<StaffingRuleSet>?> SaveAsync(int? version, Func<StaffingRuleSetInput, Task<Outcome<StaffingRuleSet>>> save)
    {
        if (!ModelState.IsValid) return null;
        var (input, missing) = Input.Read(version);
        if (missing.Count > 0)
        {
            Input.CopyTo(ModelState, [.. missing, .. SaveStaffingRuleSet.Validate(input).Where(e => !Input.IsDeferred(e))]);
            return null;
        }
        var outcome = await save(input);
        if (!outcome.Succeeded) Input.CopyTo(ModelState, outcome.Conflict is { } c ? [.. outcome.Errors, c] : outcome.Errors);
        return outcome;
    }
}
