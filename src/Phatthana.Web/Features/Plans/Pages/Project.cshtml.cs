using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>
/// A project: its details and budget by the five categories, its activities with planned dates and when each was done
/// (late ones flagged), the courses that implement it, its KPIs; edited by area staff, each form on its own.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class ProjectModel(AppDbContext db, UserScope user, SaveProject save, SaveBudget budget, BudgetView view, TimeProvider time) : PageModel
{
    public sealed class DetailsForm
    {
        public string? Name { get; set; }
        public int? FiscalYear { get; set; }
        public string? Objectives { get; set; }
        public string? Methods { get; set; }
        public string? TargetGroup { get; set; }
        public string? Division { get; set; }
        public string? ResponsiblePerson { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? Status { get; set; }
        public decimal? Personnel { get; set; }
        public decimal? Operations { get; set; }
        public decimal? Investment { get; set; }
        public decimal? Subsidy { get; set; }
        public decimal? Other { get; set; }
        public List<string> Courses { get; set; } = [];
        public string? ActNotes { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ActivityRow
    {
        public string? Name { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? DoneOn { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>A month of the money grid: committed and disbursed of each category (by the category's number), and a note.</summary>
    public sealed class MoneyRow
    {
        public List<string?> Committed { get; set; } = [];
        public List<string?> Disbursed { get; set; } = [];
        public string? Note { get; set; }
    }

    public const int SpareActivities = 3;

    [BindProperty] public DetailsForm Details { get; set; } = new();
    [BindProperty] public List<ActivityRow> Activities { get; set; } = [];
    [BindProperty] public List<MoneyRow> Money { get; set; } = [];
    [BindProperty] public int? MoneyVersion { get; set; }
    public ProjectDisbursementsDto Budget { get; private set; } = null!;
    /// <summary>The categories the grid shows: those with an allocation or with money entered (no other can take any).</summary>
    public IReadOnlyList<BudgetCategory> MoneyCategories => [.. Budget.Categories.Where(c => c.Allocated > 0 || c.Committed > 0 || c.Disbursed > 0).Select(c => c.Category)];
    public string? Sent { get; private set; }
    public PlanProject Project { get; private set; } = null!;
    public DevelopmentPlan Plan { get; private set; } = null!;
    public PlanStrategy Strategy { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Divisions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code, string Name)> CourseOptions { get; private set; } = [];
    public IReadOnlyList<ProjectActivity> Saved { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id)
    {
        Sent = "details";
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var errors = new List<FieldError>();
        var d = Details;
        var input = new ProjectInput(d.Name, d.FiscalYear, d.Objectives, d.Methods, d.TargetGroup, d.Division, d.ResponsiblePerson,
            Date(d.StartDate, "startDate", errors), Date(d.EndDate, "endDate", errors), d.Status,
            new BudgetInput(d.Personnel, d.Operations, d.Investment, d.Subsidy, d.Other), [.. Project.Alignment], [.. d.Courses], d.ActNotes, d.Version);
        var outcome = errors.Count > 0 ? Outcome<PlanProject>.Invalid(errors) : await save.SaveAsync(Plan, Strategy, Project, input);
        if (!outcome.Succeeded)
        {
            // The form's budget fields sit on the form itself ("budget.operations" → Details.Operations); courses are one list.
            foreach (var e in outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []))
                ModelState.AddModelError(Outcome<object>.FormKey(nameof(Details),
                    e.Field.StartsWith("budget.") ? e.Field[7..] : e.Field.StartsWith("courses[") ? "courses" : e.Field), e.Message);
            return Page();
        }
        TempData["Flash"] = "บันทึกรายละเอียดโครงการแล้ว";
        return Redirect($"/projects/{id}");
    }

    public async Task<IActionResult> OnPostActivitiesAsync(Guid id)
    {
        Sent = "activities";
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var errors = new List<FieldError>();
        var rows = new List<int>();
        var input = new List<ActivityInput?>();
        for (var i = 0; i < Activities.Count; i++)
        {
            var a = Activities[i];
            if (string.IsNullOrWhiteSpace(a.Name) && string.IsNullOrWhiteSpace(a.StartDate) && string.IsNullOrWhiteSpace(a.EndDate)) continue;
            var k = input.Count;
            rows.Add(i);
            input.Add(new ActivityInput(a.Name, Date(a.StartDate, $"[{k}].startDate", errors), Date(a.EndDate, $"[{k}].endDate", errors), Date(a.DoneOn, $"[{k}].doneOn", errors), a.Note));
        }
        // An unreadable date refuses the whole list, as the use case's own checks do: nothing is saved.
        var outcome = errors.Count > 0 ? Outcome<PlanProject>.Invalid(errors) : await save.SaveActivitiesAsync(Project, input);
        if (!outcome.Succeeded)
        {
            outcome.CopyRowsTo(ModelState, nameof(Activities), rows);
            return Page();
        }
        TempData["Flash"] = "บันทึกกิจกรรมแล้ว";
        return Redirect($"/projects/{id}#activities");
    }

    public async Task<IActionResult> OnPostMoneyAsync(Guid id)
    {
        Sent = "money";
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var months = BudgetRules.Months(Project.FiscalYear);
        var categories = Enum.GetValues<BudgetCategory>();
        // The grid replaces the year's money whole: a post without all its months (not this page's form) would erase the rest.
        if (Money.Count != months.Count)
        {
            ModelState.AddModelError("", "ฟอร์มการเบิกจ่ายไม่ครบ 12 เดือน กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง");
            Money = [];
            return Page();
        }
        var errors = new List<FieldError>();
        var rows = new List<DisbursementInput?>();
        var cells = new List<(int Month, int Category)>();
        for (var m = 0; m < months.Count; m++)
        {
            var row = m < Money.Count ? Money[m] : new MoneyRow();
            var key = BudgetRules.Key(months[m]);
            var note = Checks.Clean(row.Note);
            // A note left as shown keeps each category's own; a changed one is the month's for all of them.
            var keepNotes = note == MonthNote(key);
            var any = false;
            for (var c = 0; c < categories.Length; c++)
            {
                var committed = Amount(row.Committed.ElementAtOrDefault(c), $"Money[{m}].Committed[{c}]", errors);
                var disbursed = Amount(row.Disbursed.ElementAtOrDefault(c), $"Money[{m}].Disbursed[{c}]", errors);
                if ((committed ?? 0) == 0 && (disbursed ?? 0) == 0) continue;
                var saved = Budget.Rows.FirstOrDefault(r => r.Month == key && r.Category == categories[c]);
                rows.Add(new DisbursementInput(key, categories[c].ToString(), committed, disbursed, keepNotes ? saved?.Note : note));
                cells.Add((m, c));
                any = true;
            }
            if (!any && note is not null) errors.Add(new($"Money[{m}].Note", "ระบุหมายเหตุได้เมื่อมียอดผูกพันหรือเบิกจ่ายในเดือนนั้น"));
        }
        var outcome = errors.Count > 0 ? Outcome<PlanProject>.Invalid(errors) : await budget.SaveDisbursementsAsync(Project, new DisbursementsInput(rows, MoneyVersion));
        if (!outcome.Succeeded)
        {
            foreach (var e in outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []))
                ModelState.AddModelError(MoneyKey(e.Field, cells), e.Message);
            return Page();
        }
        TempData["Flash"] = "บันทึกการผูกพันและเบิกจ่ายแล้ว";
        return Redirect($"/projects/{id}#disbursements");
    }

    /// <summary>The grid as saved (also after another form on the page was refused, so the grid never shows empty).</summary>
    public void FillMoney()
    {
        var categories = Enum.GetValues<BudgetCategory>();
        Money = [.. BudgetRules.Months(Project.FiscalYear).Select(BudgetRules.Key).Select(month =>
        {
            var rows = categories.Select(c => Budget.Rows.FirstOrDefault(r => r.Month == month && r.Category == c)).ToList();
            return new MoneyRow
            {
                Committed = [.. rows.Select(r => r is { Committed: > 0 } ? r.Committed.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : null)],
                Disbursed = [.. rows.Select(r => r is { Disbursed: > 0 } ? r.Disbursed.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : null)],
                Note = MonthNote(month),
            };
        })];
        MoneyVersion = Project.Version;
    }

    /// <summary>The notes of a month's rows as the grid shows them.</summary>
    public string? MonthNote(string month) =>
        string.Join(" · ", Budget.Rows.Where(r => r.Month == month && r.Note is not null).Select(r => r.Note).Distinct()) is { Length: > 0 } text ? text : null;

    /// <summary>"rows[3].disbursed" (the fourth row sent) → the grid's box it came from; "totals.operations" → under the column's total.</summary>
    private static string MoneyKey(string field, List<(int Month, int Category)> cells)
    {
        if (field.StartsWith("Money[")) return field; // the page's own (an unreadable amount) are named by their box already
        if (field.StartsWith("totals.")) return "MoneyTotals." + field[7..];
        if (field.StartsWith("rows[") && field.IndexOf(']') is var close and > 5 && int.TryParse(field[5..close], out var k) && k < cells.Count)
        {
            var (m, c) = cells[k];
            return field[(close + 1)..] switch
            {
                ".committed" => $"Money[{m}].Committed[{c}]",
                ".disbursed" => $"Money[{m}].Disbursed[{c}]",
                ".note" => $"Money[{m}].Note",
                _ => "",
            };
        }
        return "";
    }

    private static decimal? Amount(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Replace(",", "").Trim(), System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var amount)) return amount;
        errors.Add(new(field, $"\"{text}\" ไม่ใช่จำนวนเงินที่อ่านได้ — ใช้ตัวเลข เช่น 12500 หรือ 12,500.50"));
        return null;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return false;
        Project = project;
        Plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == project.PlanId, ct);
        Strategy = await db.PlanStrategies.FirstAsync(s => s.Id == project.StrategyId, ct);
        Divisions = (await db.Divisions.AsNoTracking().Where(d => d.AreaId == project.AreaId).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .OrderBy(d => d.Name, ThaiText.Comparer).Select(d => (d.Id, d.Name)).ToList();
        CourseOptions = (await db.Courses.AsNoTracking().Where(c => c.AreaId == project.AreaId).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct))
            .OrderBy(c => c.Code).Select(c => (c.Id, c.Code, c.Name)).ToList();
        Saved = await db.ProjectActivities.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.StartDate).ThenBy(a => a.Name).ToListAsync(ct);
        Today = ThaiDate.TodayInThailand(time);
        Budget = await view.ProjectAsync(project, ct);
        return true;
    }

    private void Fill()
    {
        var p = Project;
        Details = new DetailsForm
        {
            Name = p.Name, FiscalYear = p.FiscalYear, Objectives = p.Objectives, Methods = p.Methods, TargetGroup = p.TargetGroup, Division = p.DivisionId?.ToString(),
            ResponsiblePerson = p.ResponsiblePerson, StartDate = p.StartDate is { } s ? ThaiDate.Numeric(s) : null, EndDate = p.EndDate is { } e ? ThaiDate.Numeric(e) : null,
            Status = p.Status.ToString(), Personnel = p.BudgetPersonnel, Operations = p.BudgetOperations, Investment = p.BudgetInvestment, Subsidy = p.BudgetSubsidy,
            Other = p.BudgetOther, ActNotes = p.ActNotes, Version = p.Version,
            Courses = db.ProjectCourses.AsNoTracking().Where(c => c.ProjectId == p.Id).Select(c => c.CourseId.ToString()).ToList(),
        };
        FillMoney();
        Activities = Saved.Select(a => new ActivityRow
        {
            Name = a.Name, StartDate = ThaiDate.Numeric(a.StartDate), EndDate = ThaiDate.Numeric(a.EndDate), DoneOn = a.DoneOn is { } d ? ThaiDate.Numeric(d) : null, Note = a.Note,
        }).ToList();
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"\"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 15/01/2570"));
        return null;
    }
}
