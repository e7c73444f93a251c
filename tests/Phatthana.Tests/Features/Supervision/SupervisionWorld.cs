using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Supervision;

/// <summary>An area of its own with two networks, schools, a supervisor and area staff, for the supervision tests.</summary>
public sealed record SupervisionWorld(AppHost Host, string Area, string Network1, string Network2, string[] Schools, string SupervisorEmail,
    HttpClient Supervisor, HttpClient Staff)
{
    public static readonly DateOnly Today = ThaiDate.TodayInThailand(TimeProvider.System);

    /// <summary>Last academic year: wholly past, so any of its dates may be visited.</summary>
    public static readonly int LastYear = SchoolCalendar.AcademicYearOf(Today) - 1;

    /// <summary>A day of the given academic year (พ.ศ.): month 6–12 fall in its first calendar year, 1–3 in the next.</summary>
    public static string Day(int academicYear, int month, int day) =>
        new DateOnly(ThaiDate.ToGregorianYear(academicYear) + (month < 5 ? 1 : 0), month, day).ToString("yyyy-MM-dd");

    public static async Task<SupervisionWorld> CreateAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var (n1, n2) = ($"เครือข่ายนิเทศ ก {area}", $"เครือข่ายนิเทศ ข {area}");
        string[] schools =
        [
            await host.SchoolAsync(area, network: n1), await host.SchoolAsync(area, network: n1), await host.SchoolAsync(area, network: n1),
            await host.SchoolAsync(area, network: n2), await host.SchoolAsync(area, network: n2), await host.SchoolAsync(area, network: n2),
        ];
        var email = await host.UserAccountAsync(Role.Supervisor, area);
        return new SupervisionWorld(host, area, n1, n2, schools, email, await host.BearerAsync(email, AppHost.Password), await host.UserAsync(Role.AreaAdmin, area));
    }

    public Task<Guid> NetworkIdAsync(string name) =>
        Host.WithDbAsync(db => db.SchoolNetworks.Where(n => n.Name == name).Select(n => n.Id).SingleAsync());

    public Task<int> VisitCountAsync() =>
        Host.WithDbAsync(db => db.SupervisionVisits.CountAsync(v => db.Areas.Any(a => a.Id == v.AreaId && a.Code == Area)));

    public static Dictionary<string, object?> Body(string school, string visitedOn, string level = "Good", string topic = "การจัดการเรียนรู้ภาษาไทย",
        string? subjectArea = "Thai") => new()
    {
        ["school"] = school, ["visitedOn"] = visitedOn, ["subjectArea"] = subjectArea, ["topic"] = topic, ["level"] = level,
        ["findings"] = "ครูจัดกิจกรรมหลากหลาย", ["recommendations"] = "ควรเพิ่มการวัดผลตามสภาพจริง",
    };

    /// <summary>Records a visit as the supervisor and returns its id.</summary>
    public async Task<Guid> VisitAsync(string school, string visitedOn, string level, Dictionary<string, object?>? extra = null)
    {
        var body = Body(school, visitedOn, level);
        foreach (var (k, v) in extra ?? []) body[k] = v;
        var response = await Supervisor.PostAsJsonAsync($"/api/v1/areas/{Area}/supervision-visits", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}
