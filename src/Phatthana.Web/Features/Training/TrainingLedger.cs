using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Training;

/// <summary>A person's development hours in a fiscal year against the area's requirement.</summary>
public sealed record PersonHours(Guid Id, string Name, string? SchoolCode, string? School, Position Position, decimal SessionHours, decimal ExternalHours,
    decimal Required)
{
    public decimal Hours => SessionHours + ExternalHours;
    public decimal Shortfall => Math.Max(0, Required - Hours);
}

/// <summary>A person's development coupon (คูปองพัฒนาครู) in a fiscal year.</summary>
public sealed record CouponPerson(Guid Id, string Name, string? SchoolCode, string? School, Position Position, decimal Allocated, decimal Spent)
{
    public decimal Remaining => Allocated - Spent;
}

/// <summary>A school's coupons in a fiscal year (a null school: the area office's own staff; "รวม": the whole area).</summary>
public sealed record CouponSchool(string? SchoolCode, string School, int People, int Spenders, decimal Allocated, decimal Spent)
{
    public decimal Remaining => Allocated - Spent;
    public decimal SpentPercent => Allocated == 0 ? 0 : Math.Round(Spent * 100m / Allocated, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One charge against a person's coupon: a course registered for with a fee, or an imported coupon course.</summary>
public sealed record CouponItem(string Title, string Source, DateOnly Date, decimal Cost);

/// <summary>
/// The hours and coupon books of an area: whose development counts (active civil servants — contract teachers and
/// government employees have neither the yearly requirement nor the coupon), how many hours each has in a fiscal year
/// (attended sessions at the hours entered, else the course's, plus external completions), and what their coupon has
/// paid for (registered seats in courses with a fee per person, and external completions from the coupon).
/// </summary>
public static class TrainingLedger
{
    public static bool Counts(Position p) => p is not (Position.ContractTeacher or Position.GovernmentEmployee);

    public static async Task<TrainingSettings> SettingsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        await db.TrainingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.AreaId == areaId, ct) ?? TrainingSettings.Defaults(areaId);

    private sealed record Holder(Guid Id, string Name, string? SchoolCode, string? School, Position Position);

    /// <summary>The people whose development counts (<see cref="Counts"/>, active), as a query the caller's filters apply to.</summary>
    public static IQueryable<Person> CountedPeople(AppDbContext db, Guid areaId) =>
        db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active
                                            && p.Position != Position.ContractTeacher && p.Position != Position.GovernmentEmployee);

    /// <summary>
    /// The area's schools by id (code and name), read apart from the people: joined to a country's people, PostgreSQL hashed
    /// all 30,253 schools to find an area's 120 (35 ms of a 47 ms statement), where this reads them by the area's index.
    /// </summary>
    public static Task<Dictionary<Guid, (string? Code, string? Name)>> SchoolsAsync(AppDbContext db, Guid areaId, CancellationToken ct) =>
        db.Schools.AsNoTracking().Where(s => s.AreaId == areaId).ToDictionaryAsync(s => s.Id, s => ((string?)s.Code, (string?)s.Name), ct);

    /// <summary>The people the books are kept for, as far as the caller sees them (a director: their school; a teacher: themself).</summary>
    private static async Task<List<Holder>> HoldersAsync(AppDbContext db, Guid areaId, Guid? schoolId, CancellationToken ct)
    {
        var query = CountedPeople(db, areaId);
        if (schoolId is { } s) query = query.Where(p => p.SchoolId == s);
        var rows = await query.Select(p => new { p.Id, p.Title, p.FirstName, p.LastName, p.SchoolId, p.Position }).ToListAsync(ct);
        var schools = await SchoolsAsync(db, areaId, ct);
        return rows.Select(p => (Row: p, School: p.SchoolId is { } id ? schools.GetValueOrDefault(id) : default))
            .Select(x => new Holder(x.Row.Id, $"{x.Row.Title}{x.Row.FirstName} {x.Row.LastName}", x.School.Code, x.School.Name, x.Row.Position))
            .OrderBy(p => p.School ?? "\uffff", ThaiText.Comparer).ThenBy(p => p.Name, ThaiText.Comparer).ToList();
    }

