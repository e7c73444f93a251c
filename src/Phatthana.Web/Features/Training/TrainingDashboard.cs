using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Training;

/// <summary>
/// One line of the development dashboard (a school, a position, a subject area, or "รวม"): the hours of the people whose
/// development counts, and the results of every seat (ลงทะเบียนแล้ว) in sessions starting in the fiscal year.
/// </summary>
public sealed record DevelopmentRow(string Label, string? SchoolCode, int People, decimal Hours, int Meeting, int Enrolled, int Attended, int Passed)
{
    public decimal? AverageHours => People == 0 ? null : Percent(Hours, People, 1);
    public decimal? MeetingPercent => People == 0 ? null : Percent(Meeting, People, 100);
    /// <summary>ผ่าน ÷ ผู้เข้ารับการพัฒนา (ได้ที่นั่ง), as the year's summary counts it.</summary>
    public decimal? PassPercent => Enrolled == 0 ? null : Percent(Passed, Enrolled, 100);

    private static decimal Percent(decimal part, int whole, int scale) => Math.Round(part * scale / whole, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The area's (or one school's) development in a fiscal year: the whole, and by school, by position and by subject area.</summary>
public sealed record DevelopmentDashboard(int FiscalYear, decimal Required, DevelopmentRow Total, IReadOnlyList<DevelopmentRow> Schools,
    IReadOnlyList<DevelopmentRow> Positions, IReadOnlyList<DevelopmentRow> Subjects)
{
    public const string Title = "ภาพรวมการพัฒนาครูและบุคลากรทางการศึกษา";
    public const string Unspecified = "ไม่ระบุ";
    /// <summary>People with no school are the area office's own staff.</summary>
    public const string NoSchool = "ไม่ระบุสถานศึกษา (สำนักงานเขตพื้นที่)";
    public const string Note = "ชั่วโมงการพัฒนานับเฉพาะข้าราชการครูและบุคลากรทางการศึกษาที่ปฏิบัติงานอยู่ (ไม่รวมครูอัตราจ้างและพนักงานราชการ); " +
                               "ผลการอบรมนับทุกคนที่ได้ที่นั่งในรุ่นที่เริ่มในปีงบประมาณ · ร้อยละผ่าน = ผ่าน ÷ ผู้เข้ารับการพัฒนา";

    private sealed record Fact(string? SchoolCode, string? School, Position Position, SubjectArea? Major);

    /// <summary>The seats of one person in the year, counted in the database: all, attended, passed.</summary>
    private sealed record Seat(Guid PersonId, int Enrolled, int Attended, int Passed);

    /// <summary>
    /// The figures as far as the caller sees them: the hours as <see cref="TrainingLedger.HoursAsync"/> counts them (the
    /// people whose development counts, attended seats and external completions); the seats are kept to the people the
    /// caller may see, so a director's dashboard holds only their school. The people are read once and the registrations
    /// are counted and their hours summed in the database, one line a person; <paramref name="settings"/> when the caller
    /// has read them already.
    /// </summary>
    public static async Task<DevelopmentDashboard> BuildAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? schoolId = null, CancellationToken ct = default,
        TrainingSettings? settings = null)
    {
        settings ??= await TrainingLedger.SettingsAsync(db, areaId, ct);
        var required = settings.RequiredHoursPerYear;
        var people = db.People.AsNoTracking().Where(p => p.AreaId == areaId);
        if (schoolId is { } s) people = people.Where(p => p.SchoolId == s);
        var counts = TrainingLedger.CountedPeople(db, areaId).Select(p => p.Id);
        var read = await people.Select(p => new { p.Id, p.SchoolId, p.Position, p.Major, Counts = counts.Contains(p.Id) }).ToListAsync(ct);
        var schoolNames = await TrainingLedger.SchoolsAsync(db, areaId, ct);
        var facts = read.ToDictionary(p => p.Id, p => p.SchoolId is { } id && schoolNames.TryGetValue(id, out var school)
            ? new Fact(school.Code, school.Name, p.Position, p.Major) : new Fact(null, null, p.Position, p.Major));
        var (start, end) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        // One line a person: their seats, attended and passed, and the hours of the attended ones (summed as Sums.Exact says);
        // the people the caller may see are kept here, from those read above, rather than joined once a registration.
        var seats = (await TrainingLedger.SeatsOfYear(db, areaId, start, end)
                .GroupBy(r => r.PersonId)
                .Select(g => new { PersonId = g.Key, Enrolled = g.Count(), Attended = g.Count(r => r.Attended), Passed = g.Count(r => r.Passed),
                    Hours = g.Sum(r => r.Attended ? (double)r.Hours : 0.0) })
                .ToListAsync(ct))
            .Where(g => facts.ContainsKey(g.PersonId)).ToList();
        var sessionHours = seats.ToDictionary(g => g.PersonId, g => Sums.Exact(g.Hours));
        var external = await TrainingLedger.ExternalHours(db.ExternalCompletions.AsNoTracking()
            .Where(e => e.AreaId == areaId && e.CompletedOn >= start && e.CompletedOn <= end && people.Any(p => p.Id == e.PersonId)), ct);
        var counted = read.Where(p => p.Counts).Select(p => (Hours: sessionHours.GetValueOrDefault(p.Id) + external.GetValueOrDefault(p.Id), Fact: facts[p.Id])).ToList();
        var seated = seats.Select(g => (Seat: new Seat(g.PersonId, g.Enrolled, g.Attended, g.Passed), Fact: facts[g.PersonId])).ToList();

        List<DevelopmentRow> By<TKey>(Func<Fact, TKey> key, Func<IEnumerable<TKey>, IEnumerable<TKey>> order, Func<TKey, string> label,
            Func<TKey, string?>? code = null)
        {
            var hoursOf = counted.ToLookup(c => key(c.Fact), c => c.Hours);
            var seatsOf = seated.ToLookup(x => key(x.Fact), x => x.Seat);
            return order(hoursOf.Select(g => g.Key).Concat(seatsOf.Select(g => g.Key)).Distinct())
                .Select(k => Row(label(k), code?.Invoke(k), hoursOf[k], seatsOf[k], required)).ToList();
        }

        // Schools by name, the area office's staff last; positions and subject areas in the order the registry lists them, "ไม่ระบุ" last.
        var schools = By(f => (f.SchoolCode, f.School), keys => keys.OrderBy(k => k.SchoolCode is null).ThenBy(k => k.School ?? "", ThaiText.Comparer),
            k => k.School ?? NoSchool, k => k.SchoolCode);
        var positions = By(f => f.Position, keys => keys.Order(), PT.Label);
        var subjects = By(f => f.Major, keys => keys.OrderBy(k => k is null).ThenBy(k => k), k => k is { } m ? PT.Label(m) : Unspecified);
        var total = Row("รวม", null, counted.Select(c => c.Hours), seated.Select(x => x.Seat), required);
        return new DevelopmentDashboard(fiscalYear, required, total, schools, positions, subjects);
    }

