using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// The development coupon (คูปองพัฒนาครู) in a fiscal year: per school (allocated, spent, remaining) with the area's total,
/// or one school's people; with export.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class CouponsModel(AppDbContext database, RouteScope route, TimeProvider time, DisplayFormat fmt) : TrainingYearPage(database, route, time)
{
    public CouponSchool Total { get; private set; } = null!;
    public TableView Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (!await ReadFiltersAsync(HttpContext.RequestAborted))
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var people = await TrainingLedger.CouponsAsync(Db, Area.Id, Year, SelectedSchool?.Id, HttpContext.RequestAborted);
        var schools = TrainingLedger.BySchool(people);
        Total = TrainingLedger.Total(schools);
        var subtitle = $"{Subtitle} · จัดสรรคนละ {Settings.CouponPerPerson:#,0} บาท";
        if (SelectedSchool is not null)
        {
            if (format is not null)
                return (await TableResults.FileAsync(HttpContext, TrainingLedger.CouponPersonTable, [.. people, Person(Total)],
                    $"coupons-{SelectedSchool.Code}-{Year}", Area, subtitle)).ToActionResult();
            Table = TrainingLedger.CouponPersonTable.ToView([.. people, Person(Total)], fmt);
        }
        else
        {
            var table = TrainingLedger.CouponSchoolTable(Year);
            if (format is not null)
                return (await TableResults.FileAsync(HttpContext, table, [.. schools, Total], $"coupons-{Area.Code}-{Year}", Area, subtitle)).ToActionResult();
            Table = table.ToView([.. schools, Total], fmt);
        }
        return Page();
    }

    /// <summary>The "รวม" line in the people's table.</summary>
    private static CouponPerson Person(CouponSchool total) =>
        new(Guid.Empty, "รวม", null, null, default, total.Allocated, total.Spent);

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("fiscalYear", Year.ToString()));
}
