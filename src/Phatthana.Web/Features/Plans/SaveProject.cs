using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record BudgetInput(decimal? Personnel, decimal? Operations, decimal? Investment, decimal? Subsidy, decimal? Other);

public sealed record ProjectInput(string? Name, int? FiscalYear, string? Objectives, string? Methods, string? TargetGroup, string? Division,
    string? ResponsiblePerson, DateOnly? StartDate, DateOnly? EndDate, string? Status, BudgetInput? Budget, List<string?>? Alignment,
    List<string?>? Courses, string? ActNotes, int? Version);

/// <summary>A project's PDCA in words: what checking found (C) and what changes (A).</summary>
public sealed record PdcaNotesInput(string? CheckNotes, string? ActNotes, int? Version);

public sealed record ActivityInput(string? Name, DateOnly? StartDate, DateOnly? EndDate, DateOnly? DoneOn, string? Note);

/// <summary>
/// A project of a strategy: in one fiscal year of its plan, dated inside that year, its budget by the five categories never
/// negative (nor below what has already been committed or disbursed in a category), its courses the area's own; and its
/// activities, replaced whole, dated inside the project's year.
/// </summary>
public sealed class SaveProject(AppDbContext db, SavePlan plans)
{
    public const decimal MaxBudget = 999_999_999_999m;

