using System.Net;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// External completions (UTQ, TEPE Online, coupon courses) from files: all or nothing, re-import updates; and what they
/// feed: the transcript's hours within the fiscal year, the people below the required hours, the coupon budget.
/// </summary>
public sealed class ExternalCompletionsTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly object?[] Header = ["เลขประจำตัวประชาชน", "แหล่ง/แพลตฟอร์ม", "หลักสูตร", "วันที่สำเร็จ", "ชั่วโมง", "ผล", "ค่าใช้จ่าย"];

    private static object?[] Row(string nationalId, string source, string title, string date, object hours, string? passed = "ผ่าน", object? cost = null) =>
        [nationalId, source, title, date, hours, passed, cost];

    private static Task<Guid> AreaIdAsync(AppHost host, string area) => host.WithDbAsync(db => db.Areas.Where(a => a.Code == area).Select(a => a.Id).SingleAsync());

    private static async Task<decimal> TranscriptHoursAsync(HttpClient client, string person, int fiscalYear)
    {
        var response = await client.GetAsync($"/api/v1/people/{person}/transcript?fiscalYear={fiscalYear}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("hours").GetDecimal();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_imports_again_without_duplicates_and_counts_within_its_fiscal_year(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var school = await host.SchoolAsync(area);
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var (a, b) = (await host.PersonAsync(area, school), await host.PersonAsync(area, school, position: "AssistantTeacher"));
            // FY 2569 runs 1 Oct 2568 (2025) to 30 Sep 2569 (2026).
            var rows = With(Header,
                Row(a, "UTQ", "การวัดและประเมินผลการเรียนรู้ (UTQ-55203)", "15/03/2569", 20),
                Row(a, "คูปองพัฒนาครู", "การสอนภาษาอังกฤษแบบ CLIL", "2026-09-30", 12, "true", "5,000"),
                Row(a, "UTQ online", "จิตวิทยาสำหรับครู (UTQ-55102)", "01/10/2569", 20),
                Row(a, "คูปอง", "การจัดการชั้นเรียนเชิงบวก", "30/09/2568", 6, "ผ่าน", 2000),
                Row(b, "TEPE Online", "การพัฒนาครูผู้ช่วยด้วยระบบ TEPE Online", "01/12/2568", 60, "ไม่ผ่าน", 1500));
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((5, 5, 0), await (await admin.ImportAsync(area, "external-completions", file, "utq" + format)).ImportedAsync());
            Assert.Equal((5, 0, 5), await (await admin.ImportAsync(area, "external-completions", file, "utq" + format)).ImportedAsync());
            var areaId = await AreaIdAsync(host, area);
            var saved = await host.WithDbAsync(db => db.ExternalCompletions.Where(e => e.AreaId == areaId).ToListAsync());
            Assert.Equal(5, saved.Count);
            Assert.Equal(2, saved.Count(e => e.Source == ExternalSources.Utq));
            Assert.Equal(2, saved.Count(e => e.Source == ExternalSources.Coupon));
            Assert.False(saved.Single(e => e.Source == ExternalSources.Tepe).Passed);

            // Only the completions inside the fiscal year count: 20 + 12 in 2569, 20 in 2570, 6 in 2568.
            Assert.Equal(32m, await TranscriptHoursAsync(admin, a, 2569));
            Assert.Equal(20m, await TranscriptHoursAsync(admin, a, 2570));
            Assert.Equal(6m, await TranscriptHoursAsync(admin, a, 2568));
            Assert.Equal(60m, await TranscriptHoursAsync(admin, b, 2569));

            // The coupon: only coupon-paid completions of the year are spent (the TEPE fee is not the coupon's).
            var coupons = await host.WithDbAsync(db => TrainingLedger.CouponsAsync(db, areaId, 2569));
            var ofA = coupons.Single(c => c.Name.Contains("สมศรี") && c.Position == Position.Teacher);
            Assert.Equal((10_000m, 5_000m, 5_000m), (ofA.Allocated, ofA.Spent, ofA.Remaining));
            Assert.Equal(0m, coupons.Single(c => c.Position == Position.AssistantTeacher).Spent);
            var schools = TrainingLedger.BySchool(coupons);
            var total = TrainingLedger.Total(schools);
            Assert.Equal((2, 1, 20_000m, 5_000m, 15_000m, 25m), (total.People, total.Spenders, total.Allocated, total.Spent, total.Remaining, total.SpentPercent));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_is_reported_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (good, retired) = (await host.PersonAsync(area, school), await host.PersonAsync(area, school));
        await host.WithDbAsync(async db =>
        {
            var p = await db.People.SingleAsync(x => x.NationalId == retired);
            p.Status = PersonStatus.Retired;
            return await db.SaveChangesAsync();
        });
        var rows = With(Header,
            Row(good, "UTQ online", "การพัฒนาทักษะการคิดวิเคราะห์", "15/03/2569", 20),
            Row(Unique.NationalId(), "UTQ online", "การพัฒนาทักษะการคิดวิเคราะห์", "15/03/2569", 20),
            Row(retired, "UTQ online", "การพัฒนาทักษะการคิดวิเคราะห์", "15/03/2569", 20),
            Row(good, "TEPE Online", "หลักสูตร ก", "31/02/2569", 20),
            Row(good, "TEPE Online", "หลักสูตร ข", "15/03/2569", 0),
            Row(good, "TEPE Online", "หลักสูตร ค", "15/03/2569", 1200),
            Row(good, "TEPE Online", "", "15/03/2569", 10),
            Row(good, "UTQ", "การพัฒนาทักษะการคิดวิเคราะห์", "2026-03-15", 20),
            Row(good, "UTQ", "หลักสูตร ง", "15/03/2569", 10, "อาจจะ"));

        foreach (var (content, name) in ImportFiles.BothFormats(rows, "completions"))
        {
            var errors = await (await admin.ImportAsync(area, "external-completions", content, name)).ImportErrorsAsync();
            Assert.Equal([(3, "nationalId"), (4, "nationalId"), (5, "completedOn"), (6, "hours"), (7, "hours"), (8, "title"), (9, "title"), (10, "passed")],
                errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("ไม่พบ", errors[0].Message);
            Assert.Contains("เกษียณ", errors[1].Message);
            Assert.Contains("1,000", errors[4].Message);
            Assert.Contains("แถว 2", errors[6].Message);
        }
        var areaId = await AreaIdAsync(host, area);
        Assert.Equal(0, await host.WithDbAsync(db => db.ExternalCompletions.CountAsync(e => e.AreaId == areaId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_template_downloads_and_lists_the_columns(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var response = await admin.GetAsync("/api/v1/imports/external-completions/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
        // A director may not import completions for the area.
        var school = await host.SchoolAsync(area);
        var director = await host.UserAsync(Role.SchoolAdmin, area, school);
        var file = ImportFiles.Csv(With(Header, Row(Unique.NationalId(), "UTQ", "ก", "15/03/2569", 1)));
        Assert.Equal(HttpStatusCode.Forbidden, (await director.ImportAsync(area, "external-completions", file, "x.csv")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_pages_list_people_below_the_required_hours_and_the_coupons_and_a_teacher_reads_only_their_own(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var below = await host.PersonAsync(area, school, firstName: "ขาดชั่วโมง");
        var enough = await host.PersonAsync(area, school, firstName: "ครบชั่วโมง");
        var contract = await host.PersonAsync(area, school, position: "ContractTeacher", firstName: "ครูอัตราจ้าง");
        var rows = With(Header,
            Row(below, "UTQ online", "จิตวิทยาสำหรับครู", "15/03/2569", 6),
            Row(enough, "UTQ online", "จิตวิทยาสำหรับครู", "15/03/2569", 20),
            Row(enough, "คูปองพัฒนาครู", "Bar Model", "16/03/2569", 6, "ผ่าน", 4000));
        Assert.Equal((3, 3, 0), await (await admin.ImportAsync(area, "external-completions", ImportFiles.Csv(rows), "c.csv")).ImportedAsync());

        var areaId = await AreaIdAsync(host, area);
        var hours = await host.WithDbAsync(db => TrainingLedger.HoursAsync(db, areaId, 2569));
        Assert.Equal(2, hours.Count); // the contract teacher has no yearly requirement
        Assert.Equal((6m, 14m), hours.Where(h => h.Name.Contains("ขาดชั่วโมง")).Select(h => (h.Hours, h.Shortfall)).Single());
        Assert.Equal((26m, 0m), hours.Where(h => h.Name.Contains("ครบชั่วโมง")).Select(h => (h.Hours, h.Shortfall)).Single());

        var page = await admin.GetAsync($"/areas/{area}/training/hours?fiscalYear=2569&school={school}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("ขาดชั่วโมง", html);
        Assert.DoesNotContain("ครบชั่วโมง", html);
        Assert.DoesNotContain("ครูอัตราจ้าง", html);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/areas/{area}/training/hours?fiscalYear=2569&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync($"/areas/{area}/training/hours?fiscalYear=abc")).StatusCode);

        // A higher requirement puts the second person below it too.
        await host.WithDbAsync(async db =>
        {
            db.TrainingSettings.Add(new TrainingSettings { AreaId = areaId, RequiredHoursPerYear = 30, CouponPerPerson = 8000 });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(2, (await host.WithDbAsync(db => TrainingLedger.HoursAsync(db, areaId, 2569))).Count(h => h.Shortfall > 0));

        var coupons = await admin.GetAsync($"/areas/{area}/training/coupons?fiscalYear=2569");
        Assert.Equal(HttpStatusCode.OK, coupons.StatusCode);
        var couponHtml = await coupons.Content.ReadAsStringAsync();
        Assert.Contains("16,000", couponHtml); // 2 × 8,000 allocated
        Assert.Contains("12,000", couponHtml); // remaining
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/areas/{area}/training/coupons?fiscalYear=2569&school={school}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/areas/{area}/training/coupons?fiscalYear=2569&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/areas/{area}/training/settings")).StatusCode);

        var transcript = await admin.GetAsync($"/people/{enough}/transcript?fiscalYear=2569");
        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        Assert.Contains("Bar Model", await transcript.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/people/{enough}/transcript?fiscalYear=2569&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/people/{enough}/transcript?fiscalYear=2569&format=xlsx")).StatusCode);

        // A teacher whose account names their ID reads their own transcript, and no one else's.
        var teacher = await host.UserAsync(Role.Teacher, area, school, nationalId: below);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/people/{below}/transcript?fiscalYear=2569")).StatusCode);
        Assert.Equal(6m, await TranscriptHoursAsync(teacher, below, 2569));
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/people/{enough}/transcript?fiscalYear=2569")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/people/{enough}/transcript?fiscalYear=2569")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/areas/{area}/training/hours")).StatusCode);
        var mine = await teacher.GetAsync("/me/transcript?fiscalYear=2569");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.EndsWith("/transcript?fiscalYear=2569", mine.Headers.Location!.ToString());
    }
}
