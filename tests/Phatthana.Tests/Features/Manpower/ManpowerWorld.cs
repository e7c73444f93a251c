using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>
/// A small area whose manpower is worked out by hand (default rule set, academic year 2567):
///
/// <list type="bullet">
/// <item><b>Small</b> (Primary, เมืองเพชรบุรี, network "เครือข่ายริมน้ำ"): ป.1 20 + ป.2 25 = 45 students → small-school band
///   41–60 → 3 teachers + 1 director = 4. Rooms: ป.1 20 ÷ 40 = 0 r 20 (≥ 10) → 1; ป.2 25 → 1; 2 standard rooms.
///   Posts: a director (filled), a teacher (filled), a teacher (vacant) → 2 + 1 = 3 actual, 1 vacant; 3 − 4 = −1 Shortage.</item>
/// <item><b>Larger</b> (ExtendedOpportunity, ท่ายาง, network "เครือข่ายริมน้ำ"): อ.2 12, อ.3 14, ป.1 49, ป.2 10, ม.1 50 = 135
///   students (&gt; 120, so per level). Rooms: อ.2 12 ÷ 30 = 0 r 12 → 1; อ.3 14 → 1; ป.1 49 ÷ 40 = 1 r 9 (&lt; 10, no extra room) → 1;
///   ป.2 10 → 1; ม.1 50 ÷ 40 = 1 r 10 (= 10, an extra room) → 2; 6 standard rooms (the counts report 5 — the criteria count their own).
///   Pre-primary (2 × 30 ÷ 25 + 26 ÷ 25) ÷ 2 = (2.4 + 1.04) ÷ 2 = 1.72; primary (2 × 40 ÷ 25 + 59 ÷ 25) ÷ 2 = (3.2 + 2.36) ÷ 2 = 2.78;
///   secondary 2 rooms × 2 = 4; total 8.5 → half away from zero → 9 teachers (banker's rounding would give 8).
///   135 &lt; 360 → 0 deputies → 1 administrator; 10 required.
///   Posts: 2 administrator + 9 teacher, all vacant → 11 actual, 11 vacant; 11 − 10 = +1 Surplus.</item>
/// <item><b>Exact</b> (Primary, เมืองเพชรบุรี, no network): ป.1 10 → band 1–20 → 1 teacher + 1 director = 2; 1 administrator + 1 teacher
///   post (vacant) → 2; Exact.</item>
/// <item><b>Empty</b> (Primary, ท่ายาง): a count row of ป.1 with 0 students → required 0; one vacant teacher post → +1 Surplus.</item>
/// <item><b>Missing</b> (Primary, เมืองเพชรบุรี): no counts for 2567 (one vacant teacher post, never counted) → listed apart.</item>
/// </list>
///
/// Area summary 2567: 4 schools; short 1 school / 1 post; over 2 schools (Larger, Empty) / 2 posts; exact 1;
/// required 4 + 10 + 2 + 0 = 16; actual 3 + 11 + 2 + 1 = 17; net +1 = 1 ÷ 16 × 100 = 6.25 %.
/// Larger alone also has counts for 2568 (ป.1 10 students), so 2568 is a year of the area that Small has no counts for;
/// no school has counts for 2566.
/// </summary>
public sealed record ManpowerWorld(AppHost Host, string Area, HttpClient Admin, string Small, string Larger, string Exact, string Empty,
    string Missing, string Director, string Teacher)
{
    public const string SmallName = "โรงเรียนบ้านหนองบัวเล็ก";
    public const string LargerName = "โรงเรียนวัดท่าไม้ขยายโอกาส";
    public const string ExactName = "โรงเรียนบ้านพอดี";
    public const string EmptyName = "โรงเรียนบ้านร้างนักเรียน";
    public const string MissingName = "โรงเรียนบ้านยังไม่ส่งข้อมูล";
    public const string Network = "เครือข่ายริมน้ำ";
    public const string Town = "เมืองเพชรบุรี";
    public const string Riverside = "ท่ายาง";

    public static async Task<ManpowerWorld> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var small = await host.SchoolAsync(area, SmallName, "Primary", Town, Network);
        var larger = await host.SchoolAsync(area, LargerName, "ExtendedOpportunity", Riverside, Network);
        var exact = await host.SchoolAsync(area, ExactName, "Primary", Town);
        var empty = await host.SchoolAsync(area, EmptyName, "Primary", Riverside);
        var missing = await host.SchoolAsync(area, MissingName, "Primary", Town);

        await CountsAsync(admin, small, 2567, ("P1", 20), ("P2", 25));
        await CountsAsync(admin, larger, 2567, ("K2", 12), ("K3", 14), ("P1", 49), ("P2", 10), ("M1", 50));
        await CountsAsync(admin, exact, 2567, ("P1", 10));
        await CountsAsync(admin, empty, 2567, ("P1", 0));
        await CountsAsync(admin, larger, 2568, ("P1", 10));

        var director = await host.PersonAsync(area, small, position: "Director", firstName: "สมหมาย", lastName: "ผู้บริหาร");
        var teacher = await host.PersonAsync(area, small, firstName: "สมใจ", lastName: "สอนไทย");
        await PostAsync(admin, small, "Administrator", director);
        await PostAsync(admin, small, "Teacher", teacher);
        await PostAsync(admin, small, "Teacher");
        for (var i = 0; i < 2; i++) await PostAsync(admin, larger, "Administrator");
        for (var i = 0; i < 9; i++) await PostAsync(admin, larger, "Teacher");
        await PostAsync(admin, exact, "Administrator");
        await PostAsync(admin, exact, "Teacher");
        await PostAsync(admin, empty, "Teacher");
        await PostAsync(admin, missing, "Teacher");
        return new ManpowerWorld(host, area, admin, small, larger, exact, empty, missing, director, teacher);
    }

    /// <summary>Replaces a school's counts for a year: boys and girls split the students, 1 reported room per grade with any.</summary>
    public static async Task CountsAsync(HttpClient client, string school, int year, params (string Grade, int Students)[] grades)
    {
        var rows = grades.Select(g => new { grade = g.Grade, boys = g.Students / 2, girls = g.Students - g.Students / 2, classrooms = g.Students == 0 ? 0 : 1 }).ToArray();
        var response = await client.PutAsJsonAsync($"/api/v1/schools/{school}/student-counts/{year}", rows);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task PostAsync(HttpClient client, string school, string postType, string? occupant = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/schools/{school}/posts", new { positionNumber = Unique.PositionNumber(), postType, occupant });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
