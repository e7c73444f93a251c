using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>A school's row of the pinned manpower answer (API.md), with its name and vacant posts besides.</summary>
public sealed record SchoolManpowerDto(string School, string Name, int Students, int Classrooms, int RequiredTeachers, int RequiredAdministrators,
    int ActualTeachers, int ActualAdministrators, int VacantPosts, int Difference, ManpowerStatus Status)
{
    public static SchoolManpowerDto From(SchoolManpower s) => new(s.School.Code, s.School.Name, s.Requirement.Students, s.Requirement.Classrooms,
        s.Requirement.Teachers, s.Requirement.Administrators, s.ActualTeachers, s.ActualAdministrators, s.VacantPosts, s.Difference, s.Status);
}

public sealed record SchoolRefDto(string School, string Name);

/// <summary>GET /areas/{area}/manpower (pinned): the rule set, each school, the summary; schools without student counts listed apart.</summary>
public sealed record ManpowerDto(int AcademicYear, string RuleSet, IReadOnlyList<SchoolManpowerDto> Schools, ManpowerSummary Summary, IReadOnlyList<SchoolRefDto> MissingStudentCounts);

/// <summary>GET /areas/{area}/out-of-major (pinned) row.</summary>
public sealed record OutOfMajorDto(string NationalId, string Name, string School, string SchoolName, SubjectArea Major, IReadOnlyList<SubjectArea> TeachingSubjectAreas);

/// <summary>A school's requirement with the working: per grade, per level, the band and the deputies' band.</summary>
public sealed record SchoolWorkingDto(string School, string Name, int AcademicYear, string RuleSet, StaffingRule Rule, int Students, int Classrooms,
    IReadOnlyList<GradeWorking> Grades, IReadOnlyList<LevelWorking> Levels, StudentBand? Band, decimal UnroundedTeachers, int RequiredTeachers,
    int Directors, DeputyBand? DeputyBand, int Deputies, int RequiredAdministrators, int ActualTeachers, int ActualAdministrators, int VacantPosts,
    int Difference, ManpowerStatus Status, IReadOnlyList<SubjectNeedRow> Subjects);

public sealed record SubjectNeedInput(SubjectArea? SubjectArea, int? Needed, string? Note);

public static class ManpowerApi
{
    public static readonly TableSpec<OutOfMajorRow> OutOfMajorTable = new("ครูสอนไม่ตรงวิชาเอก",
        new TableColumn<OutOfMajorRow>("สถานศึกษา", r => r.SchoolName, SortKey: "school", Link: r => $"/schools/{r.School}/manpower", Width: 30, Wrap: true),
        new TableColumn<OutOfMajorRow>(P.FullName, r => r.Name, SortKey: "name", Link: r => $"/people/{r.PersonId}", Width: 26, Wrap: true),
        new TableColumn<OutOfMajorRow>(P.PositionLabel, r => P.Label(r.Position), Width: 16, Wrap: true),
        new TableColumn<OutOfMajorRow>(P.Major, r => P.Label(r.Major), SortKey: "major", Width: 22, Wrap: true),
        new TableColumn<OutOfMajorRow>(P.TeachingSubjectAreas, r => P.Subjects(r.TeachingSubjectAreas), Width: 30, Wrap: true),
        new TableColumn<OutOfMajorRow>("รหัสสถานศึกษา", r => r.School, Width: 14, OnScreen: false));