    public async Task<Outcome<PlanProject>> SaveAsync(DevelopmentPlan plan, PlanStrategy strategy, PlanProject? project, ProjectInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<PlanProject>.Invalid([new("", "กรุณาส่งรายละเอียดโครงการ")]);
        var checks = new Checks()
            .Text(input.Name, "name", "ชื่อโครงการ", DataSchema.TextLength)
            .Text(input.Objectives, "objectives", "วัตถุประสงค์", DataSchema.TextLength, required: false)
            .Text(input.Methods, "methods", "วิธีดำเนินการ", DataSchema.TextLength, required: false)
            .Text(input.TargetGroup, "targetGroup", "กลุ่มเป้าหมาย", DataSchema.TextLength, required: false)
            .Text(input.ResponsiblePerson, "responsiblePerson", "ผู้รับผิดชอบ", DataSchema.NameLength, required: false)
            .Text(input.ActNotes, "actNotes", "การปรับปรุง (Act)", DataSchema.TextLength, required: false);
        if (input.FiscalYear is not { } year) checks.Add("fiscalYear", "กรุณาระบุปีงบประมาณของโครงการ");
        else if (!plan.Covers(year)) checks.Add("fiscalYear", $"ปีงบประมาณ {year} อยู่นอกช่วงของแผน ({plan.StartFiscalYear}–{plan.EndFiscalYear})");
        else
        {
            var (first, last) = (SchoolCalendar.FiscalYearStart(year), SchoolCalendar.FiscalYearEnd(year));
            if (input.StartDate is { } s && (s < first || s > last)) checks.Add("startDate", $"วันเริ่มต้องอยู่ในปีงบประมาณ {year}");
            if (input.EndDate is { } e && (e < first || e > last)) checks.Add("endDate", $"วันสิ้นสุดต้องอยู่ในปีงบประมาณ {year}");
            if (input.StartDate is { } s2 && input.EndDate is { } e2 && e2 < s2) checks.Add("endDate", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
            // Money is entered by the months of the project's year: moving the year would leave it outside.
            if (project is not null && year != project.FiscalYear && await db.Disbursements.AnyAsync(d => d.ProjectId == project.Id, ct))
                checks.Add("fiscalYear", $"โครงการมีรายการผูกพันและเบิกจ่ายของปีงบประมาณ {project.FiscalYear} อยู่ — ลบรายการเหล่านั้นก่อนเปลี่ยนปีงบประมาณ");
        }
        var status = ProjectStatus.Planned;
        if (Checks.Clean(input.Status) is { } st && (!Enum.TryParse(st, out status) || !Enum.IsDefined(status) || int.TryParse(st, out _)))
            checks.Add("status", $"ไม่รู้จักสถานะ \"{st}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<ProjectStatus>())}");
        var budget = input.Budget ?? new BudgetInput(0, 0, 0, 0, 0);
        var amounts = new Dictionary<BudgetCategory, decimal>
        {
            [BudgetCategory.Personnel] = budget.Personnel ?? 0, [BudgetCategory.Operations] = budget.Operations ?? 0, [BudgetCategory.Investment] = budget.Investment ?? 0,
            [BudgetCategory.Subsidy] = budget.Subsidy ?? 0, [BudgetCategory.Other] = budget.Other ?? 0,
        };
        var spent = project is null ? [] : await db.Disbursements.AsNoTracking().Where(d => d.ProjectId == project.Id)
            .GroupBy(d => d.Category).Select(g => new { Category = g.Key, Used = g.Sum(d => d.Committed) + g.Sum(d => d.Disbursed) }).ToDictionaryAsync(x => x.Category, x => x.Used, ct);
        foreach (var (category, amount) in amounts)
        {
            var field = $"budget.{BudgetRules.Field(category)}";
            if (amount < 0) checks.Add(field, $"งบประมาณ{PlansText.Label(category)}ต้องไม่ติดลบ");
            else if (amount > MaxBudget) checks.Add(field, $"งบประมาณ{PlansText.Label(category)}มากเกินไป");
            else if (spent.GetValueOrDefault(category) is var used && used > amount)
                checks.Add(field, $"งบประมาณ{PlansText.Label(category)} {amount:#,0.00} บาท น้อยกว่าที่ผูกพันและเบิกจ่ายแล้ว {used:#,0.00} บาท");
        }
        Guid? division = null;
        if (Checks.Clean(input.Division) is { } d)
        {
            var divisions = db.Divisions.AsNoTracking().Where(x => x.AreaId == plan.AreaId);
            divisions = Guid.TryParse(d, out var id) ? divisions.Where(x => x.Id == id) : divisions.Where(x => x.Name == d);
            division = await divisions.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
            if (division is null) checks.Add("division", $"ไม่พบกลุ่มงาน \"{d}\" ในเขตพื้นที่");
        }
        var courses = new List<Guid>();
        foreach (var (c, i) in (input.Courses ?? []).Select((c, i) => (Checks.Clean(c), i)))
        {
            var query = db.Courses.AsNoTracking().Where(x => x.AreaId == plan.AreaId);
            query = Guid.TryParse(c, out var cid) ? query.Where(x => x.Id == cid) : query.Where(x => x.Code == c);
            if (await query.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct) is { } found) { if (!courses.Contains(found)) courses.Add(found); }
            else checks.Add($"courses[{i}]", $"ไม่พบหลักสูตร \"{c}\" ในเขตพื้นที่");
        }
        var alignment = await plans.AlignmentAsync(plan.AreaId, input.Alignment, checks, ct);
        if (!checks.IsValid) return Outcome<PlanProject>.Invalid([.. checks.Errors]);

        if (project is null)
        {
            project = new PlanProject { AreaId = plan.AreaId, PlanId = plan.Id, StrategyId = strategy.Id, Name = "" };
            db.PlanProjects.Add(project);
        }
        else if (input.Version is { } v) db.Entry(project).Property(x => x.Version).OriginalValue = v;
        project.Name = Checks.Clean(input.Name)!;
        project.FiscalYear = input.FiscalYear!.Value;
        (project.Objectives, project.Methods, project.TargetGroup) = (Checks.Clean(input.Objectives), Checks.Clean(input.Methods), Checks.Clean(input.TargetGroup));
        (project.DivisionId, project.ResponsiblePerson, project.ActNotes) = (division, Checks.Clean(input.ResponsiblePerson), Checks.Clean(input.ActNotes));
        (project.StartDate, project.EndDate, project.Status, project.Alignment) = (input.StartDate, input.EndDate, status, alignment);
        (project.BudgetPersonnel, project.BudgetOperations, project.BudgetInvestment, project.BudgetSubsidy, project.BudgetOther) =
            (amounts[BudgetCategory.Personnel], amounts[BudgetCategory.Operations], amounts[BudgetCategory.Investment], amounts[BudgetCategory.Subsidy], amounts[BudgetCategory.Other]);
        var linked = await db.ProjectCourses.Where(x => x.ProjectId == project.Id).ToListAsync(ct);
        db.ProjectCourses.RemoveRange(linked.Where(l => !courses.Contains(l.CourseId)));
        db.ProjectCourses.AddRange(courses.Where(c => linked.All(l => l.CourseId != c)).Select(c => new ProjectCourse { AreaId = plan.AreaId, ProjectId = project.Id, CourseId = c }));
        return await db.TrySaveAsync(project, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>Replaces the project's activities: each named, dated inside the project's fiscal year, done on a date not before it started.</summary>
    public async Task<Outcome<PlanProject>> SaveActivitiesAsync(PlanProject project, List<ActivityInput?>? input, CancellationToken ct = default)
    {
        var checks = new Checks();
        var (first, last) = (SchoolCalendar.FiscalYearStart(project.FiscalYear), SchoolCalendar.FiscalYearEnd(project.FiscalYear));
        var rows = input ?? [];
        if (rows.Count > 100) checks.Add("", "กิจกรรมได้ไม่เกิน 100 รายการต่อโครงการ");
        foreach (var (a, i) in rows.Select((a, i) => (a, i)))
        {
            var p = $"[{i}]";
            if (a is null) { checks.Add(p, "กิจกรรมว่าง"); continue; }
            checks.Text(a.Name, p + ".name", "ชื่อกิจกรรม", DataSchema.TextLength).Text(a.Note, p + ".note", "หมายเหตุ", DataSchema.TextLength, required: false);
            if (a.StartDate is not { } s) checks.Add(p + ".startDate", "กรุณาระบุวันเริ่มกิจกรรม");
            else if (s < first || s > last) checks.Add(p + ".startDate", $"วันเริ่มต้องอยู่ในปีงบประมาณ {project.FiscalYear}");
            if (a.EndDate is not { } e) checks.Add(p + ".endDate", "กรุณาระบุวันสิ้นสุดกิจกรรม");
            else if (e < first || e > last) checks.Add(p + ".endDate", $"วันสิ้นสุดต้องอยู่ในปีงบประมาณ {project.FiscalYear}");
            else if (a.StartDate is { } s2 && e < s2) checks.Add(p + ".endDate", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
            if (a.DoneOn is { } done && a.StartDate is { } s3 && done < s3) checks.Add(p + ".doneOn", "วันที่ดำเนินการเสร็จต้องไม่ก่อนวันเริ่ม");
        }
        if (!checks.IsValid) return Outcome<PlanProject>.Invalid([.. checks.Errors]);
        db.ProjectActivities.RemoveRange(await db.ProjectActivities.Where(x => x.ProjectId == project.Id).ToListAsync(ct));
        db.ProjectActivities.AddRange(rows.Select(a => new ProjectActivity
        {
            AreaId = project.AreaId, ProjectId = project.Id, Name = Checks.Clean(a!.Name)!, StartDate = a.StartDate!.Value, EndDate = a.EndDate!.Value,
            DoneOn = a.DoneOn, Note = Checks.Clean(a.Note),
        }));
        db.Entry(project).State = EntityState.Modified;
        return await db.TrySaveAsync(project, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>What checking the project found and what changes after it: each optional and at most a long text; a stale version is refused.</summary>
    public async Task<Outcome<PlanProject>> SaveNotesAsync(PlanProject project, PdcaNotesInput? input, CancellationToken ct = default)
    {
        if (input is null) return Outcome<PlanProject>.Invalid([new("", "กรุณาส่งผลการตรวจสอบและการปรับปรุงของโครงการ")]);
        var checks = new Checks()
            .Text(input.CheckNotes, "checkNotes", PdcaText.CheckNotes, DataSchema.TextLength, required: false)
            .Text(input.ActNotes, "actNotes", PdcaText.ActNotes, DataSchema.TextLength, required: false);
        if (!checks.IsValid) return Outcome<PlanProject>.Invalid([.. checks.Errors]);
        if (input.Version is { } v) db.Entry(project).Property(x => x.Version).OriginalValue = v;
        (project.CheckNotes, project.ActNotes) = (Checks.Clean(input.CheckNotes), Checks.Clean(input.ActNotes));
        return await db.TrySaveAsync(project, "", SaveOutcome.SimultaneousMessage, ct);
    }
}
