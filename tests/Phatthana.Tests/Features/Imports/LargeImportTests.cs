using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>Files longer than one write chunk (1,000 rows): all rows in, once, in one transaction.</summary>
public sealed class LargeImportTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const int Count = 2_100;

    [Theory, MemberData(nameof(Providers))]
    public async Task People_and_posts_of_more_than_two_chunks_import_and_update_whole(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var ids = Enumerable.Range(0, Count).Select(_ => Unique.NationalId()).ToList();
        var numbers = Enumerable.Range(0, Count).Select(_ => Unique.PositionNumber()).ToList();

        var people = With(PeopleHeader, [.. ids.Select((id, i) => Person(id, i % 2 == 0 ? a : b, $"ครู{i}"))]);
        Assert.Equal((Count, Count, 0), await (await admin.ImportAsync(area, "people", ImportFiles.Xlsx(people), "people.xlsx")).ImportedAsync());
        var posts = With(PostsHeader, [.. ids.Select((id, i) => Post(i % 2 == 0 ? a : b, numbers[i], "ผู้สอน", id))]);
        Assert.Equal((Count, Count, 0), await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(posts), "posts.csv")).ImportedAsync());

        var list = (await (await admin.GetAsync($"/api/v1/areas/{area}/people")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(Count, list.Count);
        Assert.Equal(Count, list.Select(p => p.GetProperty("positionNumber").GetString()).Distinct().Count());
        var totals = (await (await admin.GetAsync($"/api/v1/areas/{area}/posts")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([Count / 2, Count / 2], totals.Select(t => t.GetProperty("filled").GetInt32()));

        // Everyone past the first chunk retires: their posts (written in the second and third chunks) become vacant.
        for (var i = 1_000; i < Count; i++) people[i + 1][^1] = "เกษียณ";
        Assert.Equal((Count, 0, Count), await (await admin.ImportAsync(area, "people", ImportFiles.Csv(people), "people.csv")).ImportedAsync());
        totals = (await (await admin.GetAsync($"/api/v1/areas/{area}/posts")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(1_000, totals.Sum(t => t.GetProperty("filled").GetInt32()));
        Assert.Equal(Count, totals.Sum(t => t.GetProperty("posts").GetInt32()));
        var retired = (await (await admin.GetAsync($"/api/v1/areas/{area}/people?status=Retired")).JsonAsync()).EnumerateArray()
            .Select(p => p.GetProperty("nationalId").GetString()!).ToHashSet();
        Assert.Equal(ids.Skip(1_000).ToHashSet(), retired);
    }
}
