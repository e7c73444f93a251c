using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Onet.OnetText;

namespace Phatthana.Web.Features.Onet;

/// <summary>The O-NET tables — per network and per school, with the national and area rows — and their Excel/PDF files.</summary>
public static class OnetApi
{
    private static TableColumn<TRow>[] Subjects<TRow>(Func<TRow, OnetSubjects> of) =>
        [.. Enum.GetValues<OnetSubject>().Select(s => new TableColumn<TRow>(T.Label(s), r => of(r)[s], CellKind.Decimal, Width: 11))];

    public static readonly TableSpec<OnetNetworkRow> NetworkTable = new("O-NET รายเครือข่าย",
        [
            new TableColumn<OnetNetworkRow>("เครือข่าย", n => n.Name, Width: 34, Wrap: true),
            new TableColumn<OnetNetworkRow>("จำนวนโรงเรียน", n => n.Schools, CellKind.Number, Width: 10),
            .. Subjects<OnetNetworkRow>(n => n.Scores),
            new TableColumn<OnetNetworkRow>(T.Mean, n => n.Mean, CellKind.Decimal, Width: 10),
            new TableColumn<OnetNetworkRow>("เฉลี่ยปีก่อน", n => n.LastYearMean, CellKind.Decimal, Width: 11),
            new TableColumn<OnetNetworkRow>("ผลต่างจากปีก่อน", n => n.Gain, CellKind.Decimal, Width: 12),
            new TableColumn<OnetNetworkRow>("ร้อยละที่เพิ่มขึ้น", n => n.GainPercent, CellKind.Decimal, Width: 12),
            new TableColumn<OnetNetworkRow>("เทียบระดับประเทศ", n => n.VsNational, CellKind.Decimal, Width: 12),
        ]);

    public static readonly TableSpec<OnetSchoolRow> SchoolTable = new("O-NET รายโรงเรียน",
        [
            new TableColumn<OnetSchoolRow>("รหัส", s => s.Code, Width: 12),
            new TableColumn<OnetSchoolRow>("โรงเรียน", s => s.Name, Width: 30, Wrap: true),
            new TableColumn<OnetSchoolRow>("เครือข่าย", s => s.Network, Width: 24, Wrap: true),
            new TableColumn<OnetSchoolRow>(T.Students, s => s.Students, CellKind.Number, Width: 8),
            .. Subjects<OnetSchoolRow>(s => s.Scores),
            new TableColumn<OnetSchoolRow>(T.Mean, s => s.Mean, CellKind.Decimal, Width: 10),
            new TableColumn<OnetSchoolRow>("เฉลี่ยปีก่อน", s => s.LastYearMean, CellKind.Decimal, Width: 11),
            new TableColumn<OnetSchoolRow>("ผลต่างจากปีก่อน", s => s.Gain, CellKind.Decimal, Width: 12),
            new TableColumn<OnetSchoolRow>("เทียบระดับประเทศ", s => s.VsNational, CellKind.Decimal, Width: 12),
        ]);

    public static readonly TableSpec<OnetReferenceRow> ReferenceTable = new("ค่าเฉลี่ยอ้างอิง",
        [
            new TableColumn<OnetReferenceRow>("ระดับ", r => r.Name, Width: 30),
            .. Subjects<OnetReferenceRow>(r => r.Scores),
            new TableColumn<OnetReferenceRow>(T.Mean, r => r.Mean, CellKind.Decimal, Width: 10),
            new TableColumn<OnetReferenceRow>("เฉลี่ยปีก่อน", r => r.LastYearMean, CellKind.Decimal, Width: 11),
            new TableColumn<OnetReferenceRow>("ผลต่างจากปีก่อน", r => r.Gain, CellKind.Decimal, Width: 12),
        ]);

    /// <summary>?level=P6|M3|M6 (or ป.6 …); blank is ป.6. A bad value is a 422 answer, else null.</summary>
    public static IResult? ReadLevel(string? text, out OnetLevel level)
    {
        level = OnetLevel.P6;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<OnetLevel>(text.Trim(), true, out var parsed) && Enum.IsDefined(parsed)) { level = parsed; return null; }
        if (T.TryLevel(text, out var thai) && thai is { } t) { level = t; return null; }
        return ApiResults.Validation([new("level", $"ชั้น \"{text}\" ไม่ใช่ชั้นที่สอบ O-NET — ใช้ P6, M3 หรือ M6")]);
    }

    public static RouteGroupBuilder MapOnetApi(this RouteGroupBuilder api)
    {
        api.MapGet("/areas/{areaCode}/onet", async (HttpContext http, int? year, string? level, RouteScope scope, OnetAnalysis onet) =>
            {
                if (ReadLevel(level, out var l) is { } bad) return bad;
                if (year is { } y && !Shared.Thai.SchoolCalendar.IsPlausibleBuddhistYear(y))
                    return ApiResults.Validation([new("year", $"ปีการศึกษา {y} ต้องเป็นปี พ.ศ. เช่น 2567")]);
                if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
                var dto = await onet.YearAsync(scope.Area.Id, year, l, ct: http.RequestAborted);
                return format is { } f ? ReportResults.File(http, await ReportAsync(http, scope.Area, dto), f) : TypedResults.Ok(dto);
            })
            .WithTags("O-NET").RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("O-NET of a year and grade (?year=พ.ศ.&level=P6|M3|M6): national and area rows, per network and per school with gains vs last year and the national mean; ?format=xlsx|pdf")
            .Returns<OnetYearDto>();
        return api;
    }

    public static async Task<Report> ReportAsync(HttpContext http, Area area, OnetYearDto dto)
    {
        var references = new[] { dto.National, dto.Area }.Where(r => r is not null).Select(r => r!).ToList();
        var report = await ReportResults.StartAsync(http, $"{T.Title} ชั้น {T.Label(dto.Level)} ปีการศึกษา {dto.AcademicYear}", area, $"onet-{area.Code}-{dto.AcademicYear}-{dto.Level}", http.RequestAborted);
        return report with
        {
            Subtitles = ["ผลต่างจากปีก่อนและเทียบระดับประเทศเป็นคะแนน; ค่าเฉลี่ยเครือข่าย = ค่าเฉลี่ยของโรงเรียนสมาชิก (สมาชิก ณ สิ้นปีการศึกษา)"],
            Orientation = PageOrientation.Landscape,
            Blocks = [new TableBlock(ReferenceTable.ToReport(references)), new TableBlock(NetworkTable.ToReport(dto.Networks)), new TableBlock(SchoolTable.ToReport(dto.Schools))],
        };
    }
}
