using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.DataQuality;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment;

/// <summary>A headline number of a linked report (e.g. ผ่าน 12 คน).</summary>
public sealed record Figure(string Key, string Label, decimal Value, int Decimals = 0);

public sealed record FigureColumn(string Key, string Header, CellKind Kind);

/// <summary>A table of a linked report; cells as shown, numbers in invariant form and dates as ISO so a snapshot reads back the same.</summary>
public sealed record FigureTable(string Title, IReadOnlyList<FigureColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// What a linked report shows: its title, notes (the year, the criteria used), headline numbers and tables. The live view
/// and the snapshot frozen at submission are the same shape — the snapshot is this serialised — so both render alike.
/// <see cref="Problem"/> says why there are no figures (e.g. no student counts for the year any more).
/// </summary>
public sealed record EvidenceFigures(string Report, string Title, IReadOnlyList<string> Notes, IReadOnlyList<Figure> Headlines,
    IReadOnlyList<FigureTable> Tables, string? Problem = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static EvidenceFigures? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<EvidenceFigures>(json, Json);

    public Figure? Headline(string key) => Headlines.FirstOrDefault(h => h.Key == key);

    public static string Cell(long value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Cell(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    public static string Cell(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A report's parameters as stored on the evidence: "fiscalYear=2568" (several joined by '&amp;').</summary>
public static class EvidenceParameters
{
    public static IReadOnlyDictionary<string, string> Parse(string? text) =>
        (text ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);

    public static string Format(params (string Key, object Value)[] values) =>
        string.Join('&', values.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"));
}

/// <summary>
/// One of the system's reports that a round may link as evidence. It names its parameter, checks it, builds its figures
/// live, and (as the round's snapshotter) freezes them when the round is submitted. Adding a kind is one subclass and one
/// line in FeatureExtensions.
/// </summary>
public abstract class EvidenceReport : IEvidenceSnapshotter
{
    /// <summary>"training-summary".</summary>
    public abstract string Kind { get; }
    /// <summary>The report's Thai name.</summary>
    public abstract string Name { get; }
    /// <summary>The parameter the report takes ("fiscalYear"), or null.</summary>
    public abstract string? Parameter { get; }
    /// <summary>The parameter's Thai label ("ปีงบประมาณ").</summary>
    public abstract string? ParameterLabel { get; }

    public bool Handles(string? report) => report == Kind;

    /// <summary>The parameters as stored, or 422s on "parameters.year"; <paramref name="value"/> is the year (or the one parameter) given.</summary>
    public abstract Task<Outcome<string>> ParametersAsync(AssessmentRound round, string? value, CancellationToken ct);

    /// <summary>The default title of a link with these parameters.</summary>
    public string Title(string? parameters) =>
        Parameter is { } p && EvidenceParameters.Parse(parameters).TryGetValue(p, out var v) ? $"{Name} {ParameterLabel} {v}" : Name;

    public abstract Task<EvidenceFigures> BuildAsync(AssessmentRound round, string? parameters, CancellationToken ct);

    public async Task<string> SnapshotAsync(AssessmentRound round, Evidence evidence, CancellationToken ct) =>
        (await BuildAsync(round, evidence.Parameters, ct)).Serialize();

    protected int? Year(string? parameters) =>
        Parameter is { } p && EvidenceParameters.Parse(parameters).TryGetValue(p, out var v) && int.TryParse(v, out var y) ? y : null;

    protected Outcome<string> YearParameter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Outcome<string>.Invalid([new(Field, $"กรุณาระบุ{ParameterLabel}ของรายงาน (parameters.year)")]);
        if (!SchoolCalendar.TryReadYear(value, out var year)) return Outcome<string>.Invalid([SchoolCalendar.BadYear(Field, ParameterLabel!, value)]);
        return Outcome<string>.Ok(EvidenceParameters.Format((Parameter!, year)));
    }

    public const string Field = "parameters.year";

    protected EvidenceFigures Missing(string parameters, string problem) => new(Kind, Title(parameters), [], [], [], problem);
}

/// <summary>สรุปผลการพัฒนาครูและบุคลากรทางการศึกษา of a fiscal year (the pinned training summary): sessions, enrolled, passed.</summary>
public sealed class TrainingSummaryEvidence(AppDbContext db) : EvidenceReport
{
    public override string Kind => "training-summary";
    public override string Name => "สรุปผลการพัฒนาครูและบุคลากรทางการศึกษา";
    public override string? Parameter => "fiscalYear";
    public override string? ParameterLabel => "ปีงบประมาณ";

    public override Task<Outcome<string>> ParametersAsync(AssessmentRound round, string? value, CancellationToken ct) => Task.FromResult(YearParameter(value));

    public override async Task<EvidenceFigures> BuildAsync(AssessmentRound round, string? parameters, CancellationToken ct)
    {
        if (Year(parameters) is not { } year) return Missing(parameters ?? "", "ไม่ได้ระบุปีงบประมาณ");
        var rows = await TrainingApi.SummaryAsync(db, round.AreaId, year, ct);
        var enrolled = rows.Sum(r => r.Enrolled);
        var passed = rows.Sum(r => r.Passed);
        var percent = enrolled == 0 ? 0m : Math.Round(passed * 100m / enrolled, 2, MidpointRounding.AwayFromZero);
        return new EvidenceFigures(Kind, Title(parameters), [$"ปีงบประมาณ {year}", "ผู้เข้ารับการพัฒนา = ผู้ที่ได้ที่นั่ง (ไม่นับรอที่ว่างและยกเลิก)"],
            [new("sessions", "จำนวนรุ่น", rows.Count), new("enrolled", "ผู้เข้ารับการพัฒนา (คน)", enrolled), new("passed", "ผ่านการพัฒนา (คน)", passed),
             new("passedPercent", "ร้อยละที่ผ่าน", percent, 2)],
            [new FigureTable(TrainingApi.SummaryTable.Title,
                [new("course", "หลักสูตร", CellKind.Text), new("session", "รุ่น", CellKind.Text), new("startDate", "วันที่เริ่ม", CellKind.Date),
                 new("endDate", "วันที่สิ้นสุด", CellKind.Date), new("venue", "สถานที่", CellKind.Text), new("method", "รูปแบบ", CellKind.Text),
                 new("enrolled", "ผู้เข้ารับการพัฒนา", CellKind.Number), new("passed", "ผ่าน", CellKind.Number), new("passedPercent", "ร้อยละ", CellKind.Decimal)],
                rows.Select(r => (IReadOnlyList<string?>)[r.Course, r.Session, EvidenceFigures.Cell(r.StartDate), EvidenceFigures.Cell(r.EndDate), r.Venue,
                    TrainingText.Label(r.Method), EvidenceFigures.Cell(r.Enrolled), EvidenceFigures.Cell(r.Passed), EvidenceFigures.Cell(r.PassedPercent)]).ToList())]);
    }
}

/// <summary>อัตรากำลังตามเกณฑ์ of the area for an academic year: the summary (API.md) and every school's requirement against its register.</summary>
public sealed class ManpowerEvidence(AppDbContext db) : EvidenceReport
{
    public override string Kind => "manpower";
    public override string Name => "สรุปอัตรากำลังครูตามเกณฑ์ของเขตพื้นที่";
    public override string? Parameter => "academicYear";
    public override string? ParameterLabel => "ปีการศึกษา";

    public override async Task<Outcome<string>> ParametersAsync(AssessmentRound round, string? value, CancellationToken ct)
    {
        var basic = YearParameter(value);
        if (!basic.Succeeded) return basic;
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == round.AreaId, ct);
        var year = await ManpowerCalculation.YearAsync(db, area, value, ct);
        return year.Succeeded ? basic : Outcome<string>.Invalid(year.Errors.Select(e => e with { Field = Field }).ToList());
    }

    public override async Task<EvidenceFigures> BuildAsync(AssessmentRound round, string? parameters, CancellationToken ct)
    {
        if (Year(parameters) is not { } year) return Missing(parameters ?? "", "ไม่ได้ระบุปีการศึกษา");
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == round.AreaId, ct);
        var outcome = await ManpowerCalculation.ForAreaAsync(db, area, year.ToString(CultureInfo.InvariantCulture), ct);
        if (!outcome.Succeeded) return Missing(parameters!, outcome.Errors.FirstOrDefault()?.Message ?? "คำนวณอัตรากำลังไม่ได้");
        var result = outcome.Value!;
        var s = ManpowerSummary.Of(result.Schools);
        return new EvidenceFigures(Kind, Title(parameters), [$"ปีการศึกษา {year}", $"เกณฑ์ที่ใช้: {result.RuleSet.Name}"],
            [new("schools", "โรงเรียนที่คำนวณ", s.Schools), new("requiredPosts", "อัตราตามเกณฑ์", s.RequiredPosts), new("actualPosts", "อัตราที่มี (จ.18)", s.ActualPosts),
             new("shortageSchools", "โรงเรียนที่ขาดเกณฑ์", s.ShortageSchools), new("shortagePosts", "อัตราที่ขาด", s.ShortagePosts),
             new("surplusSchools", "โรงเรียนที่เกินเกณฑ์", s.SurplusSchools), new("surplusPosts", "อัตราที่เกิน", s.SurplusPosts),
             new("exactSchools", "โรงเรียนที่พอดีเกณฑ์", s.ExactSchools), new("netSurplus", "เกิน (+) / ขาด (−) สุทธิ", s.NetSurplus),
             new("netSurplusPercent", "ร้อยละสุทธิ", s.NetSurplusPercent, 2)],
            [new FigureTable("อัตรากำลังรายสถานศึกษา",
                [new("school", "รหัส", CellKind.Text), new("name", "สถานศึกษา", CellKind.Text), new("students", "นักเรียน", CellKind.Number),
                 new("classrooms", "ห้องเรียนตามเกณฑ์", CellKind.Number), new("required", "ตามเกณฑ์ (ครู+ผบ.)", CellKind.Number),
                 new("actual", "ที่มี จ.18 (ครู+ผบ.)", CellKind.Number), new("difference", "ต่าง (+ เกิน / − ขาด)", CellKind.Number), new("status", "สภาพ", CellKind.Text)],
                result.Schools.OrderBy(x => x.School.Code, StringComparer.Ordinal)
                    .Select(x => (IReadOnlyList<string?>)[x.School.Code, x.School.Name, EvidenceFigures.Cell(x.Requirement.Students), EvidenceFigures.Cell(x.Requirement.Classrooms),
                        EvidenceFigures.Cell(x.Required), EvidenceFigures.Cell(x.Actual), EvidenceFigures.Cell(x.Difference), ManpowerText.Label(x.Status)]).ToList())]);
    }
}

/// <summary>คุณภาพข้อมูลสารสนเทศ of the area as of the day: completeness, wrong or conflicting records, and how current each school is.</summary>
public sealed class DataQualityEvidence(DataQualityChecks checks) : EvidenceReport
{
    public override string Kind => "data-quality";
    public override string Name => "คุณภาพข้อมูลสารสนเทศของเขตพื้นที่";
    public override string? Parameter => "days";
    public override string? ParameterLabel => "ไม่ได้ปรับปรุงเกิน (วัน)";

    /// <summary>Takes the days after which a school's data counts as not current (90 when not given).</summary>
    public override Task<Outcome<string>> ParametersAsync(AssessmentRound round, string? value, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value)) return Task.FromResult(Outcome<string>.Ok(EvidenceParameters.Format(("days", DataQualityChecks.DefaultStaleDays))));
        return Task.FromResult(int.TryParse(value, out var days) && days is >= 1 and <= 3650
            ? Outcome<string>.Ok(EvidenceParameters.Format(("days", days)))
            : Outcome<string>.Invalid([new("parameters.days", "จำนวนวันต้องอยู่ระหว่าง 1 ถึง 3,650")]));
    }

    public override async Task<EvidenceFigures> BuildAsync(AssessmentRound round, string? parameters, CancellationToken ct)
    {
        var days = Year(parameters) ?? DataQualityChecks.DefaultStaleDays;
        var r = await checks.RunAsync(round.AreaId, days, ct);
        return new EvidenceFigures(Kind, Name, [$"ข้อมูล ณ {ThaiDate.Long(r.Today)}", $"ไม่ได้ปรับปรุงเกิน {days} วันถือว่าไม่เป็นปัจจุบัน"],
            [new("people", "บุคลากร (คน)", r.People), new("completenessPercent", "ความครบถ้วนทั้งเขต (ร้อยละ)", r.CompletenessPercent, 2),
             .. DataQualityChecks.Kinds.Select(k => new Figure(k.Key, k.Label, r.Count(k.Key)))],
            [new FigureTable(DataQualityApi.Table.Title,
                [new("school", "รหัสสถานศึกษา", CellKind.Text), new("name", "สถานศึกษา", CellKind.Text), new("people", "บุคลากร", CellKind.Number),
                 new("completenessPercent", "ครบถ้วน (%)", CellKind.Decimal), new("problems", "ผิด/ขัดแย้ง", CellKind.Number), new("posts", "อัตรา (จ.18)", CellKind.Number),
                 new("studentCounts", "นักเรียนปีนี้", CellKind.Text), new("daysSinceUpdate", "ไม่ได้ปรับปรุง (วัน)", CellKind.Number)],
                r.Schools.OrderBy(s => s.Code, StringComparer.Ordinal)
                    .Select(s => (IReadOnlyList<string?>)[s.Code, s.Name, EvidenceFigures.Cell(s.People), EvidenceFigures.Cell(s.CompletenessPercent),
                        EvidenceFigures.Cell(s.Problems), EvidenceFigures.Cell(s.Posts), s.HasStudentCounts ? "มี" : "ไม่มี",
                        s.DaysSinceUpdate is { } d ? EvidenceFigures.Cell(d) : null]).ToList())]);
    }
}

/// <summary>
/// ผลการดำเนินงานตามแผนพัฒนา of a fiscal year: every plan of the area covering the year, its KPIs' target against actual with
/// the light (a bound KPI computed from the system's own data, an entered one as last entered), and the year's projects
/// with their activities done and late — the plan's progress as the plan page shows it.
/// </summary>
public sealed class PlanProgressEvidence(AppDbContext db, Plans.PlanView plans) : EvidenceReport
{
    public override string Kind => "plan-progress";
    public override string Name => "ผลการดำเนินงานตามแผนพัฒนาของเขตพื้นที่";
    public override string? Parameter => "fiscalYear";
    public override string? ParameterLabel => "ปีงบประมาณ";

    public override Task<Outcome<string>> ParametersAsync(AssessmentRound round, string? value, CancellationToken ct) => Task.FromResult(YearParameter(value));

    public override async Task<EvidenceFigures> BuildAsync(AssessmentRound round, string? parameters, CancellationToken ct)
    {
        if (Year(parameters) is not { } year) return Missing(parameters ?? "", "ไม่ได้ระบุปีงบประมาณ");
        var covering = await db.DevelopmentPlans.AsNoTracking()
            .Where(p => p.AreaId == round.AreaId && p.StartFiscalYear <= year && p.EndFiscalYear >= year).ToListAsync(ct);
        var views = new List<Plans.PlanDto>();
        foreach (var plan in covering.OrderBy(p => p.StartFiscalYear).ThenBy(p => p.Name, ThaiText.Comparer)) views.Add(await plans.BuildAsync(plan, ct));

        var kpis = views.SelectMany(p => p.Kpis.Select(k => (Plan: p, Kpi: k, Year: k.Years.Single(y => y.FiscalYear == year))))
            .Where(x => x.Year.Target is not null).ToList();
        var projects = views.SelectMany(p => p.Projects.Where(x => x.FiscalYear == year).Select(x => (Plan: p, Project: x))).ToList();
        int Lights(Plans.TrafficLight light) => kpis.Count(k => k.Year.Light == light);
        string Amount(decimal? v) => v is { } d ? EvidenceFigures.Cell(d) : "";

        return new EvidenceFigures(Kind, Title(parameters),
            [$"ปีงบประมาณ {year}", $"แผนที่ครอบคลุมปีนี้ {views.Count} แผน",
             $"เขียว = ได้ตามเป้าหมาย, เหลือง = ร้อยละ {Plans.KpiRules.CloseFrom:0} ขึ้นไปของเป้าหมาย, แดง = ต่ำกว่านั้น; ตัวชี้วัดที่ผูกกับข้อมูลในระบบคำนวณจากข้อมูลจริง"],
            [new("plans", "แผน", views.Count), new("kpis", "ตัวชี้วัดที่มีเป้าหมายปีนี้", kpis.Count),
             new("green", "ได้ตามเป้าหมาย", Lights(Plans.TrafficLight.Green)), new("amber", "ใกล้เป้าหมาย", Lights(Plans.TrafficLight.Amber)),
             new("red", "ต่ำกว่าเป้าหมาย", Lights(Plans.TrafficLight.Red)), new("noData", "ยังไม่มีผล", Lights(Plans.TrafficLight.None)),
             new("projects", "โครงการของปี", projects.Count), new("completed", "โครงการที่เสร็จแล้ว", projects.Count(p => p.Project.Status == Plans.ProjectStatus.Completed)),
             new("late", "โครงการที่มีกิจกรรมล่าช้า", projects.Count(p => p.Project.ActivitiesLate > 0))],
            [new FigureTable("ผลตามตัวชี้วัด",
                [new("plan", "แผน", CellKind.Text), new("kpi", "ตัวชี้วัด", CellKind.Text), new("unit", "หน่วย", CellKind.Text), new("source", "ที่มาของผล", CellKind.Text),
                 new("target", "เป้าหมาย", CellKind.Decimal), new("actual", "ผล", CellKind.Decimal), new("achievement", "ร้อยละของเป้าหมาย", CellKind.Decimal),
                 new("light", "สถานะ", CellKind.Text)],
                kpis.Select(k => (IReadOnlyList<string?>)[k.Plan.Name, k.Kpi.Name, Plans.PlansText.Label(k.Kpi.Unit), k.Kpi.MetricName ?? "กรอกผลรายรอบ",
                    Amount(k.Year.Target), Amount(k.Year.Actual), Amount(k.Year.Achievement), Plans.PlansText.Label(k.Year.Light)]).ToList()),
             new FigureTable("โครงการของปีงบประมาณ",
                [new("plan", "แผน", CellKind.Text), new("project", "โครงการ", CellKind.Text), new("status", "สถานะ", CellKind.Text),
                 new("activities", "กิจกรรม", CellKind.Number), new("done", "เสร็จแล้ว", CellKind.Number), new("late", "ล่าช้า", CellKind.Number),
                 new("budget", "งบประมาณ (บาท)", CellKind.Decimal), new("disbursed", "เบิกจ่ายแล้ว (บาท)", CellKind.Decimal)],
                projects.Select(p => (IReadOnlyList<string?>)[p.Plan.Name, p.Project.Name, Plans.PlansText.Label(p.Project.Status),
                    EvidenceFigures.Cell(p.Project.Activities), EvidenceFigures.Cell(p.Project.ActivitiesDone), EvidenceFigures.Cell(p.Project.ActivitiesLate),
                    EvidenceFigures.Cell(p.Project.Budget), EvidenceFigures.Cell(p.Project.Disbursed)]).ToList())]);
    }
}
