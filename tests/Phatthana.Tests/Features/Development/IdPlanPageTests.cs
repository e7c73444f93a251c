using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// The ID Plan page over HTTP on both databases: a teacher's form (bad rows refused in Thai under their row, nothing saved),
/// saved as a draft and submitted; the director's return needs a comment, approval locks the form; the PDF has the plan.
/// </summary>
public sealed partial class IdPlanPageTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Errors(IDocument doc) => string.Join(" ", doc.QuerySelectorAll(".validation-summary-errors li").Select(e => e.TextContent));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_fills_the_form_the_director_returns_and_approves_and_bad_rows_save_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        Assert.Equal(HttpStatusCode.OK, (await (await host.UserAsync(Role.AreaAdmin, area)).PostAsync($"/api/v1/areas/{area}/competencies/defaults", null)).StatusCode);
        var nationalId = await host.PersonAsync(area, school);
        var director = await host.PersonAsync(area, school, position: "Director");
        var personId = await host.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.NationalId == nationalId).Select(p => p.Id).SingleAsync());
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, area, school, nationalId), AppHost.Password);
        var page = $"/people/{personId}/id-plans/2570";
        var (_, form) = await teacher.GetAsync(page);
        var competencies = form.QuerySelectorAll("input[name$='].Competency']").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        Assert.Equal(11, competencies.Count);
        var topics = form.QuerySelectorAll("select[name='Form.Needs[0].Topic'] option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
        Dictionary<string, string> Fields(int level, params (int Row, string Topic, string Priority, string Start)[] needs)
        {
            var fields = new Dictionary<string, string> { ["Form.Goal"] = "ใช้สื่อดิจิทัลในการสอนทุกคาบ" };
            for (var i = 0; i < competencies.Count; i++)
            {
                fields[$"Form.Levels[{i}].Competency"] = competencies[i].Item2;
                fields[$"Form.Levels[{i}].Level"] = level.ToString();
            }
            // As the browser sends them: every row of the form, the unused ones blank (a list binds up to its first gap).
            for (var row = 0; row <= 3; row++) fields[$"Form.Needs[{row}].Topic"] = "";
            foreach (var (row, topic, priority, start) in needs)
            {
                fields[$"Form.Needs[{row}].Topic"] = topic;
                fields[$"Form.Needs[{row}].Priority"] = priority;
                fields[$"Form.Needs[{row}].Methods"] = "Workshop";
                fields[$"Form.Needs[{row}].PlannedStart"] = start;
            }
            return fields;
        }
        var plan = () => host.WithDbAsync(db => db.IdPlans.IgnoreQueryFilters().Include(p => p.Needs).SingleOrDefaultAsync(p => p.PersonId == personId));

        // Two rows with one priority, an unreadable date, a level of 7: each message under its own row, nothing saved.
        var bad = await teacher.Client.PostAsync(page + "?handler=Save", await teacher.TokenFormAsync(page,
            Fields(7, (0, topics[0], "1", "01/11/2569"), (2, topics[1], "1", "31/02/2569"))));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", Message(doc, "Form.Needs[2].PlannedStart"));
        Assert.Null(await plan());
        var levels = await Browserless.ParseAsync(await teacher.Client.PostAsync(page + "?handler=Save", await teacher.TokenFormAsync(page,
            Fields(7, (0, topics[0], "1", "01/11/2569"), (2, topics[1], "1", "01/12/2569")))));
        Assert.Contains("ต้องเป็น 1 ถึง 5", Message(levels, "Form.Levels[0].Level"));
        Assert.Contains("ลำดับความสำคัญ 1 ซ้ำกัน", Message(levels, "Form.Needs"));
        // A month outside the fiscal year, on the third row shown.
        var outside = await Browserless.ParseAsync(await teacher.Client.PostAsync(page + "?handler=Save", await teacher.TokenFormAsync(page,
            Fields(3, (0, topics[0], "1", "01/11/2569"), (2, topics[1], "2", "01/12/2570")))));
        Assert.Contains("ต้องอยู่ในปีงบประมาณ 2570", Message(outside, "Form.Needs[2].PlannedStart"));
        Assert.Null(await plan());

        // Saved as a draft, then submitted from the form.
        var saved = await teacher.Client.PostAsync(page + "?handler=Save", await teacher.TokenFormAsync(page, Fields(3, (0, topics[0], "1", "01/11/2569"))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((IdPlanStatus.Draft, 1), ((await plan())!.Status, (await plan())!.Needs.Count));
        var submitted = await teacher.Client.PostAsync(page + "?handler=Submit", await teacher.TokenFormAsync(page,
            Fields(3, (0, topics[0], "1", "01/11/2569"), (1, topics[1], "2", ""))));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal((IdPlanStatus.Submitted, 2), ((await plan())!.Status, (await plan())!.Needs.Count));
        var (_, readOnly) = await teacher.GetAsync(page);
        Assert.Null(readOnly.QuerySelector("#plan-form"));
        Assert.Null(readOnly.QuerySelector("form[action*='handler=Approve']"));

        // The director: a return needs a comment; the teacher sees it and the form again.
        var head = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, area, school, director), AppHost.Password);
        var noComment = await Browserless.ParseAsync(await head.SubmitAsync(page, "form[action*='handler=Return']", new() { ["Comment"] = "" }));
        Assert.Contains("ความเห็นที่ส่งคืน", Message(noComment, "Comment"));
        Assert.Equal(IdPlanStatus.Submitted, (await plan())!.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await head.SubmitAsync(page, "form[action*='handler=Return']", new() { ["Comment"] = "ระบุช่วงเวลาของหัวข้อที่ 2" })).StatusCode);
        var (_, returned) = await teacher.GetAsync(page);
        Assert.Contains("ระบุช่วงเวลาของหัวข้อที่ 2", returned.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(returned.QuerySelector("#plan-form"));
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.Client.PostAsync(page + "?handler=Submit", await teacher.TokenFormAsync(page,
            Fields(3, (0, topics[0], "1", "01/11/2569"), (1, topics[1], "2", "01/01/2570"))))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.SubmitAsync(page, "form[action*='handler=Approve']", [])).StatusCode);
        Assert.Equal(IdPlanStatus.Approved, (await plan())!.Status);
        // A teacher posting an approval anyway is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.PostAsync(page + "?handler=Approve", await teacher.TokenFormAsync(page, []))).StatusCode);

        // The printed plan names the person, a topic and the signature lines.
        var pdf = await teacher.Client.GetAsync(page + "?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = Spaces().Replace(Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()), " ");
        Assert.Contains("สมศรี ทดสอบ", text);
        Assert.Contains("ผู้จัดทำแผน", text);
        Assert.Contains("ผู้อนุมัติแผน", text);
    }


    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