    /// <summary>A seat (registered, not waitlisted or cancelled) in a session of the area starting between the dates.</summary>
    /// <remarks>Set by member (not by constructor), so that EF can group and sum by its members in SQL.</remarks>
    public sealed class SeatLine
    {
        public Guid PersonId { get; init; }
        public bool Attended { get; init; }
        public bool Passed { get; init; }
        public decimal Hours { get; init; }
    }

    /// <summary>
    /// The seats in the area's sessions starting between the dates, with the hours they count (entered, else the course's),
    /// for the caller to group and sum in the database. From the sessions to their registrations (the index by session),
    /// joined by hand: a navigation inside a grouped sum becomes a subquery a group in EF's SQL.
    /// </summary>
    public static IQueryable<SeatLine> SeatsOfYear(AppDbContext db, Guid areaId, DateOnly first, DateOnly last) =>
        from session in db.TrainingSessions.AsNoTracking()
        where session.AreaId == areaId && session.StartDate >= first && session.StartDate <= last
        join course in db.Courses on session.CourseId equals course.Id
        join r in db.Registrations on session.Id equals r.SessionId
        where r.Status == RegistrationStatus.Registered
        select new SeatLine { PersonId = r.PersonId, Attended = r.Attended == true, Passed = r.Passed == true, Hours = r.Hours ?? course.Hours };

    /// <summary>External completions' hours a person, summed in the database (<see cref="Sums.Exact"/>).</summary>
    public static Task<Dictionary<Guid, decimal>> ExternalHours(IQueryable<ExternalCompletion> completions, CancellationToken ct) =>
        completions.GroupBy(e => e.PersonId).Select(g => new { PersonId = g.Key, Hours = g.Sum(e => (double)e.Hours) })
            .ToDictionaryAsync(e => e.PersonId, e => Sums.Exact(e.Hours), ct);