    private static DevelopmentRow Row(string label, string? schoolCode, IEnumerable<decimal> hours, IEnumerable<Seat> seats, decimal required)
    {
        var h = hours.ToList();
        var s = seats.ToList();
        return new DevelopmentRow(label, schoolCode, h.Count, h.Sum(), h.Count(x => x >= required),
            s.Sum(x => x.Enrolled), s.Sum(x => x.Attended), s.Sum(x => x.Passed));
    }

    /// <summary>A table of lines; on screen a school links to its own dashboard in the same fiscal year.</summary>
    public static TableSpec<DevelopmentRow> Table(string title, string first, int fiscalYear) => new(title,
        new TableColumn<DevelopmentRow>(first, r => r.Label, Link: r => r.SchoolCode is { } c ? $"?fiscalYear={fiscalYear}&school={c}" : null, Width: 34, Wrap: true),
        new TableColumn<DevelopmentRow>("บุคลากร (คน)", r => r.People, CellKind.Number, Width: 10),
        new TableColumn<DevelopmentRow>("ชั่วโมงรวม", r => r.Hours, CellKind.Decimal, Width: 12),
        new TableColumn<DevelopmentRow>("เฉลี่ยต่อคน", r => r.AverageHours, CellKind.Decimal, Width: 10),
        new TableColumn<DevelopmentRow>("ร้อยละถึงเกณฑ์", r => r.MeetingPercent, CellKind.Decimal, Width: 10),
        new TableColumn<DevelopmentRow>("ผู้เข้ารับการพัฒนา", r => r.Enrolled, CellKind.Number, Width: 11),
        new TableColumn<DevelopmentRow>("เข้าร่วม", r => r.Attended, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<DevelopmentRow>("ผ่าน", r => r.Passed, CellKind.Number, Width: 10),
        new TableColumn<DevelopmentRow>("ร้อยละผ่าน", r => r.PassPercent, CellKind.Decimal, Width: 10));

    /// <summary>Schools in the chart: all when few, else those furthest below the requirement (the table lists every school).</summary>
    public const int ChartedSchools = 10;

    /// <summary>The three breakdowns in the order the page and the files show them.</summary>
    public IReadOnlyList<(string Heading, TableSpec<DevelopmentRow> Spec, IReadOnlyList<DevelopmentRow> Rows, ChartSpec Chart)> Parts =>
    [
        Part("จำแนกตามสถานศึกษา", "สถานศึกษา", Schools, Schools.Count <= ChartedSchools
            ? Chart("ร้อยละถึงเกณฑ์ชั่วโมงและร้อยละผ่าน จำแนกตามสถานศึกษา", Schools, r => SchoolShort(r.Label))
            : Chart($"สถานศึกษาที่ร้อยละถึงเกณฑ์ชั่วโมงต่ำสุด {ChartedSchools} แห่ง",
                [.. Schools.Where(r => r.People > 0).OrderBy(r => r.MeetingPercent).ThenBy(r => r.Label, ThaiText.Comparer).Take(ChartedSchools)], r => SchoolShort(r.Label))),
        Part("จำแนกตามตำแหน่ง", "ตำแหน่ง", Positions, Chart("ร้อยละถึงเกณฑ์ชั่วโมงและร้อยละผ่าน จำแนกตามตำแหน่ง", Positions, r => ShortLabels.GetValueOrDefault(r.Label, r.Label))),
        Part("จำแนกตามกลุ่มสาระ (วิชาเอก)", "กลุ่มสาระ (วิชาเอก)", Subjects,
            Chart("ร้อยละถึงเกณฑ์ชั่วโมงและร้อยละผ่าน จำแนกตามกลุ่มสาระ (วิชาเอก)", Subjects, r => ShortLabels.GetValueOrDefault(r.Label, r.Label))),
    ];

    private (string, TableSpec<DevelopmentRow>, IReadOnlyList<DevelopmentRow>, ChartSpec) Part(string heading, string first, IReadOnlyList<DevelopmentRow> rows, ChartSpec chart) =>
        (heading, Table($"การพัฒนา{heading}", first, FiscalYear), rows, chart);

    /// <summary>
    /// The charts' category names, short enough to stand level under their bars (turned labels lose their ends below the
    /// axis); the tables keep the full names.
    /// </summary>
    private static readonly Dictionary<string, string> ShortLabels = new()
    {
        [PT.Label(Position.AssistantTeacher)] = "ครูผู้ช่วย", [PT.Label(Position.Teacher)] = "ครู", [PT.Label(Position.DeputyDirector)] = "รอง ผอ.",
        [PT.Label(Position.Director)] = "ผอ.", [PT.Label(Position.Supervisor)] = "ศน.", [PT.Label(Position.EducationalPersonnel)] = "38 ค.(2)",
        [PT.Label(Position.GovernmentEmployee)] = "พนง.ราชการ", [PT.Label(Position.ContractTeacher)] = "อัตราจ้าง",
        [PT.Label(SubjectArea.Thai)] = "ภาษาไทย", [PT.Label(SubjectArea.Mathematics)] = "คณิตฯ", [PT.Label(SubjectArea.Science)] = "วิทย์ฯ",
        [PT.Label(SubjectArea.SocialStudies)] = "สังคมฯ", [PT.Label(SubjectArea.HealthPE)] = "สุขศึกษาฯ", [PT.Label(SubjectArea.Arts)] = "ศิลปะ",
        [PT.Label(SubjectArea.CareerTech)] = "การงานฯ", [PT.Label(SubjectArea.ForeignLanguages)] = "ต่างประเทศ", [PT.Label(SubjectArea.EarlyChildhood)] = "ปฐมวัย",
        [PT.Label(SubjectArea.Guidance)] = "แนะแนว", [PT.Label(SubjectArea.SpecialEducation)] = "กศ.พิเศษ", [NoSchool] = "สพท.",
    };

    /// <summary>A school's name without "โรงเรียน", cut (on a whole character) when still long.</summary>
    private static string SchoolShort(string name)
    {
        if (ShortLabels.TryGetValue(name, out var known)) return known;
        var bare = name.StartsWith("โรงเรียน", StringComparison.Ordinal) ? name["โรงเรียน".Length..] : name;
        if (bare.Length <= 14) return bare;
        // Whole characters (a consonant with its vowels and tone marks) until 13 code units: the renderer measures those.
        var cut = new System.Text.StringBuilder();
        var parts = System.Globalization.StringInfo.GetTextElementEnumerator(bare);
        while (parts.MoveNext() && cut.Length + parts.GetTextElement().Length <= 13) cut.Append(parts.GetTextElement());
        return cut + "…";
    }

    /// <summary>A chart compares: one line (a director's own school) has nothing to compare with, and its table says it all.</summary>
    public static bool Charted(IReadOnlyList<DevelopmentRow> rows) => rows.Count > 1;

    /// <summary>Both series are percentages, so one axis serves them; wide enough that no category name has to turn.</summary>
    public static ChartSpec Chart(string title, IReadOnlyList<DevelopmentRow> rows, Func<DevelopmentRow, string> label)
    {
        var names = rows.Select(label).ToList();
        // The renderer turns a name longer than its share of the width (7.5 px a character); give each name its room.
        var width = Math.Max(720, (int)Math.Ceiling(80 + names.Count * (names.DefaultIfEmpty("").Max(n => n.Length) * 7.5 + 4)));
        return new(ChartKind.Bar, title, names,
        [
            new ChartSeries("ร้อยละถึงเกณฑ์ชั่วโมง", rows.Select(r => (double)(r.MeetingPercent ?? 0)).ToList(), "#1f5f8b"),
            new ChartSeries("ร้อยละผ่านการอบรม", rows.Select(r => (double)(r.PassPercent ?? 0)).ToList(), "#3a9d5d"),
        ]) { ValueAxis = "ร้อยละ", Width = width, Height = Math.Max(360, width / 2) };
    }

    /// <summary>The headline figures as lines of (item, value, unit) — the page's cards and the files' first table.</summary>
    public IReadOnlyList<(string Item, object? Value, string Unit)> Headlines =>
    [
        ("บุคลากรที่นับชั่วโมงการพัฒนา", Total.People, "คน"),
        ("ชั่วโมงการพัฒนารวม", Total.Hours, "ชั่วโมง"),
        ("ชั่วโมงการพัฒนาเฉลี่ยต่อคน", Total.AverageHours, "ชั่วโมง"),
        ($"ผู้มีชั่วโมงถึงเกณฑ์ {Required:#,0.##} ชั่วโมง", Total.Meeting, "คน"),
        ("ร้อยละผู้มีชั่วโมงถึงเกณฑ์", Total.MeetingPercent, "ร้อยละ"),
        ("ผู้เข้ารับการพัฒนา (ได้ที่นั่ง)", Total.Enrolled, "ที่นั่ง"),
        ("เข้าร่วม", Total.Attended, "ที่นั่ง"),
        ("ผ่าน", Total.Passed, "ที่นั่ง"),
        ("ร้อยละผ่าน", Total.PassPercent, "ร้อยละ"),
    ];

    /// <summary>The dashboard as one report: the headline table, then each breakdown's table (with its total) and chart.</summary>
    public async Task<Report> ReportAsync(HttpContext http, Area area, string subtitle, CancellationToken ct = default)
    {
        var thai = new[] { "๒", "๓", "๔" };
        List<ReportBlock> blocks =
        [
            new HeadingBlock("๑. ภาพรวม"),
            new TableBlock(new ReportTable("ตารางที่ ๑ ภาพรวม",
                [new("รายการ", CellKind.Text, 40, true), new("จำนวน", CellKind.Decimal, 14), new("หน่วย", CellKind.Text, 10)],
                Headlines.Select(h => new ReportRow([h.Item, h.Value, h.Unit])).ToList())),
        ];
        foreach (var ((heading, spec, rows, chart), i) in Parts.Select((p, i) => (p, i)))
        {
            blocks.Add(new HeadingBlock($"{thai[i]}. {heading}"));
            blocks.Add(new TableBlock(spec.ToReport(rows, $"ตารางที่ {thai[i]} {spec.Title}") with { Total = spec.ToReport([Total]).Rows[0] }));
            if (Charted(rows)) blocks.Add(new ChartBlock(chart));
        }
        blocks.Add(new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล")]));
        var report = await ReportResults.StartAsync(http, Title, area, $"training-dashboard-{area.Code}-{FiscalYear}", ct);
        return report with { Subtitles = [subtitle, Note], Orientation = PageOrientation.Landscape, Blocks = blocks };
    }
}
