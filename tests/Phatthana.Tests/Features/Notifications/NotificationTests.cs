using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Features.Development;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Notifications;

namespace Phatthana.Tests.Features.Notifications;

/// <summary>
/// Notifications end to end on both databases, through a real SMTP server on loopback: an ID Plan submitted reaches the
/// director's inbox and mailbox (Thai subject, RFC 2047, the link back); a failed workflow raises nothing; the outbox keeps
/// mail while the server is down and delivers each exactly once when it is back; a refusing server, a bad address and a bad
/// template are logged, shown to the admin and lose nothing, while the user's action succeeds.
/// </summary>
public sealed class NotificationTests(MailHosts mail) : IClassFixture<MailHosts>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static string PlanLink(Account person) => $"/people/{person.PersonId}/id-plans/{DevelopmentWorld.Year}";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_submitted_plan_reaches_the_directors_inbox_and_mailbox_in_Thai_with_its_link(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host);
        var teacher = await school.AccountAsync();
        Assert.Equal(0, (await school.Director.InboxAsync()).GetProperty("unread").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(teacher)).StatusCode);

        // The inbox: one unread, the teacher named, the plan's page as the link; the teacher is not told of their own act.
        var inbox = await school.Director.InboxAsync();
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var item = inbox.GetProperty("items")[0];
        Assert.Equal("id-plan-submitted", item.GetProperty("kind").GetString());
        Assert.Equal("แผนพัฒนาตนเอง (ID Plan)", item.GetProperty("category").GetString());
        Assert.Equal($"แผนพัฒนาตนเองรอพิจารณา: นางสาวสุดารัตน์ ทดสอบ ปีงบประมาณ {DevelopmentWorld.Year}", item.GetProperty("title").GetString());
        Assert.Equal(PlanLink(teacher), item.GetProperty("link").GetString());
        Assert.Empty(await teacher.ItemsAsync());

        // The mail: to the director, the Thai subject encoded by RFC 2047 (decoded here), the whole link back in the body.
        var message = Assert.Single(await mail.Smtp.WaitForAsync(school.Director.Email));
        Assert.Equal(school.Director.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal(item.GetProperty("title").GetString(), message.Subject);
        var rawSubject = message.Headers.First(h => h.Field == "Subject").RawValue;
        Assert.Contains("=?utf-8?", System.Text.Encoding.ASCII.GetString(rawSubject), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(MailHosts.BaseUrl + PlanLink(teacher), message.TextBody);
        Assert.Contains($"href=\"{MailHosts.BaseUrl + PlanLink(teacher)}\"", message.HtmlBody);
        Assert.Contains("นางสาวสุดารัตน์ ทดสอบ ส่งแผนพัฒนาตนเอง", message.TextBody);

        // Filters: by category and unread; a notification is marked read by its owner only.
        Assert.Single(await school.Director.ItemsAsync("?category=" + Uri.EscapeDataString("แผนพัฒนาตนเอง (ID Plan)")));
        Assert.Empty(await school.Director.ItemsAsync("?category=" + Uri.EscapeDataString("การประเมินตนเอง")));
        var id = item.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.Api.PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(1, (await school.Director.InboxAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await school.Director.Api.PostAsync($"/api/v1/me/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await school.Director.InboxAsync()).GetProperty("unread").GetInt32());
        Assert.Empty(await school.Director.ItemsAsync("?unread=true"));
        Assert.Equal(HttpStatusCode.NotFound, (await school.Director.Api.PostAsync($"/api/v1/me/notifications/{Guid.NewGuid()}/read", null)).StatusCode);

        // The inbox page lists it and exports it like every table.
        var page = await Browserless.SignInAsync(host, school.Director.Email, AppHost.Password);
        var (shown, inboxPage) = await page.GetAsync("/me/notifications");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(item.GetProperty("title").GetString()!, inboxPage.QuerySelector("ul.inbox")!.TextContent);
        var file = await page.Client.GetAsync("/me/notifications?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);

        // The director returns it: the teacher hears why in the inbox, and gets no mail (they did not opt in).
        var returned = await school.Director.Api.PostAsJsonAsync($"/api/v1/people/{teacher.NationalId}/id-plans/{DevelopmentWorld.Year}/return",
            new { comment = "เพิ่มหัวข้อการวัดผล" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var back = Assert.Single(await teacher.ItemsAsync());
        Assert.Equal("id-plan-returned", back.GetProperty("kind").GetString());
        Assert.Contains("เพิ่มหัวข้อการวัดผล", back.GetProperty("body").GetString());
        Assert.Empty(await host.MailsToAsync(teacher.Email));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_workflow_that_fails_raises_nothing(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host);
        var teacher = await school.AccountAsync();
        var plan = $"/api/v1/people/{teacher.NationalId}/id-plans/{DevelopmentWorld.Year}";

        // An empty plan is refused (422), a stale version loses (409): neither tells anyone anything.
        Assert.Equal(HttpStatusCode.OK, (await teacher.Api.PutAsJsonAsync(plan, new { competencies = new[] { new { competency = "C1", level = 3 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await teacher.Api.PostAsJsonAsync(plan + "/submit", new { })).StatusCode);
        await school.World.PlanAsync(teacher.NationalId, "Teachers", Web.Features.Development.IdPlanStatus.Draft, [(school.TeacherTopic, 1, ["Workshop"])]);
        Assert.Equal(HttpStatusCode.Conflict, (await teacher.Api.PostAsJsonAsync(plan + "/submit", new { version = 0 })).StatusCode);
        Assert.Empty(await school.Director.ItemsAsync());
        Assert.Equal(0, await host.WithDbAsync(db => db.NotificationEvents.CountAsync(e => e.Link == PlanLink(teacher))));
        Assert.Empty(await host.MailsToAsync(school.Director.Email));

        // The same submission, current: now it tells the director.
        Assert.Equal(HttpStatusCode.OK, (await teacher.Api.PostAsJsonAsync(plan + "/submit", new { })).StatusCode);
        Assert.Single(await school.Director.ItemsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_outbox_keeps_mail_while_the_server_is_down_and_delivers_each_exactly_once(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host);
        var teachers = new List<Account>();
        for (var i = 0; i < 3; i++) teachers.Add(await school.AccountAsync());

        await mail.Smtp.StopAsync();
        try
        {
            // The teachers' submissions succeed with the server down; the mails wait, tried again and again, the error visible.
            foreach (var t in teachers) Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(t)).StatusCode);
            var waiting = await host.WaitForMailsAsync(school.Director.Email, 3, m => m.Status == MailStatus.Pending && m.Attempts >= 2);
            Assert.All(waiting, m => Assert.StartsWith("ติดต่อเซิร์ฟเวอร์อีเมลไม่ได้", m.LastError));
            var outbox = await (await (await host.AdminAsync()).GetAsync("/api/v1/outbox?status=Pending&take=1000")).JsonAsync();
            Assert.Equal(3, outbox.EnumerateArray().Count(m => m.GetProperty("to").GetString() == school.Director.Email && m.GetProperty("lastError").GetString() is not null));
            Assert.Empty(mail.Smtp.To(school.Director.Email));
        }
        finally
        {
            await mail.Smtp.StartAgainAsync();
        }

        // Back up: every mail arrives, each once (their Message-IDs are the outbox rows'), and stays sent.
        var sent = await host.WaitForMailsAsync(school.Director.Email, 3, m => m.Status == MailStatus.Sent);
        await mail.Smtp.WaitForAsync(school.Director.Email, 3);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var delivered = mail.Smtp.To(school.Director.Email);
        Assert.Equal(3, delivered.Count);
        Assert.Equal(sent.Select(m => $"{m.Id:N}@phatthana").Order(), delivered.Select(m => m.MessageId).Order());
        Assert.Equal(teachers.Select(t => MailHosts.BaseUrl + PlanLink(t)).Order(),
            delivered.Select(m => (m.TextBody ?? "").Split('\n').Single(l => l.StartsWith("ดูรายละเอียด: ")).Replace("ดูรายละเอียด: ", "").Trim()).Order());
        Assert.Equal(3, (await school.Director.InboxAsync()).GetProperty("unread").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refusing_server_and_bad_addresses_are_logged_shown_to_the_admin_and_lose_nothing(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host);
        var teacher = await school.AccountAsync();

        // 451 for now: kept, tried again, delivered once the server takes mail again.
        mail.Smtp.RefuseForNow(true);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(teacher)).StatusCode);
            var refused = Assert.Single(await host.WaitForMailsAsync(school.Director.Email, 1, m => m.Attempts >= 2));
            Assert.Equal(MailStatus.Pending, refused.Status);
            Assert.Contains("451", refused.LastError);
        }
        finally
        {
            mail.Smtp.RefuseForNow(false);
        }
        await host.WaitForMailsAsync(school.Director.Email, 1, m => m.Status == MailStatus.Sent);
        Assert.Single(await mail.Smtp.WaitForAsync(school.Director.Email));

        // A second school whose director's mailbox the server refuses for good (550), and a third whose address is not one.
        var refusing = await School.ArrangeAsync(host, EmailPreference.Off);
        var refusedDirector = await refusing.AccountAsync(Role.SchoolAdmin, "Director", EmailPreference.EachEvent, address: Unique.Email("refuse"));
        var broken = await School.ArrangeAsync(host);
        await host.WithDbAsync(db => db.Users.Where(u => u.Email == broken.Director.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "ผอ.โรงเรียน (ไม่มีอีเมล)")));
        var refusingTeacher = await refusing.AccountAsync();
        var brokenTeacher = await broken.AccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await refusing.SubmitPlanAsync(refusingTeacher)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await broken.SubmitPlanAsync(brokenTeacher)).StatusCode);

        var gone = Assert.Single(await host.WaitForMailsAsync(refusedDirector.Email, 1, m => m.Status == MailStatus.Failed));
        Assert.Equal(1, gone.Attempts);
        Assert.Contains("550", gone.LastError);
        var bad = Assert.Single(await host.WaitForMailsAsync("ผอ.โรงเรียน (ไม่มีอีเมล)", 1, m => m.EventId is not null && m.Status == MailStatus.Failed,
            seconds: 30));
        Assert.StartsWith("ที่อยู่อีเมลไม่ถูกต้อง", bad.LastError);
        // Nothing lost: both directors have the notification in their inbox.
        Assert.Single(await refusedDirector.ItemsAsync());
        Assert.Single(await broken.Director.ItemsAsync());

        // The admin sees both on the outbox page and may send one again (refused again, still recorded).
        var admin = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var (response, page) = await admin.GetAsync("/admin/outbox?status=Failed&size=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("#list tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(refusedDirector.Email) && r.Contains("550") && r.Contains("ส่งไม่สำเร็จ"));
        Assert.Contains(rows, r => r.Contains("ที่อยู่อีเมลไม่ถูกต้อง"));
        Assert.Equal("application/pdf", (await admin.Client.GetAsync("/admin/outbox?status=Failed&format=pdf")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await (await host.AdminAsync()).PostAsync($"/api/v1/outbox/{gone.Id}/retry", null)).StatusCode);
        var again = Assert.Single(await host.WaitForMailsAsync(refusedDirector.Email, 1, m => m.Status == MailStatus.Failed && m.Attempts == 1 && m.NextAttemptAt > gone.NextAttemptAt));
        Assert.Contains("550", again.LastError);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.AdminAsync()).PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.Director.Api.GetAsync("/api/v1/outbox")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_template_with_an_unknown_placeholder_falls_back_to_the_default_and_is_shown_to_the_admin(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host);
        var teacher = await school.AccountAsync(email: EmailPreference.EachEvent);
        Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(teacher)).StatusCode);

        // The approval succeeds; the teacher's notification and mail use the default subject; the problem is kept and shown.
        var approved = await school.Director.Api.PostAsJsonAsync($"/api/v1/people/{teacher.NationalId}/id-plans/{DevelopmentWorld.Year}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var item = Assert.Single(await teacher.ItemsAsync());
        Assert.Equal($"แผนพัฒนาตนเองได้รับอนุมัติแล้ว ปีงบประมาณ {DevelopmentWorld.Year}", item.GetProperty("title").GetString());
        var message = Assert.Single(await mail.Smtp.WaitForAsync(teacher.Email));
        Assert.Equal(item.GetProperty("title").GetString(), message.Subject);
        var sent = Assert.Single(await host.MailsToAsync(teacher.Email));
        Assert.Contains("{approverNickname}", sent.Note);
        var raised = await host.WithDbAsync(db => db.NotificationEvents.SingleAsync(e => e.Id == sent.EventId));
        Assert.Contains("{approverNickname}", raised.Problem);
        var admin = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var (_, page) = await admin.GetAsync("/admin/outbox");
        Assert.Contains("{approverNickname}", page.QuerySelector("#problems-title")!.ParentElement!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_user_on_the_digest_gets_one_mail_a_day_listing_what_came(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host, EmailPreference.DailyDigest);
        var first = await school.AccountAsync();
        var second = await school.AccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(second)).StatusCode);
        Assert.Empty(await host.MailsToAsync(school.Director.Email));

        Assert.True(await host.WithServiceAsync<DigestMailer, int>(d => d.RunAsync()) >= 1);
        var digest = Assert.Single(await mail.Smtp.WaitForAsync(school.Director.Email));
        Assert.StartsWith("สรุปการแจ้งเตือนประจำวันที่", digest.Subject);
        Assert.EndsWith("(2 รายการ)", digest.Subject);
        Assert.Contains(MailHosts.BaseUrl + PlanLink(first), digest.TextBody);
        Assert.Contains(MailHosts.BaseUrl + PlanLink(second), digest.TextBody);

        // Run again the same day, with something new: no second digest today (it waits for tomorrow's).
        var third = await school.AccountAsync();
        Assert.Equal(HttpStatusCode.OK, (await school.SubmitPlanAsync(third)).StatusCode);
        await host.WithServiceAsync<DigestMailer, int>(d => d.RunAsync());
        Assert.Single(await host.MailsToAsync(school.Director.Email));
        Assert.Equal(3, (await school.Director.InboxAsync()).GetProperty("unread").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task E_mail_settings_refuse_a_choice_that_is_not_one_and_an_account_without_an_address(DatabaseProvider provider)
    {
        var host = await mail.Host(provider);
        var school = await School.ArrangeAsync(host, EmailPreference.Off);
        var api = school.Director.Api;
        foreach (var bad in new object[] { new { email = "Sometimes" }, new { email = "2" }, new { email = "" }, new { } })
        {
            var refused = await api.PutAsJsonAsync("/api/v1/me/notification-settings", bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(["email"], await refused.ErrorFieldsAsync());
        }
        Assert.Equal("Off", (await (await api.GetAsync("/api/v1/me/notification-settings")).JsonAsync()).GetProperty("email").GetString());

        // The page says the same in Thai and keeps the choice.
        var browser = await Browserless.SignInAsync(host, school.Director.Email, AppHost.Password);
        var posted = await browser.SubmitAsync("/me/notification-settings", "form.form", new() { ["Email"] = "Hourly" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("กรุณาเลือกการรับอีเมล", (await Browserless.ParseAsync(posted)).QuerySelector("[role=alert]")!.TextContent);
        var chosen = await browser.SubmitAsync("/me/notification-settings", "form.form", new() { ["Email"] = "DailyDigest" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("DailyDigest", (await (await api.GetAsync("/api/v1/me/notification-settings")).JsonAsync()).GetProperty("email").GetString());

        // An account whose address cannot be mailed cannot opt in.
        await host.WithDbAsync(db => db.Users.Where(u => u.Email == school.Director.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationEmail, EmailPreference.Off)));
        var teacher = await school.AccountAsync();
        await host.WithDbAsync(db => db.Users.Where(u => u.Email == teacher.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "no-address")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await teacher.Api.PutAsJsonAsync("/api/v1/me/notification-settings", new { email = "EachEvent" })).StatusCode);
    }
}
