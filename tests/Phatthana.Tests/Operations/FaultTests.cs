using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Features.Assessment;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Shared.Web;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Operations;

/// <summary>
/// Faults the app must survive without losing or half-saving rows: the process killed (-9) in the middle of an import,
/// the PostgreSQL server restarted under load (a cluster of the test's own), and the disk filling while evidence is
/// uploaded. Two people editing the same record are tested per feature (see docs/security.md).
/// </summary>
public sealed class FaultTests
{
    private const string Admin = "root@phatthana.test", Password = "root-password-1";

    [Fact]
    public async Task An_import_killed_half_way_leaves_nothing_and_runs_whole_after_the_restart()
    {
        const int count = 8_000;
        var folder = Directory.CreateTempSubdirectory("phatthana-kill-");
        var file = Path.Combine(folder.FullName, "phatthana.db");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={file}", ["Phatthana__SeedDemo"] = "false",
            ["Phatthana__Admin__Email"] = Admin, ["Phatthana__Admin__Password"] = Password,
            ["Phatthana__EvidencePath"] = Path.Combine(folder.FullName, "evidence"),
        };
        try
        {
            string area;
            byte[] people;
            await using (var app = await AppProcess.StartServerAsync(settings))
            {
                var http = await SignInAsync(app.Url);
                area = await AreaAndSchoolAsync(http);
                var school = (await (await http.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync()).EnumerateArray().First().GetProperty("code").GetString();
                people = ImportFiles.Csv(With(PeopleHeader, [.. Enumerable.Range(0, count).Select(i => Person(Unique.NationalId(), school, $"ครู{i}"))]));
                var wal = new FileInfo(file + "-wal");
                var walBefore = wal.Exists ? wal.Length : 0;

                var import = http.ImportAsync(area, "people", people, "people.csv");
                // Half-way: the import's one transaction has spilled pages to the WAL, and no answer has come.
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (!import.IsCompleted && DateTime.UtcNow < deadline)
                {
                    wal.Refresh();
                    if (wal.Exists && wal.Length > walBefore + 4 * 1024 * 1024) break;
                    await Task.Delay(25);
                }
                Assert.False(import.IsCompleted, "the import finished before the kill: make the file larger");
                await app.KillAsync();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => import);
            }
            Assert.Equal(0, await CountAsync(file, "People")); // nothing committed (SQLite rolls the WAL's uncommitted frames back on open)

            await using (var restarted = await AppProcess.StartServerAsync(settings))
            {
                Assert.Equal(0, await CountAsync(file, "People"));
                var http = await SignInAsync(restarted.Url);
                // The same file again: every row is new (none was half-saved), all of them in.
                var response = await http.ImportAsync(area, "people", people, "people.csv");
                Assert.Equal((count, count, 0), await response.ImportedAsync());
                Assert.Equal(count, await CountAsync(file, "People"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_restarted_under_load_gives_503_problems_not_500s_and_the_app_serves_again_by_itself()
    {
        await using var pg = await OwnPostgres.StartAsync();
        var cs = pg.ConnectionString("phatthana_fault");
        await using (var c = new Npgsql.NpgsqlConnection(pg.ConnectionString()))
        {
            await c.OpenAsync();
            await new Npgsql.NpgsqlCommand("CREATE DATABASE phatthana_fault", c).ExecuteNonQueryAsync();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var host = AppHost.StartOn(DatabaseProvider.Postgres, "ConnectionStrings:Postgres", cs, () => Task.CompletedTask, seedDemo: false, bootstrapAdmin: true);
        var admin = await host.AdminAsync();
        var area = await host.AreaAsync();

        var answers = new ConcurrentBag<(int Status, string? Type, string Body)>();
        var created = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        async Task LoadAsync(int worker)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                HttpResponseMessage response;
                var code = Unique.SchoolCode();
                try
                {
                    response = i % 3 == 0
                        ? await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools", new { code, name = $"โรงเรียนทดสอบ {code}", type = "Primary", district = "เมืองเพชรบุรี" })
                        : await admin.GetAsync($"/api/v1/areas/{area}/schools");
                }
                catch (HttpRequestException e)
                {
                    answers.Add((0, null, e.Message));
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Created) created.Add(code);
                answers.Add(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
            }
        }
        var load = Enumerable.Range(0, 4).Select(w => Task.Run(() => LoadAsync(w))).ToList();
        await Task.Delay(1500);
        await pg.StopAsync();
        await Task.Delay(2000); // requests meet a server that is not there
        await pg.StartAgainAsync();

        // The app serves again without a restart of its own: within 30 s, ten reads in a row succeed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var inARow = 0;
        while (inARow < 10 && DateTime.UtcNow < deadline)
        {
            inARow = (await admin.GetAsync($"/api/v1/areas/{area}/schools")).IsSuccessStatusCode ? inARow + 1 : 0;
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.True(inARow >= 10, "the app did not serve again after PostgreSQL came back");

        var all = answers.ToList();
        Assert.DoesNotContain(all, a => a.Status == 0); // no connection dropped by the app
        var failed = all.Where(a => a.Status >= 500).ToList();
        Assert.NotEmpty(failed); // the restart was met by requests (else the test proves nothing)
        Assert.All(failed, a =>
        {
            Assert.Equal(503, a.Status);
            Assert.Equal("application/problem+json", a.Type);
            Assert.Contains(DbErrors.UnavailableTitle, JsonDocument.Parse(a.Body).RootElement.GetProperty("title").GetString());
        });
        Assert.All(all.Where(a => a.Status is >= 400 and < 500), a => Assert.Fail($"{a.Status}: {a.Body}"));
        // Every school the app said it created is there.
        var listed = (await (await admin.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync()).EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).ToHashSet();
        Assert.DoesNotContain(created, c => !listed.Contains(c));
        // While it is down: the API says when to come back; a page is the app's own error page, with no stack trace.
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        await pg.StopAsync();
        var api = await admin.GetAsync($"/api/v1/areas/{area}/schools");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DbErrors.RetryAfterSeconds), api.Headers.RetryAfter?.Delta);
        var (page, document) = await browser.GetAsync($"/areas/{area}/schools");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(DbErrors.UnavailableTitle, document.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("Exception", document.Body!.TextContent);
        await pg.StartAgainAsync();
    }

    [Fact]
    public async Task A_disk_that_fills_during_an_upload_gives_a_thai_422_and_leaves_no_file()
    {
        await using var host = await AppHost.StartAsync(DatabaseProvider.Sqlite, name: "disk-full");
        var w = await EvidenceTests.ArrangeAsync(host);
        var storage = host.Services.GetRequiredService<EvidenceStorage>();
        storage.OpenPartial = path => new FillingDisk(path, room: 64 * 1024);

        var response = await w.Admin.PostAsync($"{w.Api}/evidence", EvidenceTests.Form(EvidenceTests.Pdf(1024 * 1024), "รายงาน.pdf"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString() == EvidenceStorage.DiskFull("รายงาน.pdf"));
        Assert.Empty(Directory.Exists(storage.Folder) ? Directory.GetFiles(storage.Folder) : []); // no .part, no stored file
        Assert.Equal(0, await host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Evidence)));

        // Room again: the same upload goes in.
        storage.OpenPartial = path => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsync($"{w.Api}/evidence", EvidenceTests.Form(EvidenceTests.Pdf(1024 * 1024), "รายงาน.pdf"))).StatusCode);
        Assert.Single(Directory.GetFiles(storage.Folder));
    }

    /// <summary>
    /// A file on a disk with <c>room</c> bytes left: writes go to the real file until the room is used, then to /dev/full,
    /// so the failure is the operating system's own "no space left on device" (ENOSPC), not one made up by the test.
    /// </summary>
    private sealed class FillingDisk(string path, long room) : Stream
    {
        private readonly FileStream _file = new(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        private readonly FileStream _full = new("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

        public override void Write(byte[] buffer, int offset, int count)
        {
            var fits = (int)Math.Clamp(room - _file.Length, 0, count);
            _file.Write(buffer, offset, fits);
            if (fits < count) _full.Write(buffer, offset + fits, count - fits);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => _file.Length;
        public override long Position { get => _file.Position; set => _file.Position = value; }
        public override void Flush() => _file.Flush();
        public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);
        public override void SetLength(long value) => _file.SetLength(value);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _file.Dispose();
                _full.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private static async Task<HttpClient> SignInAsync(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(180) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = Admin, password = Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("token").GetString());
        return http;
    }

    private static async Task<string> AreaAndSchoolAsync(HttpClient http)
    {
        var area = Unique.AreaCode();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/v1/areas", new { code = area, name = $"สพป.ทดสอบ {area}", kind = "Primary", province = "เพชรบุรี" })).StatusCode);
        var school = Unique.SchoolCode();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync($"/api/v1/areas/{area}/schools",
            new { code = school, name = $"โรงเรียนทดสอบ {school}", type = "Primary", district = "เมืองเพชรบุรี", smisCode = Unique.SmisCode(), obecCode = Unique.ObecCode() })).StatusCode);
        return area;
    }

    private static async Task<long> CountAsync(string file, string table)
    {
        await using var c = new SqliteConnection($"Data Source={file};Pooling=False");
        await c.OpenAsync();
        await using var q = c.CreateCommand();
        q.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await q.ExecuteScalarAsync());
    }
}
