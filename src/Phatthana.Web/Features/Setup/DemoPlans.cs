using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Plans;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// The demo area's three-year teacher-development plan (last, this and next fiscal year), modelled on seed 004: strategy 2
/// (classroom research, STEM) and strategy 3 (TEPE Online for assistant teachers, PLC, ID Plans, the office's own staff,
/// training, seminars and study visits), each a project in last and this year (and two planned for next); KPIs with the
/// seed's targets, some bound to the live metrics and some with last year's half-year actuals entered; budgets by category,
/// activities done on time and some late, what last year's projects changed (Act), and alignment tags on the strategies.
/// Written through <see cref="SavePlan"/>, <see cref="SaveProject"/> and <see cref="SaveKpi"/>, as a person would; the dates
/// follow today, so last year is always complete and this year's activities are done up to today.
/// </summary>
public sealed partial class DemoPlans(AppDbContext db, SavePlan plans, SaveProject projects, SaveKpi kpis, TimeProvider time)
{
    public sealed record Result(DevelopmentPlan Plan, IReadOnlyList<PlanProject> Projects);

    public async Task<Result> SeedAsync(Area area, CancellationToken ct = default)
    {
        var today = ThaiDate.TodayInThailand(time);
        var year = SchoolCalendar.FiscalYearOf(today);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AlignmentTags.AddRange(Tags.Select(t => new AlignmentTag { AreaId = area.Id, Source = t.Source, Name = t.Name }));
        await db.SaveChangesAsync(ct);

        var plan = Must(await plans.CreateAsync(area, new PlanInput($"แผนพัฒนาครูและบุคลากรทางการศึกษา ระยะ 3 ปี (ปีงบประมาณ {year - 1}–{year + 1})",
            nameof(PlanKind.MultiYear), year - 1, year + 1, "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา — ยุทธศาสตร์ที่ 2 และ 3 ตามแผนพัฒนาครูฯ ระยะ 3 ปี", null), ct));
        var strategies = new Dictionary<int, PlanStrategy>();
        foreach (var s in Strategies)
            strategies[s.Number] = Must(await plans.SaveStrategyAsync(plan, null, new StrategyInput(s.Number, s.Name, [.. s.Alignment], null), ct));

        var saved = new List<PlanProject>();
        var byKey = new Dictionary<(string, int), PlanProject>();
        foreach (var p in Projects)
            foreach (var fiscalYear in new[] { year - 1, year, year + 1 }.Where(y => y <= year || p.NextYear))
            {
                var project = await ProjectAsync(plan, strategies[p.Strategy], p, fiscalYear, year, today, ct);
                saved.Add(project);
                byKey[(p.Key, fiscalYear)] = project;
            }

        foreach (var k in Kpis)
        {
            var project = k.Project is { } key ? byKey[(key, year - 1)] : null;
            var targets = k.Targets.Select((t, i) => (TargetInput?)new TargetInput(year - 1 + i, t)).Where(t => t!.Target is not null).ToList();
            var kpi = Must(await kpis.SaveAsync(plan, null, new KpiInput(k.Name, k.Unit.ToString(), null, k.Strategy.ToString(),
                project?.Id.ToString(), k.Metric, targets, k.Order, null), ct));
            foreach (var (half, value, note) in new[] { (1, k.LastYear.First, k.FirstNote), (2, k.LastYear.Second, k.Note) })
                if (value is { } v) Must(await kpis.RecordAsync(plan, kpi, year - 1, half, new ActualInput(v, note, k.Evidence), ct));
        }
        db.Disbursements.AddRange(saved.Where(p => p.FiscalYear <= year).SelectMany(p => Spending(p, today)));
        await db.SaveChangesAsync(ct);
        // The half-year results were entered by the area's planning staff.
        await db.KpiActuals.Where(a => a.AreaId == area.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.EnteredBy, DemoDevelopment.AreaStaff), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Result(plan, saved);
    }

