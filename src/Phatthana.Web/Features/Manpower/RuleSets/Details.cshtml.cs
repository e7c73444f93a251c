using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using T = Phatthana.Web.Features.Manpower.RuleSets.RuleSetsText;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>One rule set's every parameter as Thai tables, for anyone signed in to check how requirements are computed.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(AppDbContext db, UserScope scope, DisplayFormat fmt, TimeProvider time) : PageModel
{
    public sealed record Parameter(string Name, string Value);

    private static readonly TableSpec<(StudentBand Band, int Number)> BandsTable = new(T.SmallSchool,
        new(T.BandNumber, b => b.Number, CellKind.Number),
        new(T.StudentsFrom, b => b.Band.Min, CellKind.Number),
        new(T.StudentsTo, b => b.Band.Max, CellKind.Number),
        new(T.Teachers, b => b.Band.Teachers, CellKind.Number));

    private static readonly TableSpec<LevelRule> LevelsTable = new(T.PerLevel,
        new(T.Level, l => ManpowerText.Label(l.Level)),
        new(T.ClassSize, l => l.ClassSize, CellKind.Number),
        new(T.Method, l => ManpowerText.Label(l.Method), Wrap: true),
        new(T.StudentsPerTeacher, l => l.Method == LevelMethod.Ratio ? Number(l.StudentsPerTeacher) : "—", CellKind.Number),
        new(T.TeachersPerRoom, l => l.Method == LevelMethod.PerRoom ? Number(l.TeachersPerRoom) : "—", CellKind.Number));

    private static readonly TableSpec<DeputyBand> DeputiesTable = new(T.Administrators,
        new(T.StudentsFrom, b => b.Min, CellKind.Number),
        new("ถึง (คน)", b => b.Max is { } max ? max : T.AndAbove, CellKind.Number),
        new(T.Deputies, b => b.Deputies, CellKind.Number));

    private static readonly TableSpec<Parameter> ParametersTable = new("ค่าอื่นของเกณฑ์",
        new("รายการ", p => p.Name, Wrap: true),
        new("ค่า", p => p.Value, Wrap: true));

    public StaffingRuleSetDto Set { get; private set; } = null!;
    public bool CanEdit => Policies.Allows(Policies.SystemAdmin, scope.Role);
    public TableView Bands { get; private set; } = null!;
    public TableView Levels { get; private set; } = null!;
    public TableView Rooms { get; private set; } = null!;
    public TableView Deputies { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var sets = await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time));
        if (sets.FirstOrDefault(s => s.Id == id) is not { } set) return NotFound();
        Set = set;
        var c = set.Criteria;
        Bands = BandsTable.ToView(c.SmallSchoolBands.Select((b, i) => (b, i + 1)), fmt);
        Levels = LevelsTable.ToView(Enum.GetValues<StaffingLevel>().Select(c.RuleFor).OfType<LevelRule>(), fmt);
        Rooms = ParametersTable.ToView(
        [
            new(T.RemainderForExtraRoom, $"{fmt.N(c.RemainderForExtraRoom)} คน"),
            new(T.MinimumRoomsPerGrade, $"{fmt.N(c.MinimumRoomsPerGrade)} ห้อง"),
            new(T.Rounding, ManpowerText.Label(c.Rounding)),
        ], fmt);
        Deputies = DeputiesTable.ToView(c.DeputyBands, fmt);
        return Page();
    }

    /// <summary>25 → "25", 1.5 → "1.5": ratios as a circular writes them.</summary>
    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
