using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using W = Phatthana.Tests.Features.Manpower.ManpowerWorld;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>The area's manpower page and a school's working page, rendered for the roles that may see them (figures from <see cref="ManpowerWorld"/>).</summary>
public sealed partial class ManpowerPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")?.TextContent ?? doc.Body!.TextContent, " ");

    [Theory, MemberData(nameof(Providers))]
    public async Task The_area_page_shows_the_summary_every_school_and_the_schools_without_counts(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);

        var (response, doc) = await browser.GetAsync($"/areas/{w.Area}/manpower?academicYear=2567");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(doc);
        Assert.Contains("อัตรากำลังครูและผู้บริหารตามเกณฑ์ ก.ค.ศ.", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ปีการศึกษา 2567", text, StringComparison.Ordinal);
        // The cards: 4 schools, 17 posts (4 administrators, 13 teachers), 16 required, +1 net = 6.25 %, short 1 / 1, over 2 / 2, exact 1.
        var cards = doc.QuerySelectorAll(".cards .card")
            .Select(c => $"{c.QuerySelector(".figure")!.TextContent.Trim()} {Spaces().Replace(c.QuerySelector(".label")!.TextContent, " ").Trim()}").ToList();
        Assert.Contains(cards, c => c.StartsWith("4 โรงเรียนที่คำนวณ", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("17 อัตราตาม จ.18 (ผู้บริหาร 4 · ผู้สอน 13)", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.StartsWith("16 อัตราตามเกณฑ์", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("+1 เกินเกณฑ์สุทธิ ร้อยละ 6.25", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("1 โรงเรียนขาดเกณฑ์ รวม 1 อัตรา", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("2 โรงเรียนเกินเกณฑ์ รวม 2 อัตรา", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("1 โรงเรียนพอดีเกณฑ์", StringComparison.Ordinal));
        // Every school with counts links to its working; the one without is named in the warning, not the table.
        var rows = doc.QuerySelectorAll("#list tbody tr").ToList();
        Assert.Equal(4, rows.Count);
        foreach (var (code, name) in new[] { (w.Small, W.SmallName), (w.Larger, W.LargerName), (w.Exact, W.ExactName), (w.Empty, W.EmptyName) })
            Assert.Equal(name, doc.QuerySelector($"#list a[href='/schools/{code}/manpower']")?.TextContent.Trim());
        Assert.Contains("ขาดเกณฑ์", rows.Single(r => r.TextContent.Contains(W.SmallName, StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("1 โรงเรียนยังไม่มีข้อมูลนักเรียนปีการศึกษา 2567", text, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector($".alert a[href='/schools/{w.Missing}/student-counts/2567/edit']"));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(W.MissingName, StringComparison.Ordinal));
        // By district, with a chart.
        Assert.Contains(W.Town, doc.QuerySelector(".report-table")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("figure.chart-figure svg"));

        // The status filter narrows the list.
        var (_, over) = await browser.GetAsync($"/areas/{w.Area}/manpower?academicYear=2567&status=Surplus");
        Assert.Equal(2, over.QuerySelectorAll("#list tbody tr").Length);
        Assert.NotNull(over.QuerySelector($"#list a[href='/schools/{w.Larger}/manpower']"));
        Assert.Null(over.QuerySelector($"#list a[href='/schools/{w.Small}/manpower']"));

        // The export links give the files of what is shown.
        var pdfLink = doc.QuerySelectorAll(".export-links a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("format=pdf", StringComparison.Ordinal));
        var pdf = await browser.Client.GetAsync(pdfLink);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(W.LargerName, Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // A year without counts: 422 with the years there are; an unknown file format: 400.
        var (bad, badDoc) = await browser.GetAsync($"/areas/{w.Area}/manpower?academicYear=2566");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("ปีที่มีข้อมูล: 2568, 2567", badDoc.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync($"/areas/{w.Area}/manpower?academicYear=2567&format=exe")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_schools_working_page_shows_the_rule_and_the_figures_and_links_back(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var admin = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);

        var (response, doc) = await admin.GetAsync($"/schools/{w.Larger}/manpower?academicYear=2567");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(doc);
        Assert.Contains(W.LargerName, text, StringComparison.Ordinal);
        Assert.Contains("เกณฑ์รายระดับ (ห้องเรียนมาตรฐานและนักเรียน)", text, StringComparison.Ordinal);
        Assert.Contains("(2 ห้อง × 40 ÷ 25 + 59 คน ÷ 25) ÷ 2", text, StringComparison.Ordinal);
        Assert.Contains("นักเรียน 135 คน ห้องเรียนตามเกณฑ์ 6 ห้อง — ต้องมีครู 9 คน ผู้บริหาร 1 คน รวม 10 อัตรา", text, StringComparison.Ordinal);
        Assert.Contains("เกินเกณฑ์ 1 อัตรา", text, StringComparison.Ordinal);
        // Back to the area summary of the same year.
        Assert.NotNull(doc.QuerySelector($".breadcrumb a[href='/areas/{w.Area}/manpower?academicYear=2567']"));

        var (_, empty) = await admin.GetAsync($"/schools/{w.Empty}/manpower?academicYear=2567");
        Assert.Contains("โรงเรียนไม่มีนักเรียนในปีการศึกษานี้", Text(empty), StringComparison.Ordinal);

        // A school with no counts for the year asked says so, with the years it has.
        var (missing, missingDoc) = await admin.GetAsync($"/schools/{w.Small}/manpower?academicYear=2568");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("ปีที่มีข้อมูล: 2567", missingDoc.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);

        // The school's director sees their own school's working (small-school band), without the area's link, and as a PDF.
        var director = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.SchoolAdmin, w.Area, w.Small), AppHost.Password);
        var (own, ownDoc) = await director.GetAsync($"/schools/{w.Small}/manpower");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var ownText = Text(ownDoc);
        Assert.Contains("เกณฑ์โรงเรียนขนาดเล็ก", ownText, StringComparison.Ordinal);
        Assert.Contains("นักเรียน 41–60 คน → ครู 3 คน", ownText, StringComparison.Ordinal);
        Assert.Contains("ขาดเกณฑ์ 1 อัตรา", ownText, StringComparison.Ordinal);
        Assert.Null(ownDoc.QuerySelector($".breadcrumb a[href^='/areas/{w.Area}/manpower']"));
        var pdf = await director.Client.GetAsync($"/schools/{w.Small}/manpower?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains(W.SmallName, Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        // … but not another school's, nor the area's pages.
        Assert.Equal(HttpStatusCode.NotFound, (await director.Client.GetAsync($"/schools/{w.Larger}/manpower")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.Client.GetAsync($"/areas/{w.Area}/manpower")).StatusCode);

        // A teacher reads neither page; another area's staff find neither.
        var teacher = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Teacher, w.Area, w.Small), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/schools/{w.Small}/manpower")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/areas/{w.Area}/manpower")).StatusCode);
        var foreign = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, await w.Host.AreaAsync()), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync($"/schools/{w.Small}/manpower")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync($"/areas/{w.Area}/manpower")).StatusCode);

        // An assessor reads both.
        var assessor = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Assessor, w.Area), AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await assessor.Client.GetAsync($"/areas/{w.Area}/manpower")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assessor.Client.GetAsync($"/schools/{w.Small}/manpower")).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
