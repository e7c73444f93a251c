using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.StudentCounts;

public static class StudentCountsApi
{
    public static readonly TableSpec<StudentCountDto> Table = new(T.StudentCounts,
        new TableColumn<StudentCountDto>(T.Grade, c => T.Label(c.Grade), Width: 10),
        new TableColumn<StudentCountDto>(T.Boys, c => c.Boys, CellKind.Number, Width: 10),
        new TableColumn<StudentCountDto>(T.Girls, c => c.Girls, CellKind.Number, Width: 10),
        new TableColumn<StudentCountDto>("รวม", c => c.Boys + c.Girls, CellKind.Number, Width: 10),
        new TableColumn<StudentCountDto>(T.Classrooms, c => c.Classrooms, CellKind.Number, Width: 12));

    public static RouteGroupBuilder MapStudentCountsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/schools/{schoolCode}/student-counts/{academicYear}").WithTags("Organisation");
        g.MapGet("", Get).RequireAuthorization(Policies.SignedIn).WithSummary("Student counts of a school for an academic year (พ.ศ.)").Returns<List<StudentCountDto>>();
        g.MapPut("", Put).RequireAuthorization(Policies.SchoolData).WithSummary("Replace the student counts of that year").Writes<List<StudentCountDto>>();
        return api;
    }

    private static async Task<IResult> Get(HttpContext http, string academicYear, RouteScope scope, AppDbContext db)
    {
        if (!int.TryParse(academicYear, out var year) || !Shared.Thai.SchoolCalendar.IsPlausibleBuddhistYear(year))
            return ApiResults.Validation([new("academicYear", $"{T.AcademicYear}ต้องเป็นปี พ.ศ. (2500–2700)")]);
        var rows = await SaveStudentCounts.ReadAsync(db, scope.School.Id, year);
        return await TableResults.RespondAsync(http, Table, rows, r => r, $"student-counts-{scope.School.Code}-{year}", scope.Area);
    }

    private static async Task<IResult> Put(string academicYear, List<StudentCountInput?>? rows, RouteScope scope, SaveStudentCounts save)
    {
        var year = int.TryParse(academicYear, out var y) ? y : 0;
        return (await save.ReplaceAsync(scope.School, year, rows)).ToApi(TypedResults.Ok);
    }
}