    public static RouteGroupBuilder MapManpowerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/manpower", National).WithTags("Manpower").RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Every area's manpower summary for a year and the total (?academicYear=2567; ?format=xlsx|pdf|docx)")
            .Returns<NationalManpower>();
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Manpower");
        area.MapGet("/manpower", Area).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("อัตรากำลังตามเกณฑ์: each school's requirement against its register and the area summary (?academicYear=2567&district=&network=&type=&status=; ?format=xlsx|pdf|docx)")
            .Returns<ManpowerDto>();
        area.MapGet("/out-of-major", OutOfMajor).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("Teachers whose major is not among the subject areas they teach (?format=xlsx|pdf|docx)")
            .Returns<List<OutOfMajorDto>>();

        area.MapGet("/manpower/subjects", Subjects).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("Teachers by subject area × level, needs per subject, each school's subjects (?academicYear=; ?format=xlsx|pdf|docx)")
            .Returns<ReportDto>();
        area.MapGet("/manpower/rebalancing", Rebalance).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("Proposed moves of surplus teacher posts to schools short of teachers (?academicYear=; ?format=xlsx for the worksheet)")
            .Returns<List<MoveDto>>();

        var school = api.MapGroup("/schools/{schoolCode}").WithTags("Manpower");
        school.MapGet("/manpower", School).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("A school's requirement with the working (?academicYear=2567)").Returns<SchoolWorkingDto>();
        school.MapGet("/subject-needs", Needs).RequireAuthorization(Policies.ReadPeople)
            .WithSummary("The school's teachers needed per subject area against those it has (?academicYear=2567)").Returns<List<SubjectNeedRow>>();
        school.MapPut("/subject-needs", SaveNeeds).RequireAuthorization(Policies.SchoolData)
            .WithSummary("Replace the school's needs per subject area for a year (?academicYear=2567): [{subjectArea, needed, note}]; send the GET's ETag in If-Match to refuse (409) overwriting a newer save")
            .Writes<List<SubjectNeedRow>>();
        return api;
    }

    /// <summary>What the filters of the page and the API read: district and network ids, school type, status.</summary>
    public static ManpowerFilter Filter(Guid? district, Guid? network, SchoolType? type, ManpowerStatus? status, string? q = null) =>
        new(district, network, type, status, Checks.Clean(q));

    private static async Task<IResult> Area(HttpContext http, RouteScope scope, AppDbContext db, string? academicYear,
        Guid? district, Guid? network, SchoolType? type, ManpowerStatus? status)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        // Binding reads "?status=7" as a number and lets it through; a value outside the list would silently match no school.
        if (UndefinedFilters(type, status) is { Count: > 0 } undefined) return ApiResults.Validation(undefined);
        var outcome = await ManpowerCalculation.ForAreaAsync(db, scope.Area, academicYear, http.RequestAborted);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var result = outcome.Value!;
        var filter = Filter(district, network, type, status);
        // The summary is of the part of the area asked for (district, network, type); status narrows the list of schools only.
        var part = filter.Part;
        var scoped = result.Schools.Where(part.Keeps).ToList();
        var schools = result.Schools.Where(filter.Keeps).ToList();
        var missing = result.MissingCounts.Where(part.Keeps).ToList();
        if (format is { } f)
        {
            var notes = await FilterNotesAsync(db, filter);
            var report = await ManpowerReport.BuildAsync(http, scope.Area, result with { MissingCounts = missing }, scoped, schools, notes, http.RequestAborted);
            return ReportResults.File(http, report, f);
        }
        return TypedResults.Ok(new ManpowerDto(result.AcademicYear, result.RuleSet.Name, schools.Select(SchoolManpowerDto.From).ToList(),
            ManpowerSummary.Of(scoped), missing.Select(m => new SchoolRefDto(m.Code, m.Name)).ToList()));
    }

    private static async Task<IResult> National(HttpContext http, AppDbContext db, string? academicYear)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var outcome = await NationalManpower.ComputeAsync(db, academicYear, http.RequestAborted);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var result = outcome.Value!;
        if (format is null) return TypedResults.Ok(result);
        return await TableResults.FileAsync(http, NationalManpower.Table, [.. result.Areas, new AreaManpowerRow("", "รวม", result.Summary, result.Areas.Sum(a => a.MissingStudentCounts))],
            $"manpower-areas-{result.AcademicYear}", null, $"ปีการศึกษา {result.AcademicYear} · เกณฑ์: {result.RuleSet}");
    }

    private static async Task<IResult> Subjects(HttpContext http, RouteScope scope, AppDbContext db, TimeProvider time, string? academicYear)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var year = await SubjectsReport.YearAsync(db, scope.Area, academicYear, time, http.RequestAborted);
        if (!year.Succeeded) return year.ToApi(_ => TypedResults.NoContent());
        var report = await SubjectsReport.BuildAsync(http, db, scope.Area, year.Value, http.RequestAborted);
        return format is { } f ? ReportResults.File(http, report, f) : TypedResults.Ok(ReportDto.From(report));
    }

    private static async Task<IResult> Rebalance(HttpContext http, RouteScope scope, AppDbContext db, string? academicYear)
    {
        if (!ReportResults.TryFileFormat(http.Request, out _)) return ReportResults.UnknownFormat(http.Request);
        var outcome = await RebalancingPlan.ForAreaAsync(db, scope.Area, academicYear, http.RequestAborted);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var plan = outcome.Value!;
        return await TableResults.RespondAsync(http, Rebalancing.Table, plan.Moves, MoveDto.Of,
            $"rebalancing-{scope.Area.Code}-{plan.Result.AcademicYear}", scope.Area, Pages.RebalancingModel.Subtitles(plan));
    }

    /// <summary>A school type or status given as a number outside the list ("?status=7"), which enum binding accepts.</summary>
    public static List<FieldError> UndefinedFilters(SchoolType? type, ManpowerStatus? status)
    {
        var errors = new List<FieldError>();
        if (type is { } t && !Enum.IsDefined(t)) errors.Add(new("type", $"ค่า \"{(int)t}\" ของ type ไม่ถูกต้องหรือไม่อยู่ในรายการที่กำหนด — ใช้ได้: {string.Join(", ", Enum.GetNames<SchoolType>())}"));
        if (status is { } s && !Enum.IsDefined(s)) errors.Add(new("status", $"ค่า \"{(int)s}\" ของ status ไม่ถูกต้องหรือไม่อยู่ในรายการที่กำหนด — ใช้ได้: {string.Join(", ", Enum.GetNames<ManpowerStatus>())}"));
        return errors;
    }

    /// <summary>The filters in force as Thai subtitles for the printed report.</summary>
    public static async Task<List<string>> FilterNotesAsync(AppDbContext db, ManpowerFilter filter)
    {
        var notes = new List<string>();
        if (filter.District is { } d && await db.Districts.AsNoTracking().Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync() is { } dn) notes.Add("อำเภอ" + dn);
        if (filter.Network is { } n && await db.SchoolNetworks.AsNoTracking().Where(x => x.Id == n).Select(x => x.Name).FirstOrDefaultAsync() is { } nn) notes.Add("เครือข่าย " + nn);
        if (filter.Type is { } t) notes.Add(OrganisationText.Label(t));
        var lines = notes.Count == 0 ? new List<string>() : ["เฉพาะ: " + string.Join(" · ", notes)];
        var list = new List<string>();
        if (filter.Status is { } s) list.Add("เฉพาะโรงเรียนที่" + ManpowerText.Label(s));
        if (filter.Search is { } q) list.Add($"ที่ค้นหา \"{q}\"");
        if (list.Count > 0) lines.Add("ตารางรายสถานศึกษาแสดง" + string.Join(" ", list) + " (สรุปเป็นของทั้ง" + (notes.Count == 0 ? "เขตพื้นที่" : "ส่วนที่เลือก") + ")");
        return lines;
    }

    private static async Task<IResult> OutOfMajor(HttpContext http, RouteScope scope, AppDbContext db, NationalIdDisclosure disclosure)
    {
        var rows = await SubjectAnalysis.OutOfMajorAsync(db, scope.Area.Id, ct: http.RequestAborted);
        return await TableResults.RespondAsync(http, OutOfMajorTable, rows,
            r => new OutOfMajorDto(disclosure.Show(r.NationalId), r.Name, r.School, r.SchoolName, r.Major, r.TeachingSubjectAreas),
            $"out-of-major-{scope.Area.Code}", scope.Area);
    }

    /// <summary>One school's analysis for a year (422 naming academicYear when the school has no counts for it).</summary>
    public static async Task<Outcome<ManpowerResult>> ForSchoolAsync(AppDbContext db, School school, string? academicYear, CancellationToken ct = default)
    {
        var years = await db.StudentCounts.AsNoTracking().Where(c => c.SchoolId == school.Id).Select(c => c.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var known = years.Count == 0 ? "ยังไม่มีข้อมูลนักเรียนปีใดเลย" : "ปีที่มีข้อมูล: " + string.Join(", ", years);
        int year;
        if (string.IsNullOrWhiteSpace(academicYear))
        {
            if (years.Count == 0) return Outcome<ManpowerResult>.Invalid([new("academicYear", $"{school.Name}ยังไม่มีข้อมูลจำนวนนักเรียน จึงยังคำนวณอัตรากำลังไม่ได้")]);
            year = years[0];
        }
        else if (!Shared.Thai.SchoolCalendar.TryReadYear(academicYear, out year))
            return Outcome<ManpowerResult>.Invalid([Shared.Thai.SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear)]);
        else if (!years.Contains(year))
            return Outcome<ManpowerResult>.Invalid([new("academicYear", $"{school.Name}ยังไม่มีข้อมูลนักเรียนปีการศึกษา {year} ({known})")]);
        if (await ManpowerCalculation.RuleSetForAsync(db, year, ct) is not { } rules)
            return Outcome<ManpowerResult>.Invalid([new("academicYear", $"ยังไม่มีเกณฑ์อัตรากำลังที่ใช้กับปีการศึกษา {year}")]);
        return Outcome<ManpowerResult>.Ok(await ManpowerCalculation.ComputeAsync(db, school.AreaId, year, rules, school.Id, ct));
    }

    private static async Task<IResult> School(HttpContext http, RouteScope scope, AppDbContext db, string? academicYear)
    {
        var outcome = await ForSchoolAsync(db, scope.School, academicYear, http.RequestAborted);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var result = outcome.Value!;
        var s = result.Schools.Single();
        var posts = await SubjectAnalysis.PostsAsync(db, scope.School.AreaId, scope.School.Id, http.RequestAborted);
        var needs = await SubjectAnalysis.NeedsAsync(db, scope.School.AreaId, result.AcademicYear, scope.School.Id, http.RequestAborted);
        var have = SubjectAnalysis.HaveBySchool(posts).GetValueOrDefault(scope.School.Id);
        var r = s.Requirement;
        return TypedResults.Ok(new SchoolWorkingDto(s.School.Code, s.School.Name, result.AcademicYear, result.RuleSet.Name, r.Rule, r.Students, r.Classrooms,
            r.Grades, r.Levels, r.Band, r.UnroundedTeachers, r.Teachers, r.Directors, r.DeputyBand, r.Deputies, r.Administrators,
            s.ActualTeachers, s.ActualAdministrators, s.VacantPosts, s.Difference, s.Status, SubjectAnalysis.NeedRows(needs, have)));
    }

    private static async Task<IResult> Needs(HttpContext http, RouteScope scope, AppDbContext db, TimeProvider time, string? academicYear)
    {
        if (NeedsYear(academicYear, time) is not { } year) return ApiResults.Validation([YearError(academicYear)]);
        var posts = await SubjectAnalysis.PostsAsync(db, scope.School.AreaId, scope.School.Id, http.RequestAborted);
        var needs = await SubjectAnalysis.NeedsAsync(db, scope.School.AreaId, year, scope.School.Id, http.RequestAborted);
        // The ETag is what a later PUT may send back in If-Match so it cannot overwrite a newer save unseen.
        http.Response.Headers.ETag = $"\"{SaveSubjectNeeds.Stamp(needs)}\"";
        return TypedResults.Ok(SubjectAnalysis.NeedRows(needs, SubjectAnalysis.HaveBySchool(posts).GetValueOrDefault(scope.School.Id)));
    }

    private static async Task<IResult> SaveNeeds(HttpContext http, RouteScope scope, AppDbContext db, SaveSubjectNeeds save, TimeProvider time, string? academicYear, List<SubjectNeedInput>? input)
    {
        if (NeedsYear(academicYear, time) is not { } year) return ApiResults.Validation([YearError(academicYear)]);
        long? expected = null;
        if (http.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch)
        {
            if (!long.TryParse(ifMatch.Trim().Trim('"'), out var stamp))
                return ApiResults.Validation([new("If-Match", "ค่า If-Match ต้องเป็น ETag ที่ได้จากการอ่านความต้องการครู (GET) ครั้งก่อน")]);
            expected = stamp;
        }
        var outcome = await save.ReplaceAsync(scope.School, year, input, expected, http.RequestAborted);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        return await Needs(http, scope, db, time, year.ToString());
    }

    /// <summary>The year of a needs call: the one asked, or the current academic year.</summary>
    public static int? NeedsYear(string? academicYear, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(academicYear)) return Shared.Thai.SchoolCalendar.AcademicYearOf(Shared.Thai.ThaiDate.TodayInThailand(time));
        return Shared.Thai.SchoolCalendar.TryReadYear(academicYear, out var y) ? y : null;
    }

    private static FieldError YearError(string? academicYear) => Shared.Thai.SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear);
}
