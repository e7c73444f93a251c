using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Manpower;

/// <summary>One area's line of the national (or regional) summary.</summary>
public sealed record AreaManpowerRow(string Area, string Name, ManpowerSummary Summary, int MissingStudentCounts);

/// <summary>Every area the caller sees, for one academic year: the same computation as an area's, in the same bulk queries.</summary>
public sealed record NationalManpower(int AcademicYear, string RuleSet, IReadOnlyList<AreaManpowerRow> Areas, ManpowerSummary Summary)
{
    public static readonly TableSpec<AreaManpowerRow> Table = new("อัตรากำลังตามเกณฑ์ ก.ค.ศ. รายเขตพื้นที่",
        new TableColumn<AreaManpowerRow>("รหัส", r => r.Area, SortKey: "code", Width: 10),
        new TableColumn<AreaManpowerRow>("เขตพื้นที่การศึกษา", r => r.Name, SortKey: "name", Link: r => r.Area == "" ? null : $"/areas/{r.Area}/manpower", Width: 40, Wrap: true),
        new TableColumn<AreaManpowerRow>("โรงเรียน", r => r.Summary.Schools, CellKind.Number, SortKey: "schools", Width: 10),
        new TableColumn<AreaManpowerRow>("ขาด (รร.)", r => r.Summary.ShortageSchools, CellKind.Number, Width: 10),
        new TableColumn<AreaManpowerRow>("ขาด (อัตรา)", r => r.Summary.ShortagePosts, CellKind.Number, SortKey: "shortage", Width: 10),
        new TableColumn<AreaManpowerRow>("เกิน (รร.)", r => r.Summary.SurplusSchools, CellKind.Number, Width: 10),
        new TableColumn<AreaManpowerRow>("เกิน (อัตรา)", r => r.Summary.SurplusPosts, CellKind.Number, SortKey: "surplus", Width: 10),
        new TableColumn<AreaManpowerRow>("พอดี (รร.)", r => r.Summary.ExactSchools, CellKind.Number, Width: 10),
        new TableColumn<AreaManpowerRow>("ตามเกณฑ์", r => r.Summary.RequiredPosts, CellKind.Number, Width: 10),
        new TableColumn<AreaManpowerRow>("ที่มี", r => r.Summary.ActualPosts, CellKind.Number, Width: 10),
        new TableColumn<AreaManpowerRow>("สุทธิ", r => r.Summary.NetSurplus, CellKind.Number, SortKey: "net", Width: 10),
        new TableColumn<AreaManpowerRow>("ร้อยละ", r => r.Summary.NetSurplusPercent, CellKind.Decimal, SortKey: "percent", Width: 10),
        new TableColumn<AreaManpowerRow>("ไม่มีข้อมูลนักเรียน (รร.)", r => r.MissingStudentCounts, CellKind.Number, Width: 12));

    /// <summary>The year asked, else the latest with student counts anywhere the caller sees; 422 on academicYear otherwise.</summary>
    public static async Task<Outcome<NationalManpower>> ComputeAsync(AppDbContext db, string? academicYear, CancellationToken ct = default)
    {
        int year;
        if (string.IsNullOrWhiteSpace(academicYear))
        {
            var latest = await db.StudentCounts.AsNoTracking().MaxAsync(c => (int?)c.AcademicYear, ct);
            if (latest is null) return Outcome<NationalManpower>.Invalid([new("academicYear", "ยังไม่มีข้อมูลจำนวนนักเรียนในเขตพื้นที่ใดเลย")]);
            year = latest.Value;
        }
        else if (!SchoolCalendar.TryReadYear(academicYear, out year))
            return Outcome<NationalManpower>.Invalid([SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear)]);
        if (await ManpowerCalculation.RuleSetForAsync(db, year, ct) is not { } rules)
            return Outcome<NationalManpower>.Invalid([new("academicYear", $"ยังไม่มีเกณฑ์อัตรากำลังที่ใช้กับปีการศึกษา {year}")]);
        var result = await ManpowerCalculation.ComputeAsync(db, null, year, rules, ct: ct);
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var computed = result.Schools.ToLookup(s => s.School.AreaId);
        var missing = result.MissingCounts.ToLookup(s => s.AreaId);
        var rows = areas.OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => new AreaManpowerRow(a.Code, a.Name, ManpowerSummary.Of(computed[a.Id].ToList()), missing[a.Id].Count()))
            .ToList();
        return Outcome<NationalManpower>.Ok(new NationalManpower(year, rules.Name, rows, result.Summary));
    }
}