    /// <summary>
    /// One project in one year: last year's completed (every activity done — on time, or a fortnight late where the seed says so)
    /// with what the office changed; this year's under way (done on time up to today, except the one left late); next year's planned.
    /// </summary>
    private async Task<PlanProject> ProjectAsync(DevelopmentPlan plan, PlanStrategy strategy, ProjectSeed p, int fiscalYear, int thisYear, DateOnly today,
        CancellationToken ct)
    {
        var start = SchoolCalendar.FiscalYearStart(fiscalYear);
        var (first, last) = (start.AddDays(p.Activities[0].From), start.AddDays(p.Activities[^1].To));
        var status = fiscalYear < thisYear ? ProjectStatus.Completed : fiscalYear > thisYear || first > today ? ProjectStatus.Planned : ProjectStatus.InProgress;
        var grow = 1m + (fiscalYear - thisYear + 1) * 0.05m;
        decimal Money(decimal amount) => Math.Round(amount * grow / 100m) * 100m;
        var input = new ProjectInput(p.Name, fiscalYear, p.Objectives, p.Methods, p.TargetGroup, p.Division, p.Responsible, first, last, status.ToString(),
            new BudgetInput(Money(p.Budget.Personnel), Money(p.Budget.Operations), Money(p.Budget.Investment), Money(p.Budget.Subsidy), Money(p.Budget.Other)),
            [.. p.Alignment], [.. p.Courses], null, null);
        var project = Must(await projects.SaveAsync(plan, strategy, null, input, ct));
        if (fiscalYear > thisYear) return project;
        if (fiscalYear < thisYear) project = Must(await projects.SaveNotesAsync(project, new PdcaNotesInput(p.Check, p.Act, null), ct));

        var activities = new List<ActivityInput?>();
        foreach (var (a, i) in p.Activities.Select((a, i) => (a, i)))
        {
            var (from, to) = (start.AddDays(a.From), start.AddDays(a.To));
            DateOnly? done = null;
            if (fiscalYear < thisYear) done = p.LateLastYear == i ? to.AddDays(14) : Within(to.AddDays(-(i % 3) - 1), from, to);
            // This year: what ended before today was done on time, but for the activity the seed leaves behind.
            else if (to < today && p.LateThisYear != i) done = Within(to.AddDays(-(i % 3) - 1), from, today);
            activities.Add(new ActivityInput(a.Name, from, to, done, done is { } d && d > to ? "ล่าช้าเนื่องจากเลื่อนกำหนดการอบรมตามปฏิทินของ สพฐ." : null));
        }
        return Must(await projects.SaveActivitiesAsync(project, activities, ct));
    }

    /// <summary>
    /// The money of a project of last year or this one, month by month in the categories it has a budget in: last year 85–97 %
    /// disbursed over its twelve months; this year the months before this one at the same pace, and this month's orders committed.
    /// </summary>
    private static IEnumerable<Disbursement> Spending(PlanProject p, DateOnly today)
    {
        var start = SchoolCalendar.FiscalYearStart(p.FiscalYear);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var share = 0.85m + (Math.Abs(p.Name.Length * 7 + p.FiscalYear) % 13) / 100m;
        foreach (var category in Enum.GetValues<BudgetCategory>().Where(c => p.Budget(c) > 0))
        {
            var monthly = Math.Floor(p.Budget(category) * share / 12m / 100m) * 100m;
            for (var m = 0; m < 12; m++)
            {
                var month = start.AddMonths(m);
                if (month > thisMonth) break;
                var current = month == thisMonth;
                yield return new Disbursement
                {
                    AreaId = p.AreaId, ProjectId = p.Id, Category = category, Month = month,
                    Committed = current ? monthly : 0, Disbursed = current ? 0 : monthly,
                    Note = m == 0 ? "เบิกจ่ายตามแผนการใช้จ่ายงบประมาณ" : null,
                };
            }
        }
    }

    /// <summary>A day done between the activity's start and the latest it can be (its end, or today).</summary>
    private static DateOnly Within(DateOnly wanted, DateOnly from, DateOnly latest) => wanted < from ? from : wanted > latest ? latest : wanted;

    private static T Must<T>(Shared.Validation.Outcome<T> outcome) => outcome.Succeeded ? outcome.Value!
        : throw new InvalidOperationException("Demo plan: " + string.Join("; ", outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []).Select(e => $"{e.Field}: {e.Message}")));
}
