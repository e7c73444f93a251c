using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Tests.Operations;
using Phatthana.Web.Data;

namespace Phatthana.Tests.Security;

/// <summary>
/// Malformed input from a seeded generator (the same inputs every run, a bounded count) against every JSON write endpoint
/// the app maps (found from its EndpointDataSource, as the authorisation sweep does, with the body type each reads) and
/// against every import kind: wrong types, huge strings, control characters, right-to-left and zero-width characters,
/// SQL and script payloads, broken JSON and broken files. None may answer 5xx or drop the connection. Each provider runs
/// on a host of its own, so the rows the fuzz manages to create disturb no other test.
/// </summary>
public sealed class FuzzTests
{
    public const int Seed = 13, BodiesPerEndpoint = 16, FilesPerKind = 14;

    /// <summary>What was tried, for docs/security.md.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Figures = new();

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>Strings that have broken programs: every one is either refused with a message or stored as text.</summary>
    public static readonly string[] HostileStrings =
    [
        new string('ก', 100_000),
        new string('x', 5_000),
        "\u0000\u0001\u0007\u001b[31mแดง\r\n\t\u007f",
        "\u202Eมกราคม\u202C \u200B\u200C\u200D\uFEFF\u2066abc\u2069 \u061C\u200F",
        "ก\u0E48\u0E48\u0E48\u0E48\u0E48\u0E49\u0E49\u0E49\u0E4A\u0E4B",
        "'; DROP TABLE \"People\"; --",
        "1' OR '1'='1",
        "\" OR 1=1 --",
        "<script>window.__xss=1</script>",
        "<img src=x onerror=window.__xss=1>",
        "javascript:alert(1)",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "{{7*7}} ${7*7} %s%s%n",
        "../../../../etc/passwd",
        "😀👩‍🏫🇹🇭",
        "",
        "   ",
        "null",
        "2569-02-30",
        "-1",
    ];

