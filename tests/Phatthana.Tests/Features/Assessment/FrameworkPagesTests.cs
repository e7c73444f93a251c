using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Data.Configurations;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>
/// The framework pages over HTTP on both databases: the list and a framework read in Thai and exported; the editor's
/// every handler with good input (changed in place while no round uses the framework, the next revision once one does,
/// the round keeping its own) and bad input (the Thai message under the field, nothing changed); stale edits refused;
/// JSON imports; readers who may not edit (403) and visitors sent to sign in.
/// </summary>
public sealed class FrameworkPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string Pages = "/assessment/frameworks";

    /// <summary>Standard 1: indicator 1 counts clear items (2 items, levels 3/2/1, two described); indicator 2 is a rubric over 3 items.</summary>
    private static object Document(string code, string name = "กรอบทดสอบหน้าเว็บ") => new
    {
        code, name,
        standards = new[]
        {
            new
            {
                number = 1, name = "การบริหารจัดการองค์การ",
                indicators = new object[]
                {
                    new
                    {
                        number = 1, name = "การบริหารจัดการที่ดี",
                        rule = new { kind = "Count", levels = new[] { new { level = 3, minClear = 2 }, new { level = 2, minClear = 1 }, new { level = 1, minClear = 0 } } },
                        levelDescriptions = new[] { new { level = 3, text = "หลักฐานชัดเจนทุกข้อ" }, new { level = 1, text = "ต้องปรับปรุง" } },
                        items = new[] { new { number = 1, text = "มีแผนปฏิบัติการ" }, new { number = 2, text = "มีการติดตามผล" } },
                    },
                    new
                    {
                        number = 2, name = "การพัฒนาครู", rule = new { kind = "Rubric" },
                        levelDescriptions = new[] { new { level = 4, text = "นำผลการติดตามมาปรับกระบวนการพัฒนา" } },
                        items = Enumerable.Range(1, 3).Select(n => new { number = n, text = $"ประเด็นการพัฒนาข้อ {n}" }).ToArray(),
                    },
                },
            },
        },
    };

    private async Task<(AppHost Host, Browserless Admin, string Code)> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var code = $"P-{Unique.PositionNumber()}";
        var created = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", Document(code));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (host, await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword), code);
    }

    /// <summary>Every stored revision of a code, whole: equal before and after means nothing was saved.</summary>
    private static Task<string> StoredAsync(AppHost host, string code) => host.WithDbAsync(async db =>
        string.Join("\n", (await db.Frameworks.AsNoTracking().Where(f => f.Code == code).ToListAsync()).OrderBy(f => f.Revision)
            .Select(f => $"{f.Revision}/{f.Version}/{f.Name}/{JsonSerializer.Serialize(f.Definition, FrameworkConfiguration.Json)}")));

    private static Task<Framework> CurrentAsync(AppHost host, string code) =>
        host.WithDbAsync(db => db.Frameworks.AsNoTracking().Where(f => f.Code == code).OrderByDescending(f => f.Revision).FirstAsync());

    private static string Message(IDocument doc, string field) =>
        doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"no message place for {field}");

    private static async Task<IDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browserless.ParseAsync(response);
    }

    /// <summary>The values a browser would send from an already loaded form, with some changed (a form kept open while others save).</summary>
    private static FormUrlEncodedContent Values(IDocument page, string selector, Dictionary<string, string>? changes = null)
    {
        changes ??= [];
        var form = page.QuerySelector<IHtmlFormElement>(selector)!;
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => !changes.ContainsKey(i.Name!) && (i.Type is not ("checkbox" or "file") || i.IsChecked))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(t => !changes.ContainsKey(t.Name!)).Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)))
            .Concat(form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => !changes.ContainsKey(s.Name!)).Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? "")))
            .Concat(changes);
        return new FormUrlEncodedContent(values);
    }

    private static async Task<HttpResponseMessage> ImportAsync(Browserless browser, byte[] file, string name = "framework.json")
    {
        var (_, page) = await browser.GetAsync($"{Pages}/import");
        var form = new MultipartFormDataContent { { new StringContent(page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(file), "Upload", name);
        return await browser.Client.PostAsync($"{Pages}/import", form);
    }

    private static async Task<string[]> ProblemsAsync(HttpResponseMessage response) =>
        [.. (await RefusedAsync(response)).QuerySelectorAll(".fw-problems li").Select(li => li.TextContent.Trim())];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_and_a_framework_read_in_thai_and_the_json_download_imports_back_unchanged(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var (list, listPage) = await admin.GetAsync($"{Pages}?q={code}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var row = Assert.Single(listPage.QuerySelectorAll("#list tbody tr"));
        Assert.Equal([code, "กรอบทดสอบหน้าเว็บ", "1", "1", "2", "5", "เพิ่มในระบบ", "0"], row.QuerySelectorAll("td").Take(8).Select(td => td.TextContent.Trim()));
        Assert.NotNull(row.QuerySelector($"a[href='{Pages}/{code}']"));
        Assert.NotNull(listPage.QuerySelector("nav.mainnav a[href='/assessment/frameworks'].active"));
        var sheet = Workbook.Read(await (await admin.Client.GetAsync($"{Pages}?q={code}&format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(code, Assert.Single(Workbook.RowsAfter(sheet, "รหัส"))[0]?.ToString());

        var (_, page) = await admin.GetAsync($"{Pages}/{code}");
        Assert.Equal("กรอบทดสอบหน้าเว็บ", page.QuerySelector("h1")!.TextContent.Trim());
        var count = page.QuerySelector("#indicator-1\\.1")!;
        Assert.Contains("หลักฐานชัดเจน ≥ 2 ข้อ → ระดับ 3, ≥ 1 → 2, น้อยกว่า 1 → 1", count.QuerySelector(".fw-rule")!.TextContent);
        Assert.Equal(["มีแผนปฏิบัติการ", "มีการติดตามผล"], count.QuerySelectorAll("ol li").Select(li => li.TextContent.Trim()));
        Assert.Equal(
            [["3", "หลักฐานชัดเจนครบทั้ง 2 ข้อ", "หลักฐานชัดเจนทุกข้อ"], ["2", "หลักฐานชัดเจน 1 ข้อ", "—"], ["1", "ไม่มีข้อใดมีหลักฐานชัดเจน", "ต้องปรับปรุง"]],
            count.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()));
        var rubric = page.QuerySelector("#indicator-1\\.2")!.TextContent;
        Assert.Contains("นำผลการติดตามมาปรับกระบวนการพัฒนา", rubric);
        Assert.Contains("ยังดำเนินการไม่ครบทุกข้อ", rubric);
        Assert.Contains("ยังไม่มีรอบการประเมินใช้ฉบับนี้", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[style], script:not([src])"));

        // The download is the import shape, readable (indented, Thai as itself), and imports back as no change at all.
        var file = await admin.Client.GetAsync(page.QuerySelector("a[download][href*='handler=json']")!.GetAttribute("href"));
        Assert.Equal($"{code}-r1.json", file.Content.Headers.ContentDisposition?.FileName);
        var json = await file.Content.ReadAsStringAsync();
        Assert.Contains("\"name\": \"กรอบทดสอบหน้าเว็บ\"", json);
        var read = FrameworkDocument.Read(JsonSerializer.Deserialize<FrameworkInput>(json, FrameworkConfiguration.Json)).Value;
        var stored = await CurrentAsync(host, code);
        Assert.Equal((stored.Code, stored.Name, JsonSerializer.Serialize(stored.Definition, FrameworkConfiguration.Json)),
            (read.Code, read.Name, JsonSerializer.Serialize(read.Definition, FrameworkConfiguration.Json)));
        var before = await StoredAsync(host, code);
        var again = await ImportAsync(admin, Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("ไม่มีอะไรเปลี่ยน", (await admin.GetAsync(again.Headers.Location!.OriginalString)).Document.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(before, await StoredAsync(host, code));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Pages}/{code}?revision=9")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Pages}/NO-{code}")).Response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Standards_and_indicators_are_added_edited_and_removed_in_place_while_no_round_uses_the_framework(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var url = $"{Pages}/{code}";

        var renamed = await admin.SubmitFilledAsync($"{url}/edit", "form.fw-form", new() { ["Name"] = "กรอบทดสอบ (ปรับปรุง)" });
        Assert.Equal($"{url}/edit", renamed.Headers.Location?.OriginalString);

        var standard = await admin.SubmitFilledAsync($"{url}/standards/new", "form.fw-form", new()
        {
            ["Standard.Name"] = "การพัฒนาบุคลากร", ["Indicator.Name"] = "การพัฒนาตนเอง",
            ["Indicator.Levels[0].MinClear"] = "2", ["Indicator.Levels[1].MinClear"] = "1", ["Indicator.Levels[1].Description"] = "ทำได้บางส่วน",
            ["Indicator.Items[0].Text"] = "มีแผนพัฒนาตนเอง", ["Indicator.Items[1].Text"] = "มีผลการพัฒนา",
        });
        Assert.Equal(HttpStatusCode.Redirect, standard.StatusCode);
        var f = await CurrentAsync(host, code);
        Assert.Equal("กรอบทดสอบ (ปรับปรุง)", f.Name);
        var added = f.Definition.Find("2.1")!.Value.Indicator;
        Assert.Equal(("การพัฒนาบุคลากร", "การพัฒนาตนเอง"), (f.Definition.Standards[1].Name, added.Name));
        Assert.Equal([new CountLevel(5, 2), new CountLevel(4, 1)], added.Rule.Levels);
        Assert.Equal([new LevelDescription(4, "ทำได้บางส่วน")], added.LevelDescriptions);
        Assert.Equal([(1, "มีแผนพัฒนาตนเอง"), (2, "มีผลการพัฒนา")], added.Items.Select(i => (i.Number, i.Text)));

        // An item removed, one typed without a number (it takes the next), the rule's top level dropped, renamed.
        var edited = await admin.SubmitFilledAsync($"{url}/indicators/1.1/edit", "form.fw-form", new()
        {
            ["Indicator.Name"] = "การบริหารจัดการที่ดี (ฉบับแก้)", ["Indicator.Items[0].Remove"] = "true", ["Indicator.Items[2].Text"] = "มีการรายงานผล",
            ["Indicator.Levels[0].Remove"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        // A rubric's items reordered by their numbers.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFilledAsync($"{url}/indicators/1.2/edit", "form.fw-form", new() { ["Indicator.Items[0].Number"] = "9" })).StatusCode);
        var newIndicator = await admin.SubmitFilledAsync($"{url}/standards/1/indicators/new", "form.fw-form", new()
        {
            ["Indicator.Name"] = "การสื่อสารองค์กร", ["Indicator.Kind"] = "Rubric", ["Indicator.Items[0].Text"] = "มีช่องทางสื่อสาร",
        });
        Assert.Equal(HttpStatusCode.Redirect, newIndicator.StatusCode);
        f = await CurrentAsync(host, code);
        var first = f.Definition.Find("1.1")!.Value.Indicator;
        Assert.Equal("การบริหารจัดการที่ดี (ฉบับแก้)", first.Name);
        Assert.Equal([(2, "มีการติดตามผล"), (3, "มีการรายงานผล")], first.Items.Select(i => (i.Number, i.Text)));
        Assert.Equal([new CountLevel(2, 1), new CountLevel(1, 0)], first.Rule.Levels);
        Assert.Equal([new LevelDescription(1, "ต้องปรับปรุง")], first.LevelDescriptions);
        Assert.Equal([2, 3, 9], f.Definition.Find("1.2")!.Value.Indicator.Items.Select(i => i.Number));
        Assert.Equal(ScoringRule.RubricKind, f.Definition.Find("1.3")!.Value.Indicator.Rule.Kind);

        // Removing asks first, then removes.
        var (_, ask) = await admin.GetAsync($"{url}/indicators/1.3/delete");
        Assert.Contains("ต้องการลบ", ask.QuerySelector(".danger-zone")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{url}/indicators/1.3/delete", ".danger-zone form", [])).StatusCode);
        var (_, askStandard) = await admin.GetAsync($"{url}/standards/2/delete");
        Assert.Contains("การพัฒนาตนเอง", askStandard.QuerySelector(".danger-zone")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{url}/standards/2/delete", ".danger-zone form", [])).StatusCode);
        f = await CurrentAsync(host, code);
        Assert.Equal(["1.1", "1.2"], f.Definition.Indicators().Select(x => IndicatorDef.Key(x.Standard, x.Indicator)));
        Assert.Equal((1, false), (f.Revision, f.IsShipped));
        Assert.Equal(1, await host.WithDbAsync(db => db.Frameworks.CountAsync(x => x.Code == code)));

        // The last standard cannot go: the page says so and offers no form; a forged post is refused the same way.
        var (_, last) = await admin.GetAsync($"{url}/standards/1/delete");
        Assert.Contains("ลบไม่ได้", last.QuerySelector(".danger-zone")!.TextContent);
        Assert.Null(last.QuerySelector(".danger-zone form"));
        var before = await StoredAsync(host, code);
        var token = last.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.Client.PostAsync($"{url}/standards/1/delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Revision", "1"), new("Version", f.Version.ToString())]));
        Assert.Contains("ต้องมีอย่างน้อยหนึ่งมาตรฐาน", (await RefusedAsync(forged)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(before, await StoredAsync(host, code));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_on_the_editing_forms_is_told_in_thai_under_its_field_and_nothing_changes(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var url = $"{Pages}/{code}";
        var before = await StoredAsync(host, code);
        async Task<IDocument> Indicator(Dictionary<string, string> changes) => await RefusedAsync(await admin.SubmitFilledAsync($"{url}/indicators/1.1/edit", "form.fw-form", changes));

        // Indicator 1.1's level rows are 3, 2, 1 (then a spare); it has two items (then spares).
        var doc = await Indicator(new() { ["Indicator.Levels[1].MinClear"] = "2" });
        Assert.Contains("เกณฑ์ไม่เรียงลำดับ: ระดับ 3 ต้องการหลักฐานชัดเจน 2 ข้อ ซึ่งไม่มากกว่าระดับ 2", Message(doc, "Indicator.Levels"));
        Assert.Contains("พบข้อผิดพลาด 1 รายการ", doc.QuerySelector(".validation-summary-errors")!.TextContent);
        doc = await Indicator(new() { ["Indicator.Levels[0].MinClear"] = "5" });
        Assert.Equal("ระดับ 3 ต้องการหลักฐานชัดเจน 5 ข้อ แต่ตัวชี้วัดมีเพียง 2 ข้อ", Message(doc, "Indicator.Levels[0].MinClear"));
        doc = await Indicator(new() { ["Indicator.Name"] = " " });
        Assert.Equal("กรุณากรอกชื่อตัวชี้วัด", Message(doc, "Indicator.Name"));
        doc = await Indicator(new() { ["Indicator.Kind"] = "Points" });
        Assert.Contains("ไม่รู้จักเกณฑ์ \"Points\"", Message(doc, "Indicator.Kind"));
        doc = await Indicator(new() { ["Indicator.Number"] = "2" });
        Assert.Equal("ลำดับตัวชี้วัด 2 ซ้ำกัน", Message(doc, "Indicator.Number"));
        doc = await Indicator(new() { ["Indicator.Items[1].Number"] = "1" });
        Assert.Equal("ลำดับประเด็นการพิจารณา 1 ซ้ำกัน", Message(doc, "Indicator.Items[1].Number"));
        doc = await Indicator(new() { ["Indicator.Number"] = "หนึ่ง" });
        Assert.Equal("ค่า \"หนึ่ง\" ไม่ถูกต้อง", Message(doc, "Indicator.Number"));
        // A described level without its minimum asks for it; the level table's order waits until it is there.
        doc = await Indicator(new() { ["Indicator.Levels[2].MinClear"] = "", ["Indicator.Levels[1].MinClear"] = "2", ["Indicator.Items[0].Text"] = "" });
        Assert.Equal("กรุณากรอกจำนวนข้อที่ต้องมีหลักฐานชัดเจนของระดับ 1", Message(doc, "Indicator.Levels[2].MinClear"));
        Assert.Equal("", Message(doc, "Indicator.Levels"));
        Assert.Equal("กรุณากรอกข้อความประเด็นการพิจารณา", Message(doc, "Indicator.Items[0].Text"));
        doc = await Indicator(new() { ["Indicator.Items[0].Remove"] = "true", ["Indicator.Items[1].Remove"] = "true" });
        Assert.Equal("ตัวชี้วัดต้องมีประเด็นการพิจารณาอย่างน้อยหนึ่งข้อ", Message(doc, "Indicator.Items"));

        doc = await RefusedAsync(await admin.SubmitFilledAsync($"{url}/standards/1/edit", "form.fw-form", new() { ["Standard.Number"] = "0", ["Standard.Name"] = "" }));
        Assert.Equal("ลำดับมาตรฐานต้องอยู่ระหว่าง 1 ถึง 999", Message(doc, "Standard.Number"));
        Assert.Equal("กรุณากรอกชื่อมาตรฐาน", Message(doc, "Standard.Name"));
        doc = await RefusedAsync(await admin.SubmitFilledAsync($"{url}/standards/new", "form.fw-form", new() { ["Standard.Number"] = "1", ["Standard.Name"] = "ซ้ำ", ["Indicator.Name"] = "x", ["Indicator.Items[0].Text"] = "x", ["Indicator.Levels[4].MinClear"] = "0" }));
        Assert.Equal("ลำดับมาตรฐาน 1 ซ้ำกัน", Message(doc, "Standard.Number"));
        doc = await RefusedAsync(await admin.SubmitFilledAsync($"{url}/standards/1/indicators/new", "form.fw-form", new() { ["Indicator.Name"] = "ไม่มีระดับ", ["Indicator.Items[0].Text"] = "x" }));
        Assert.Equal("เกณฑ์แบบนับข้อต้องระบุระดับอย่างน้อยหนึ่งระดับ", Message(doc, "Indicator.Levels"));
        doc = await RefusedAsync(await admin.SubmitFilledAsync($"{url}/edit", "form.fw-form", new() { ["Name"] = "" }));
        Assert.Equal("กรุณากรอกชื่อกรอบการประเมิน", Message(doc, "Name"));

        Assert.Equal(before, await StoredAsync(host, code));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{url}/indicators/7.7/edit")).Response.StatusCode);

        // In a document kept out of order (imported so), the duplicate is reported at the sibling after it: still this form's number.
        var unsorted = $"U-{Unique.PositionNumber()}";
        var items = new[] { new { number = 1, text = "ข้อ" } };
        var created = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", new
        {
            code = unsorted, name = "กรอบเรียงไม่ตามลำดับ",
            standards = new[] { new { number = 1, name = "มาตรฐาน", indicators = new[] { 5, 2, 3 }.Select(n => new { number = n, name = $"ตัวชี้วัด {n}", rule = new { kind = "Rubric" }, items }) } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        doc = await RefusedAsync(await admin.SubmitFilledAsync($"{Pages}/{unsorted}/indicators/1.3/edit", "form.fw-form", new() { ["Indicator.Number"] = "2" }));
        Assert.Equal("ลำดับตัวชี้วัด 2 ซ้ำกัน", Message(doc, "Indicator.Number"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{url}/standards/7/edit")).Response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_framework_is_empty_or_a_copy_under_a_new_code_and_a_bad_one_is_refused_in_thai(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var fresh = $"N-{Unique.PositionNumber()}";
        async Task<IDocument> New(Dictionary<string, string> changes) => await RefusedAsync(await admin.SubmitFilledAsync($"{Pages}/new", "form.fw-form", changes));

        var doc = await New(new() { ["Code"] = "รหัส ไทย", ["Name"] = "", ["Standard.Name"] = "มาตรฐาน", ["Indicator.Name"] = "ตัวชี้วัด" });
        Assert.Contains("ต้องเป็นตัวอักษรภาษาอังกฤษ", Message(doc, "Code"));
        Assert.Equal("กรุณากรอกชื่อกรอบการประเมิน", Message(doc, "Name"));
        Assert.Equal("ตัวชี้วัดต้องมีประเด็นการพิจารณาอย่างน้อยหนึ่งข้อ", Message(doc, "Indicator.Items"));
        doc = await New(new() { ["Code"] = code, ["Name"] = "ซ้ำ", ["Standard.Name"] = "ม", ["Indicator.Name"] = "ต", ["Indicator.Kind"] = "Rubric", ["Indicator.Items[0].Text"] = "ข้อ" });
        Assert.Equal("มีกรอบการประเมินรหัสนี้แล้ว — เลือกรหัสอื่น หรือแก้ไขกรอบนั้นแทน", Message(doc, "Code"));
        doc = await New(new() { ["Code"] = "Import", ["Name"] = "ชื่อหน้า", ["Standard.Name"] = "ม", ["Indicator.Name"] = "ต", ["Indicator.Kind"] = "Rubric", ["Indicator.Items[0].Text"] = "ข้อ" });
        Assert.Contains("เป็นชื่อหน้าของระบบ", Message(doc, "Code"));
        Assert.Equal(0, await host.WithDbAsync(db => db.Frameworks.CountAsync(f => f.Code == "Import" || f.Name == "ซ้ำ")));

        var created = await admin.SubmitFilledAsync($"{Pages}/new", "form.fw-form", new()
        {
            ["Code"] = fresh, ["Name"] = "กรอบใหม่ทั้งกรอบ", ["Standard.Name"] = "มาตรฐานแรก", ["Indicator.Name"] = "ตัวชี้วัดแรก",
            ["Indicator.Kind"] = "Rubric", ["Indicator.Items[0].Text"] = "ประเด็นแรก",
        });
        Assert.Equal($"{Pages}/{fresh}/edit", created.Headers.Location?.OriginalString);
        var made = await CurrentAsync(host, fresh);
        Assert.Equal(("กรอบใหม่ทั้งกรอบ", "1.1", 1), (made.Name, IndicatorDef.Key(made.Definition.Standards[0], made.Definition.Standards[0].Indicators[0]), made.Definition.Standards[0].Indicators[0].Items.Count));

        var copyCode = $"C-{Unique.PositionNumber()}";
        var (_, copyForm) = await admin.GetAsync($"{Pages}/new?from={code}");
        Assert.Equal("กรอบทดสอบหน้าเว็บ", copyForm.QuerySelector("textarea[name=Name]")!.TextContent.Trim());
        var copied = await admin.SubmitFilledAsync($"{Pages}/new?from={code}", "form.fw-form", new() { ["Code"] = copyCode, ["Name"] = "สำเนากรอบทดสอบ" });
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var (source, copy) = (await CurrentAsync(host, code), await CurrentAsync(host, copyCode));
        Assert.Equal(JsonSerializer.Serialize(source.Definition, FrameworkConfiguration.Json), JsonSerializer.Serialize(copy.Definition, FrameworkConfiguration.Json));
        Assert.Equal(("สำเนากรอบทดสอบ", 1), (copy.Name, copy.Revision));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Pages}/new?from=NO-{code}")).Response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_import_adds_or_revises_and_a_bad_file_lists_every_problem_and_saves_nothing(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var fresh = $"I-{Unique.PositionNumber()}";
        byte[] Json(object document) => JsonSerializer.SerializeToUtf8Bytes(document);

        Assert.Contains("กรุณาเลือกไฟล์", Assert.Single(await ProblemsAsync(await ImportAsync(admin, []))));
        Assert.Contains("อ่านไฟล์ไม่ได้ที่บรรทัดที่ 2", Assert.Single(await ProblemsAsync(await ImportAsync(admin, Encoding.UTF8.GetBytes($"{{\"code\": \"{fresh}\",\n \"name\" \"x\"}}")))));
        var text = Assert.Single(await ProblemsAsync(await ImportAsync(admin, Encoding.UTF8.GetBytes($"{{\"code\": \"{fresh}\", \"standards\": [{{\"number\": \"หนึ่ง\"}}]}}"))));
        Assert.Contains("standards[0].number", text);

        // An invalid document: every mistake, each saying where it is.
        var broken = JsonSerializer.Serialize(Document(fresh, name: "")).Replace("\"Rubric\"", "\"Points\"").Replace("\"minClear\":2", "\"minClear\":7");
        var problems = await ProblemsAsync(await ImportAsync(admin, Encoding.UTF8.GetBytes(broken)));
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, p => p.Contains("กรุณากรอกชื่อกรอบการประเมิน"));
        Assert.Contains(problems, p => p.StartsWith("มาตรฐานที่ 1 › ตัวชี้วัดที่ 1.2 › เกณฑ์การให้ระดับ › ชนิดของเกณฑ์:") && p.Contains("ไม่รู้จักเกณฑ์ \"Points\""));
        Assert.Contains(problems, p => p.StartsWith("มาตรฐานที่ 1 › ตัวชี้วัดที่ 1.1 › เกณฑ์การให้ระดับ › แถวที่ 1") && p.Contains("มีเพียง 2 ข้อ"));
        Assert.Equal(0, await host.WithDbAsync(db => db.Frameworks.CountAsync(f => f.Code == fresh)));

        var added = await ImportAsync(admin, Json(Document(fresh, "กรอบจากไฟล์")));
        Assert.Equal($"{Pages}/{fresh}", added.Headers.Location?.OriginalString);
        Assert.Equal("กรอบจากไฟล์", (await CurrentAsync(host, fresh)).Name);
        var revised = await ImportAsync(admin, Json(Document(code, "กรอบทดสอบ แก้จากไฟล์")));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        Assert.Equal(("กรอบทดสอบ แก้จากไฟล์", 1), ((await CurrentAsync(host, code)).Name, (await CurrentAsync(host, code)).Revision));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Editing_a_framework_a_round_uses_makes_the_next_revision_and_the_round_keeps_its_own(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var area = await host.AreaAsync();
        var staff = await host.UserAsync(Role.AreaAdmin, area);
        var round = await staff.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework = code, name = "ครั้งที่ 1/2569", startDate = "2025-10-01", endDate = "2026-03-31" });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        var roundId = (await round.JsonAsync()).GetProperty("id").GetGuid();
        var url = $"{Pages}/{code}";

        var (_, form) = await admin.GetAsync($"{url}/indicators/1.1/edit");
        Assert.Contains("กรอบนี้ใช้ในรอบการประเมินแล้ว (1 รอบ) การบันทึกจะสร้างฉบับที่ 2", form.QuerySelector("form .alert-warn")!.TextContent);
        var saved = await admin.SubmitFilledAsync($"{url}/indicators/1.1/edit", "form.fw-form", new() { ["Indicator.Items[2].Text"] = "มีการรายงานผลต่อคณะกรรมการ" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("เป็นฉบับที่ 2", (await admin.GetAsync(saved.Headers.Location!.OriginalString)).Document.QuerySelector("[role=status]")!.TextContent);

        var revisions = await host.WithDbAsync(db => db.Frameworks.AsNoTracking().Where(f => f.Code == code).OrderBy(f => f.Revision).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(f => f.Revision));
        Assert.Equal([2, 3], revisions.Select(f => f.Definition.Find("1.1")!.Value.Indicator.Items.Count));
        Assert.Equal(revisions[0].Id, await host.WithDbAsync(db => db.AssessmentRounds.Where(r => r.Id == roundId).Select(r => r.FrameworkId).SingleAsync()));
        var kept = (await (await staff.GetAsync($"/api/v1/assessment-rounds/{roundId}")).JsonAsync()).GetProperty("indicators")[0];
        Assert.Equal(2, kept.GetProperty("items").GetArrayLength());

        // The old revision still reads, with its round; the current one lists both revisions and no round.
        var (_, old) = await admin.GetAsync($"{url}?revision=1");
        Assert.Contains("ไม่ใช่ฉบับปัจจุบัน", old.QuerySelector(".alert-warn")!.TextContent);
        Assert.Contains("ครั้งที่ 1/2569", old.QuerySelector($"a[href='/assessment-rounds/{roundId}']")!.TextContent);
        var (_, current) = await admin.GetAsync(url);
        Assert.Equal(2, current.QuerySelectorAll("section.no-print tbody tr").Length);
        Assert.Null(current.QuerySelector($"a[href='/assessment-rounds/{roundId}']"));

        // Revision 2 is not in use: the next edit changes it in place. A file exported from revision 1 is stale.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFilledAsync($"{url}/edit", "form.fw-form", new() { ["Name"] = "ชื่อฉบับที่ 2" })).StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.Frameworks.CountAsync(f => f.Code == code)));
        var export = await (await admin.Client.GetAsync($"{url}?handler=json&revision=1")).Content.ReadAsByteArrayAsync();
        var before = await StoredAsync(host, code);
        Assert.Contains("คุณแก้จากฉบับที่ 1", Assert.Single(await ProblemsAsync(await ImportAsync(admin, export))));
        Assert.Equal(before, await StoredAsync(host, code));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_form_opened_before_someone_else_saved_is_refused_and_their_save_stays(DatabaseProvider provider)
    {
        var (host, admin, code) = await ArrangeAsync(provider);
        var url = $"{Pages}/{code}";
        var system = await host.AdminAsync();

        // Changed in place meanwhile (same revision, newer version).
        var (_, open) = await admin.GetAsync($"{url}/indicators/1.2/edit");
        Assert.Equal(HttpStatusCode.OK, (await system.PutAsJsonAsync($"/api/v1/frameworks/{code}", Document(code, "แก้ผ่าน API"))).StatusCode);
        var stale = await admin.Client.PostAsync($"{url}/indicators/1.2/edit", Values(open, "form.fw-form", new() { ["Indicator.Name"] = "จากฟอร์มเก่า" }));
        Assert.Contains("ถูกแก้ไขโดยผู้อื่นแล้ว", (await RefusedAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        var f = await CurrentAsync(host, code);
        Assert.Equal(("แก้ผ่าน API", "การพัฒนาครู"), (f.Name, f.Definition.Find("1.2")!.Value.Indicator.Name));

        // A new revision meanwhile (a round began, then someone saved).
        (_, open) = await admin.GetAsync($"{url}/edit");
        var area = await host.AreaAsync();
        Assert.Equal(HttpStatusCode.Created, (await (await host.UserAsync(Role.AreaAdmin, area)).PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds",
            new { framework = code, name = "ครั้งที่ 2/2569", startDate = "2026-04-01", endDate = "2026-09-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.PutAsJsonAsync($"/api/v1/frameworks/{code}", Document(code, "ฉบับที่ 2 ผ่าน API"))).StatusCode);
        var before = await StoredAsync(host, code);
        stale = await admin.Client.PostAsync($"{url}/edit", Values(open, "form.fw-form", new() { ["Name"] = "จากฟอร์มเก่า" }));
        Assert.Contains("มีฉบับที่ 2 แล้ว (คุณแก้จากฉบับที่ 1)", (await RefusedAsync(stale)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(before, await StoredAsync(host, code));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_read_but_every_editing_page_and_handler_is_403_and_visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        var (host, _, code) = await ArrangeAsync(provider);
        var area = await host.AreaAsync();
        var url = $"{Pages}/{code}";
        string[] editing =
        [
            $"{Pages}/new", $"{Pages}/import", $"{url}/edit", $"{url}/standards/new", $"{url}/standards/1/edit", $"{url}/standards/1/delete",
            $"{url}/standards/1/indicators/new", $"{url}/indicators/1.1/edit", $"{url}/indicators/1.1/delete",
        ];
        var before = await StoredAsync(host, code);
        foreach (var role in new[] { Role.AreaAdmin, Role.Supervisor, Role.Assessor })
        {
            var reader = await Browserless.SignInAsync(host, await host.UserAccountAsync(role, area), AppHost.Password);
            var (list, listPage) = await reader.GetAsync($"{Pages}?q={code}");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Single(listPage.QuerySelectorAll("#list tbody tr"));
            Assert.Null(listPage.QuerySelector($"a[href='{Pages}/new'], a[href='{Pages}/import']"));
            var (details, page) = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
            Assert.Null(page.QuerySelector("a[href$='/edit']"));
            Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"{url}?handler=json")).StatusCode);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var path in editing)
            {
                Assert.True((await reader.GetAsync(path)).Response.StatusCode == HttpStatusCode.Forbidden, $"{role} GET {path}");
                var post = await reader.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", $"แก้โดย {role}"), new("Revision", "1")]));
                Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {path} → {(int)post.StatusCode}");
            }
        }
        Assert.Equal(before, await StoredAsync(host, code));

        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, area, await host.SchoolAsync(area)), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(Pages)).Response.StatusCode);
        foreach (var path in new[] { Pages, url, $"{url}/edit", $"{url}/indicators/1.1/edit" })
        {
            var anonymous = await host.Anonymous().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);
        }
    }
}
