using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.DataQuality;

/// <summary>One finding of the data-quality page: how many records, and where to see them.</summary>
public sealed record FindingDto(string Issue, string Label, string About, int Count, string Link);

public sealed record DataQualityDto(
    DateOnly Date, int AcademicYear, int StaleDays, int People, decimal CompletenessPercent, DateTimeOffset? LastUpdate,
    IReadOnlyList<FindingDto> Findings, IReadOnlyList<SchoolQuality> Schools);

public static class DataQualityApi
{
    public static readonly TableSpec<SchoolQuality> Table = new("คุณภาพข้อมูลรายสถานศึกษา",
        new TableColumn<SchoolQuality>("รหัสสถานศึกษา", s => s.Code, SortKey: "code", Width: 14, OnScreen: false),
        new TableColumn<SchoolQuality>("สถานศึกษา", s => s.Name, SortKey: "name", Link: s => $"/schools/{s.Code}", Width: 36, Wrap: true),
        new TableColumn<SchoolQuality>("บุคลากร", s => s.People, CellKind.Number, SortKey: "people", Width: 10),
        new TableColumn<SchoolQuality>("ครบถ้วน (%)", s => s.CompletenessPercent, CellKind.Decimal, SortKey: "complete", Width: 14),
        new TableColumn<SchoolQuality>("ผิด/ขัดแย้ง", s => s.Problems, CellKind.Number, SortKey: "problems", Width: 14),
        new TableColumn<SchoolQuality>("อัตรา (จ.18)", s => s.Posts, CellKind.Number, SortKey: "posts", Width: 12),
        new TableColumn<SchoolQuality>("นักเรียนปีนี้", s => s.HasStudentCounts ? "มี" : "ไม่มี", SortKey: "counts", Width: 14),
        new TableColumn<SchoolQuality>("ปรับปรุงล่าสุด", s => s.LastUpdate is { } t ? DateOnly.FromDateTime(t.ToOffset(Shared.Thai.ThaiDate.ThailandOffset).DateTime) : null,
            CellKind.Date, SortKey: "updated", Width: 16),
        new TableColumn<SchoolQuality>("ผ่านมา (วัน)", s => s.DaysSinceUpdate, CellKind.Number, SortKey: "days", Width: 14));

    public static RouteGroupBuilder MapDataQualityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/areas/{areaCode}/data-quality", Get).RequireAuthorization(Policies.ReadPeople).WithTags("Data quality")
            .WithSummary("Completeness, invalid or conflicting records and last update per school (?days=90 for 'not updated in N days'; ?format=xlsx|pdf|docx for the school table)")
            .Returns<DataQualityDto>();
        return api;
    }

    public static string LinkOf(string areaCode, IssueKind kind) => kind.Subject switch
    {
        IssueSubject.Person => $"/areas/{areaCode}/people?status=Active&issue={kind.Key}",
        IssueSubject.Post => $"/areas/{areaCode}/posts/register?issue={kind.Key}",
        _ => $"/areas/{areaCode}/data-quality?show={kind.Key}#schools",
    };

    public static DataQualityDto Dto(string areaCode, QualityReport r) => new(
        r.Today, r.AcademicYear, r.StaleDays, r.People, r.CompletenessPercent, r.LastUpdate,
        DataQualityChecks.Kinds.Select(k => new FindingDto(k.Key, k.Label, k.Explanation, r.Count(k.Key), LinkOf(areaCode, k))).ToList(),
        r.Schools);

    private static async Task<IResult> Get(HttpContext http, RouteScope scope, DataQualityChecks checks, int? days)
    {
        if (days is < 1 or > 3650) return ApiResults.Validation([new("days", "จำนวนวันต้องอยู่ระหว่าง 1 ถึง 3,650")]);
        var report = await checks.RunAsync(scope.Area.Id, days ?? DataQualityChecks.DefaultStaleDays);
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        if (format is null) return TypedResults.Ok(Dto(scope.Area.Code, report));
        return await TableResults.FileAsync(http, Table, report.Schools.OrderBy(s => s.Code).ToList(), $"data-quality-{scope.Area.Code}", scope.Area,
            $"ข้อมูล ณ {Shared.Thai.ThaiDate.Long(report.Today)} · ความครบถ้วนทั้งเขต {report.CompletenessPercent:0.00}% · ไม่ได้ปรับปรุงเกิน {report.StaleDays} วันถือว่าไม่เป็นปัจจุบัน");
    }
}