    /// <summary>Bodies that are not the JSON anyone should send.</summary>
    private static readonly string[] RawBodies =
    [
        "", "{", "[", "]", "null", "true", "\"text\"", "123", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "[1,2,3]",
        "{\"x\":\"\\uD800\"}", "{\"n\":1e400}", new string('[', 5_000) + new string(']', 5_000), "{\"a\":{\"b\":{\"c\":{\"d\":[[[[[{}]]]]]}}}}",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_json_to_every_write_endpoint_never_answers_5xx(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, name: "fuzz");
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var person = await host.PersonAsync(area, school);
        var writes = AuthorisationSweepTests.Targets(host, area, school, person)
            .Where(t => !t.IsPage && t.Method is "POST" or "PUT" && t.Body is not null)
            .DistinctBy(t => (t.Method, t.Route)).OrderBy(t => t.Route, StringComparer.Ordinal).ThenBy(t => t.Method).ToList();
        Assert.True(writes.Count > 30, $"only {writes.Count} JSON write endpoints found");

        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        foreach (var t in writes)
        {
            var bodies = RawBodies.Select(b => (Content: Encoding.UTF8.GetBytes(b), What: $"raw {Describe(b)}")).ToList();
            bodies.Add(([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "invalid UTF-8"));
            for (var i = 0; i < BodiesPerEndpoint; i++)
            {
                var body = Generate(t.Body!, random, depth: 0);
                bodies.Add((JsonSerializer.SerializeToUtf8Bytes(body, Json), $"generated #{i}"));
            }
            foreach (var (content, what) in bodies)
            {
                var admin = await host.AdminAsync();
                var request = new HttpRequestMessage(new HttpMethod(t.Method), t.Url) { Content = new ByteArrayContent(content) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                sent++;
                try
                {
                    var response = await admin.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{t.Method} {t.Route} {what} → {(int)response.StatusCode} {Describe(await response.Content.ReadAsStringAsync())}");
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{t.Method} {t.Route} {what} → {e.GetType().Name}: {Describe(e.Message)}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were faults:\n" + string.Join("\n", failures.Take(40)));
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/health")).StatusCode);
        Figures[$"{provider} json endpoints"] = writes.Count;
        Figures[$"{provider} json bodies"] = sent;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_files_to_every_import_never_answer_5xx_and_save_nothing_when_refused(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, name: "fuzz-files");
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.AdminAsync();
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;
        foreach (var kind in new[] { "schools", "people", "posts", "student-counts", "external-completions" })
        {
            var template = await (await admin.GetAsync($"/api/v1/imports/{kind}/template")).Content.ReadAsByteArrayAsync();
            var header = Workbook.Read(template).First(r => r.Any(c => c is not null)).Where(c => c is not null).ToArray();
            var files = new List<(byte[] Content, string Name)>
            {
                (RandomBytes(random, 4096), "random.xlsx"),
                (RandomBytes(random, 4096), "random.csv"),
                ([0x50, 0x4B, 0x03, 0x04, .. RandomBytes(random, 512)], "zip-header.xlsx"),
                ([.. ImportFiles.Xlsx([header, Row(header, random, school)]).Take(700)], "truncated.xlsx"),
                (Encoding.UTF8.GetBytes(string.Join(',', header) + "\n\"unclosed,quote\n,,,\u0000,\n;;;\t\t\n"), "broken.csv"),
                ([], "empty.csv"),
            };
            while (files.Count < FilesPerKind)
            {
                var rows = new List<object?[]> { header };
                for (var r = random.Next(1, 25); r > 0; r--) rows.Add(Row(header, random, school));
                files.Add(random.Next(2) == 0 ? (ImportFiles.Xlsx(rows), $"hostile-{files.Count}.xlsx") : (ImportFiles.Csv(rows), $"hostile-{files.Count}.csv"));
            }
            foreach (var (content, name) in files)
            {
                sent++;
                var before = await host.WithDbAsync(db => Task.FromResult((db.People.Count(), db.Schools.Count(), db.Posts.Count())));
                try
                {
                    var response = await admin.ImportAsync(area, kind, content, name, kind == "student-counts" ? "academicYear=2569" : null);
                    var status = (int)response.StatusCode;
                    if (status >= 500) failures.Add($"{kind} {name} → {status} {Describe(await response.Content.ReadAsStringAsync())}");
                    else if (status != 200 && await host.WithDbAsync(db => Task.FromResult((db.People.Count(), db.Schools.Count(), db.Posts.Count()))) != before)
                        failures.Add($"{kind} {name} → {status} but rows changed");
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{kind} {name} → {e.GetType().Name}: {Describe(e.Message)}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} files gave faults:\n" + string.Join("\n", failures.Take(40)));
        Figures[$"{provider} import files"] = sent;
    }

    private static object?[] Row(object?[] header, Random random, string school) =>
        [.. header.Select((_, i) => random.Next(6) switch
        {
            0 => school,
            1 => random.Next(3) switch { 0 => (object)(random.NextDouble() * 1e12), 1 => -random.Next(), _ => DateTime.MinValue },
            _ => HostileStrings[random.Next(HostileStrings.Length)],
        })];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Describe(string text) => text.Length > 120 ? text[..120] + $"… ({text.Length} chars)" : text;

    /// <summary>
    /// A body shaped like <paramref name="type"/> (its JSON property names), each value either a hostile one of the right
    /// kind (a hostile string, an extreme number, an impossible date, an unknown enum name) or one of the wrong type.
    /// </summary>
    public static object? Generate(Type type, Random random, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (random.Next(8) == 0) return WrongType(random);
        if (type == typeof(string)) return HostileStrings[random.Next(HostileStrings.Length)];
        if (type == typeof(bool)) return random.Next(3) == 0 ? "yes" : (object)true;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return random.Next(5) switch { 0 => (object)int.MaxValue, 1 => -1, 2 => 2147483648L, 3 => 0, _ => 1.5 };
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
            return random.Next(4) switch { 0 => (object)1e300, 1 => -0.000001, 2 => 79228162514264337593543950336d, _ => 0 };
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return random.Next(4) switch { 0 => "2569-02-30", 1 => "0001-01-01", 2 => "9999-12-31T23:59:59Z", _ => "พรุ่งนี้" };
        if (type == typeof(Guid)) return random.Next(2) == 0 ? Guid.Empty.ToString() : "not-a-guid";
        if (type.IsEnum) return random.Next(2) == 0 ? "Wizard" : (object)999;
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? typeof(string);
            return depth > 2 ? new object?[] { null } : Enumerable.Range(0, random.Next(0, 4)).Select(_ => Generate(element, random, depth + 1)).ToArray();
        }
        if (depth > 3) return null;
        var body = new Dictionary<string, object?>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (random.Next(10) == 0) continue; // a field left out
            body[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = Generate(p.PropertyType, random, depth + 1);
        }
        return body;
    }

    private static object? WrongType(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => new Dictionary<string, object?> { ["nested"] = HostileStrings[random.Next(HostileStrings.Length)] },
        2 => new object?[] { 1, "two", null },
        3 => -9.99e99,
        4 => false,
        _ => HostileStrings[random.Next(HostileStrings.Length)],
    };
}
