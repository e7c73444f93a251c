using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>Adds (/areas/{code}/awards/new) or changes (/award-programmes/{id}/edit) a programme: its rules, criteria and committee.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class ProgrammeFormModel(AppDbContext db, RouteScope route, SaveProgramme save, TimeProvider time) : PageModel
{
    public const int CriterionRows = 8, MemberRows = 8;

    public sealed class CriterionRow { public string? Name { get; set; } public decimal? Weight { get; set; } public int? MinScore { get; set; } public int? MaxScore { get; set; } }
    public sealed class MemberRow { public string? Email { get; set; } public string? Duty { get; set; } public string? School { get; set; } }

    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Level { get; set; } = nameof(AwardLevel.Area);
        public string? Period { get; set; } = nameof(AwardPeriod.Yearly);
        public string? Description { get; set; }
        public bool SchoolsNominate { get; set; } = true;
        public bool SelfNomination { get; set; }
        public List<string> Positions { get; set; } = [];
        public int? MinYearsOfService { get; set; }
        public bool RequiresCleanRecord { get; set; }
        public int? Awards { get; set; } = 1;
        public List<CriterionRow> Criteria { get; set; } = [];
        public List<MemberRow> Committee { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public Area Area { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        if (id is { } pid)
        {
            var p = await db.AwardProgrammes.AsNoTracking().FirstAsync(x => x.Id == pid);
            var dto = await AwardViews.ProgrammeAsync(db, p, ThaiDate.TodayInThailand(time));
            Input = new Form
            {
                Name = p.Name, Level = p.Level.ToString(), Period = p.Period.ToString(), Description = p.Description, SchoolsNominate = p.SchoolsNominate,
                SelfNomination = p.SelfNomination, Positions = [.. p.EligiblePositions.Select(x => x.ToString())], MinYearsOfService = p.MinYearsOfService,
                RequiresCleanRecord = p.RequiresCleanRecord, Awards = p.Awards, Version = p.Version,
                Criteria = [.. dto.Criteria.Select(c => new CriterionRow { Name = c.Name, Weight = c.Weight, MinScore = c.MinScore, MaxScore = c.MaxScore })],
                Committee = [.. dto.Committee.Select(m => new MemberRow { Email = m.Email, Duty = m.Duty, School = m.SchoolCode })],
            };
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        var programme = id is { } pid ? await db.AwardProgrammes.FirstAsync(x => x.Id == pid) : null;
        // Only the rows filled in are sent; the form's row numbers are kept so each message lands under its row.
        var criteriaRows = Input.Criteria.Select((c, i) => (c, i)).Where(x => x.c.Name is not null || x.c.Weight is not null || x.c.MaxScore is not null).ToList();
        var memberRows = Input.Committee.Select((m, i) => (m, i)).Where(x => !string.IsNullOrWhiteSpace(x.m.Email)).ToList();
        var input = new ProgrammeInput(Input.Name, Input.Level, Input.Period, Input.Description, Input.SchoolsNominate, Input.SelfNomination,
            [.. Input.Positions], Input.MinYearsOfService, Input.RequiresCleanRecord, Input.Awards,
            [.. criteriaRows.Select(x => new CriterionInput(x.c.Name, x.c.Weight, x.c.MinScore, x.c.MaxScore))],
            [.. memberRows.Select(x => new MemberInput(x.m.Email, x.m.Duty, x.m.School))], Input.Version);
        var outcome = await save.SaveAsync(Area, programme, input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึก{outcome.Value!.Name}แล้ว";
            return Redirect($"/award-programmes/{outcome.Value.Id}");
        }
        foreach (var e in outcome.Conflict is null ? outcome.Errors : [.. outcome.Errors, outcome.Conflict])
            ModelState.AddModelError(FormKey(e.Field, criteriaRows.Select(x => x.i).ToList(), memberRows.Select(x => x.i).ToList()), e.Message);
        Pad();
        return Page();
    }

    private static string FormKey(string field, List<int> criteria, List<int> members)
    {
        foreach (var (list, rows) in new[] { ("criteria[", criteria), ("committee[", members) })
            if (field.StartsWith(list, StringComparison.Ordinal) && field.IndexOf(']') is var close and > 0 && int.TryParse(field[list.Length..close], out var k) && k < rows.Count)
                return Shared.Validation.Outcome<object>.FormKey("Input", $"{list}{rows[k]}]{field[(close + 1)..]}");
        return Shared.Validation.Outcome<object>.FormKey("Input", field);
    }

    private void Pad()
    {
        while (Input.Criteria.Count < CriterionRows) Input.Criteria.Add(new CriterionRow());
        while (Input.Committee.Count < MemberRows) Input.Committee.Add(new MemberRow());
    }

    private async Task<IActionResult?> LoadAsync(Guid? id)
    {
        Id = id;
        if (id is { } pid)
        {
            var areaId = await db.AwardProgrammes.AsNoTracking().Where(p => p.Id == pid).Select(p => (Guid?)p.AreaId).FirstOrDefaultAsync();
            if (areaId is null) return NotFound();
            Area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == areaId);
        }
        else Area = route.Area;
        return null;
    }

    public static IEnumerable<Position> AllPositions => Enum.GetValues<Position>();
}
