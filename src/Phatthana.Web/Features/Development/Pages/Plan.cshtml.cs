using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Pages;

/// <summary>
/// แผนพัฒนาตนเอง of one person and fiscal year: the form while it is a draft or returned (levels 1–5 per competency, the needs
/// in priority order), the director's approve / return, copy from last year, and the printable PDF with signature lines.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PlanModel(AppDbContext db, RouteScope route, UserScope user, IdPlans plans, NationalIdDisclosure ids, TimeProvider time) : PageModel
{
    public sealed class LevelRow
    {
        public string? Competency { get; set; }
        public int? Level { get; set; }
    }

    public sealed class NeedRow
    {
        public string? Topic { get; set; }
        public int? Priority { get; set; }
        public List<string> Methods { get; set; } = [];
        public string? PlannedStart { get; set; }
        public string? PlannedEnd { get; set; }
        public string? ExpectedOutcome { get; set; }
    }

    public sealed class PlanForm
    {
        public string? Goal { get; set; }
        public List<LevelRow> Levels { get; set; } = [];
        public List<NeedRow> Needs { get; set; } = [];
        public int? Version { get; set; }
    }

    /// <summary>Empty rows under the needs so a person can add topics without a script.</summary>
    public const int SpareRows = 3;

    [BindProperty] public PlanForm Form { get; set; } = new();
    [BindProperty] public string? Comment { get; set; }
    public Person Person => route.Person;
    public int FiscalYear { get; private set; }
    public IdPlanDto Plan { get; private set; } = null!;
    public IReadOnlyList<TopicDto> Topics { get; private set; } = [];
    public bool HasLastYear { get; private set; }
    public bool CanWrite => plans.MayWrite(Person) && Plan.Status is IdPlanStatus.Draft or IdPlanStatus.Returned;
    public bool CanDecide => Plan.Status == IdPlanStatus.Submitted && Policies.Allows(Policies.DecideIdPlans, user.Role) && WhyNotDecide is null;
    public string? WhyNotDecide { get; private set; }
    /// <summary>The caller decides some people's plans (a director, area staff), so is told why not this one.</summary>
    public bool MayDecideSome => Policies.Allows(Policies.DecideIdPlans, user.Role);
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int fiscalYear)
    {
        if (IdPlansApi.Year(fiscalYear) is { Succeeded: false }) return NotFound();
        await LoadAsync(fiscalYear, fill: true);
        if (Request.Query["format"] == "pdf")
            return ReportResults.File(HttpContext, await IdPlanReport.BuildAsync(HttpContext, Plan, Person), ReportFormat.Pdf).ToActionResult();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int fiscalYear) => SaveAsync(fiscalYear, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int fiscalYear) => SaveAsync(fiscalYear, submit: true);

    private async Task<IActionResult> SaveAsync(int fiscalYear, bool submit)
    {
        if (!Policies.Allows(Policies.WriteIdPlans, user.Role)) return Forbid();
        if (IdPlansApi.Year(fiscalYear) is { Succeeded: false }) return NotFound();
        var (input, rows, errors) = Read();
        var outcome = errors.Count > 0 ? Outcome<IdPlan>.Invalid(errors) : await plans.SaveAsync(Person, fiscalYear, input);
        if (outcome.Succeeded && submit)
            outcome = await plans.SubmitAsync(Person, outcome.Value!, null);
        if (!outcome.Succeeded)
        {
            if (outcome.ForbiddenReason is not null) return Forbid();
            foreach (var e in outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []))
                ModelState.AddModelError(FormKey(e.Field, rows), e.Message);
            await LoadAsync(fiscalYear, fill: false);
            return Page();
        }
        TempData["Flash"] = submit ? "ส่งแผนพัฒนาตนเองแล้ว — รอผู้บริหารพิจารณา" : "บันทึกร่างแผนพัฒนาตนเองแล้ว";
        return Redirect(Link(Person.Id, fiscalYear));
    }

    public Task<IActionResult> OnPostApproveAsync(int fiscalYear) => DecideAsync(fiscalYear, (plan, v) => plans.ApproveAsync(Person, plan, v), "อนุมัติแผนพัฒนาตนเองแล้ว");

    public Task<IActionResult> OnPostReturnAsync(int fiscalYear) =>
        DecideAsync(fiscalYear, (plan, v) => plans.ReturnAsync(Person, plan, Comment, v), "ส่งคืนแผนพัฒนาตนเองพร้อมความเห็นแล้ว");

    public async Task<IActionResult> OnPostCopyAsync(int fiscalYear)
    {
        if (!Policies.Allows(Policies.WriteIdPlans, user.Role)) return Forbid();
        var outcome = await plans.CopyPreviousAsync(Person, fiscalYear);
        if (outcome.ForbiddenReason is not null) return Forbid();
        TempData["Flash"] = outcome.Succeeded ? $"คัดลอกแผนปีงบประมาณ {fiscalYear - 1} มาเป็นร่างแล้ว — ตรวจสอบและแก้ไขก่อนส่ง"
            : outcome.Conflict?.Message ?? outcome.NotFoundDetail ?? string.Join(" ", outcome.Errors.Select(e => e.Message));
        return Redirect(Link(Person.Id, fiscalYear));
    }

    private async Task<IActionResult> DecideAsync(int fiscalYear, Func<IdPlan, int?, Task<Outcome<IdPlan>>> decide, string done)
    {
        if (!Policies.Allows(Policies.DecideIdPlans, user.Role)) return Forbid();
        if (await plans.FindAsync(Person.Id, fiscalYear) is not { } plan) return NotFound();
        var outcome = await decide(plan, Form.Version);
        if (!outcome.Succeeded)
        {
            if (outcome.ForbiddenReason is not null) return Forbid();
            outcome.CopyTo(ModelState, "");
            await LoadAsync(fiscalYear, fill: true);
            return Page();
        }
        TempData["Flash"] = done;
        return Redirect(Link(Person.Id, fiscalYear));
    }

    public static string Link(Guid person, int fiscalYear) => $"/people/{person}/id-plans/{fiscalYear}";

    private async Task LoadAsync(int fiscalYear, bool fill)
    {
        FiscalYear = fiscalYear;
        Plan = await IdPlansApi.ViewAsync(db, ids, Person, fiscalYear, HttpContext.RequestAborted);
        var group = PositionGroups.Of(Person.Position);
        Topics = (await CatalogueApi.ReadAsync(db, Person.AreaId, group, HttpContext.RequestAborted)).Topics
            .Where(t => t.Active || Plan.Needs.Any(n => n.TopicId == t.Id)).ToList();
        HasLastYear = await db.IdPlans.AnyAsync(p => p.PersonId == Person.Id && p.FiscalYear == fiscalYear - 1, HttpContext.RequestAborted);
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Years = Enumerable.Range(current - 2, 4).Reverse().ToList();
        if (Plan.Id is { } && await plans.FindAsync(Person.Id, fiscalYear, HttpContext.RequestAborted) is { } entity) WhyNotDecide = plans.WhyNotDecide(Person, entity);
        if (!fill) return;
        Form = new PlanForm
        {
            Goal = Plan.Goal, Version = Plan.Version,
            Levels = Plan.Competencies.Select(c => new LevelRow { Competency = c.Id.ToString(), Level = c.Level }).ToList(),
            Needs = Plan.Needs.Select(n => new NeedRow
            {
                Topic = n.TopicId.ToString(), Priority = n.Priority, Methods = n.Methods.Select(m => m.ToString()).ToList(), ExpectedOutcome = n.ExpectedOutcome,
                PlannedStart = n.PlannedStart is { } s ? ThaiDate.Numeric(s) : null, PlannedEnd = n.PlannedEnd is { } e ? ThaiDate.Numeric(e) : null,
            }).ToList(),
        };
    }

    /// <summary>The form as the use case takes it: empty need rows are left out, dates read as people type them.</summary>
    private (IdPlanInput Input, List<int> Rows, List<FieldError> Errors) Read()
    {
        var errors = new List<FieldError>();
        var rows = new List<int>();
        var needs = new List<NeedInput?>();
        for (var i = 0; i < Form.Needs.Count; i++)
        {
            var n = Form.Needs[i];
            if (string.IsNullOrWhiteSpace(n.Topic)) continue;
            var k = needs.Count;
            rows.Add(i);
            needs.Add(new NeedInput(n.Topic, n.Priority, [.. n.Methods], Date(n.PlannedStart, $"needs[{k}].plannedStart", errors), Date(n.PlannedEnd, $"needs[{k}].plannedEnd", errors),
                n.ExpectedOutcome));
        }
        var levels = Form.Levels.Where(l => l.Level is not null).Select(l => (CompetencyLevelInput?)new CompetencyLevelInput(l.Competency, l.Level)).ToList();
        return (new IdPlanInput(Form.Goal, levels, needs, Form.Version), rows, errors);
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"\"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 01/11/2569"));
        return null;
    }

    /// <summary>The use case's field ("needs[1].priority") as the form's input name ("Form.Needs[3].Priority": the 4th row shown).</summary>
    private string FormKey(string field, List<int> rows)
    {
        if (field.StartsWith("needs[") && field.IndexOf(']') is > 6 and var close && int.TryParse(field[6..close], out var k) && k < rows.Count)
            return Outcome<object>.FormKey(nameof(Form), $"needs[{rows[k]}]{field[(close + 1)..]}");
        if (field.StartsWith("competencies[") && field.IndexOf(']') is > 13 and var end && int.TryParse(field[13..end], out var c))
        {
            // Levels are sent only for the rows with a level: find the row of the c-th of those.
            var sent = Form.Levels.Select((l, i) => (l, i)).Where(x => x.l.Level is not null).Select(x => x.i).ToList();
            return c < sent.Count ? $"{nameof(Form)}.Levels[{sent[c]}].Level" : nameof(Form);
        }
        return field.Length == 0 ? "" : Outcome<object>.FormKey(nameof(Form), field);
    }
}
