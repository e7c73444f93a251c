using Phatthana.Web.Features.Notifications;

namespace Phatthana.Tests.Shared;

/// <summary>The kinds' built-in templates, the address check and the back-off, without a server.</summary>
public sealed class NotificationRulesTests
{
    [Fact]
    public void Every_built_in_template_names_only_placeholders_its_kind_has_and_codes_are_unique()
    {
        foreach (var kind in NotificationKinds.All)
        {
            var unknown = NotificationTemplates.Placeholders(kind.Subject + kind.Body).Where(p => !kind.Knows(p)).ToList();
            Assert.True(unknown.Count == 0, $"{kind.Code}: {string.Join(", ", unknown)}");
            Assert.Contains("{link}", kind.Body);
        }
        Assert.Equal(NotificationKinds.All.Count, NotificationKinds.All.Select(k => k.Code).Distinct().Count());
        Assert.Equal("ก ข", NotificationTemplates.Fill("{a} {b}{missing}", new Dictionary<string, string?> { ["a"] = "ก", ["b"] = "ข" }));
    }

    [Theory]
    [InlineData("kru.somsri@school.go.th", true)]
    [InlineData("ครู สมศรี <kru@school.go.th>", true)]
    [InlineData("no-address", false)]
    [InlineData("kru@", false)]
    [InlineData("kru@localhost", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_address_is_one_to_send_to_or_the_reason_it_is_not(string? address, bool ok) =>
        Assert.Equal(ok, OutboxSender.AddressProblem(address) is null);
}