    /// <summary>Every holder's hours in the fiscal year.</summary>
    public static async Task<List<PersonHours>> HoursAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? schoolId = null, CancellationToken ct = default) =>
        (await HoursYearsAsync(db, areaId, [fiscalYear], schoolId, ct))[fiscalYear];

    /// <summary>Every holder's hours in each of the fiscal years: the settings and holders read once, the hours summed a year at a time.</summary>
    public static async Task<Dictionary<int, List<PersonHours>>> HoursYearsAsync(AppDbContext db, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? schoolId = null,
        CancellationToken ct = default)
    {
        var settings = await SettingsAsync(db, areaId, ct);
        var holders = await HoldersAsync(db, areaId, schoolId, ct);
        var years = new Dictionary<int, List<PersonHours>>();
        foreach (var fiscalYear in fiscalYears.Distinct())
        {
            var (from, to) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
            var sessions = await SeatsOfYear(db, areaId, from, to).Where(r => r.Attended)
                .GroupBy(r => r.PersonId).Select(g => new { PersonId = g.Key, Hours = g.Sum(r => (double)r.Hours) })
                .ToDictionaryAsync(g => g.PersonId, g => Sums.Exact(g.Hours), ct);
            var external = await ExternalHours(db.ExternalCompletions.AsNoTracking().Where(e => e.AreaId == areaId && e.CompletedOn >= from && e.CompletedOn <= to), ct);
            years[fiscalYear] = holders.Select(h => new PersonHours(h.Id, h.Name, h.SchoolCode, h.School, h.Position,
                sessions.GetValueOrDefault(h.Id), external.GetValueOrDefault(h.Id), settings.RequiredHoursPerYear)).ToList();
        }
        return years;
    }

    /// <summary>Every holder's coupon in the fiscal year.</summary>
    public static async Task<List<CouponPerson>> CouponsAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? schoolId = null, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(db, areaId, ct);
        var holders = await HoldersAsync(db, areaId, schoolId, ct);
        var spent = (await ChargesAsync(db, areaId, null, fiscalYear, ct)).GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Sum(c => c.Item.Cost));
        return holders.Select(h => new CouponPerson(h.Id, h.Name, h.SchoolCode, h.School, h.Position, settings.CouponPerPerson, spent.GetValueOrDefault(h.Id))).ToList();
    }

    /// <summary>Per school (area office staff as one line), in the order of the schools' names.</summary>
    public static List<CouponSchool> BySchool(IEnumerable<CouponPerson> people) =>
        people.GroupBy(p => (p.SchoolCode, p.School))
            .Select(g => new CouponSchool(g.Key.SchoolCode, g.Key.School ?? "สำนักงานเขตพื้นที่การศึกษา", g.Count(), g.Count(p => p.Spent > 0),
                g.Sum(p => p.Allocated), g.Sum(p => p.Spent)))
            .OrderBy(s => s.SchoolCode is null).ThenBy(s => s.School, ThaiText.Comparer).ToList();

    public static CouponSchool Total(IReadOnlyList<CouponSchool> schools) =>
        new(null, "รวม", schools.Sum(s => s.People), schools.Sum(s => s.Spenders), schools.Sum(s => s.Allocated), schools.Sum(s => s.Spent));

    /// <summary>What one person's coupon paid for in the fiscal year.</summary>
    public static async Task<List<CouponItem>> CouponItemsAsync(AppDbContext db, Person person, int fiscalYear, CancellationToken ct = default) =>
        [.. (await ChargesAsync(db, person.AreaId, person.Id, fiscalYear, ct)).Select(c => c.Item).OrderBy(i => i.Date)];

    private sealed record Charge(Guid PersonId, CouponItem Item);

    private static async Task<List<Charge>> ChargesAsync(AppDbContext db, Guid areaId, Guid? personId, int fiscalYear, CancellationToken ct)
    {
        var (from, to) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        var registrations = db.Registrations.AsNoTracking().Where(r => r.AreaId == areaId && r.Status == RegistrationStatus.Registered
            && r.Session!.Course!.CostPerPerson != null && r.Session.Course.CostPerPerson > 0 && r.Session.StartDate >= from && r.Session.StartDate <= to);
        if (personId is { } p) registrations = registrations.Where(r => r.PersonId == p);
        var seats = await registrations.Select(r => new { r.PersonId, Course = r.Session!.Course!.Name, Session = r.Session.Name, r.Session.StartDate,
            Cost = r.Session.Course.CostPerPerson!.Value }).ToListAsync(ct);
        var external = db.ExternalCompletions.AsNoTracking().Where(e => e.AreaId == areaId && e.Cost != null && e.Cost > 0
            && e.CompletedOn >= from && e.CompletedOn <= to);
        if (personId is { } q) external = external.Where(e => e.PersonId == q);
        var completions = (await external.Select(e => new { e.PersonId, e.Source, e.Title, e.CompletedOn, Cost = e.Cost!.Value }).ToListAsync(ct))
            .Where(e => ExternalSources.IsCoupon(e.Source));
        return
        [
            .. seats.Select(s => new Charge(s.PersonId, new CouponItem($"{s.Course} ({s.Session})", "หลักสูตรของเขตพื้นที่", s.StartDate, s.Cost))),
            .. completions.Select(e => new Charge(e.PersonId, new CouponItem(e.Title, e.Source, e.CompletedOn, e.Cost))),
        ];
    }

    public static string SourceLabel(string source) => source == "Session" ? "หลักสูตรของเขตพื้นที่" : source;

    public static readonly TableSpec<TranscriptItem> TranscriptTable = new("ประวัติการพัฒนา",
        new TableColumn<TranscriptItem>("วันที่", i => i.Date, CellKind.Date, Width: 14),
        new TableColumn<TranscriptItem>("หลักสูตร", i => i.Title, Width: 44, Wrap: true),
        new TableColumn<TranscriptItem>("แหล่ง", i => SourceLabel(i.Source), Width: 20, Wrap: true),
        new TableColumn<TranscriptItem>("ชั่วโมง", i => i.Hours, CellKind.Decimal, Width: 10),
        new TableColumn<TranscriptItem>("ผล", i => i.Passed ? "ผ่าน" : "ไม่ผ่าน", Width: 10),
        new TableColumn<TranscriptItem>("เกียรติบัตร", i => i.Certificate is null ? "" : "มี", Link: i => i.Certificate is { } c ? $"/verify/{c}" : null, Width: 10));

    public static readonly TableSpec<PersonHours> HoursTable = new("บุคลากรที่มีชั่วโมงการพัฒนาไม่ถึงเกณฑ์",
        new TableColumn<PersonHours>("ชื่อ-นามสกุล", r => r.Name, SortKey: "name", Link: r => $"/people/{r.Id}/transcript", Width: 28, Wrap: true),
        new TableColumn<PersonHours>("สถานศึกษา", r => r.School ?? "สพท.", SortKey: "school", Width: 30, Wrap: true),
        new TableColumn<PersonHours>("ตำแหน่ง", r => PT.Label(r.Position), Width: 16),
        new TableColumn<PersonHours>("อบรมกับเขต", r => r.SessionHours, CellKind.Decimal, Width: 11),
        new TableColumn<PersonHours>("ภายนอก", r => r.ExternalHours, CellKind.Decimal, Width: 11),
        new TableColumn<PersonHours>("รวมชั่วโมง", r => r.Hours, CellKind.Decimal, SortKey: "hours", Width: 11),
        new TableColumn<PersonHours>("ขาดอีก", r => r.Shortfall, CellKind.Decimal, SortKey: "shortfall", Width: 11));

    /// <summary>The schools' coupons; on screen each school links to its people in the same fiscal year.</summary>
    public static TableSpec<CouponSchool> CouponSchoolTable(int fiscalYear) => new("สรุปการใช้คูปองพัฒนาครู รายสถานศึกษา",
        new TableColumn<CouponSchool>("สถานศึกษา", r => r.School, Link: r => r.SchoolCode is { } c ? $"?fiscalYear={fiscalYear}&school={c}" : null, Width: 34, Wrap: true),
        new TableColumn<CouponSchool>("บุคลากร", r => r.People, CellKind.Number, Width: 10),
        new TableColumn<CouponSchool>("ผู้ใช้คูปอง", r => r.Spenders, CellKind.Number, Width: 10),
        new TableColumn<CouponSchool>("จัดสรร (บาท)", r => r.Allocated, CellKind.Decimal, Width: 14),
        new TableColumn<CouponSchool>("ใช้ไป (บาท)", r => r.Spent, CellKind.Decimal, Width: 14),
        new TableColumn<CouponSchool>("คงเหลือ (บาท)", r => r.Remaining, CellKind.Decimal, Width: 14),
        new TableColumn<CouponSchool>("ร้อยละที่ใช้", r => r.SpentPercent, CellKind.Decimal, Width: 10));

    public static readonly TableSpec<CouponPerson> CouponPersonTable = new("คูปองพัฒนาครู รายบุคคล",
        new TableColumn<CouponPerson>("ชื่อ-นามสกุล", r => r.Name, Link: r => $"/people/{r.Id}/transcript", Width: 28, Wrap: true),
        new TableColumn<CouponPerson>("ตำแหน่ง", r => PT.Label(r.Position), Width: 16),
        new TableColumn<CouponPerson>("จัดสรร (บาท)", r => r.Allocated, CellKind.Decimal, Width: 14),
        new TableColumn<CouponPerson>("ใช้ไป (บาท)", r => r.Spent, CellKind.Decimal, Width: 14),
        new TableColumn<CouponPerson>("คงเหลือ (บาท)", r => r.Remaining, CellKind.Decimal, Width: 14));

    public static readonly TableSpec<CouponItem> CouponItemTable = new("รายการที่ใช้คูปองพัฒนาครู",
        new TableColumn<CouponItem>("วันที่", i => i.Date, CellKind.Date, Width: 14),
        new TableColumn<CouponItem>("หลักสูตร", i => i.Title, Width: 44, Wrap: true),
        new TableColumn<CouponItem>("แหล่ง", i => i.Source, Width: 20, Wrap: true),
        new TableColumn<CouponItem>("ค่าใช้จ่าย (บาท)", i => i.Cost, CellKind.Decimal, Width: 14));

    /// <summary>The fiscal years offered in pickers: next year back to four years ago.</summary>
    public static IReadOnlyList<int> Years(int current) => [.. Enumerable.Range(0, 6).Select(i => current + 1 - i)];
}
