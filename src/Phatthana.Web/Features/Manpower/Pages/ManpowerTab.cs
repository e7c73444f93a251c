namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>Which manpower tab a page is, for the shared tab bar.</summary>
public sealed record ManpowerTab(string AreaCode, string? Year, string Current);

/// <summary>The years a manpower page may show and the one it shows.</summary>
public sealed record YearChoice(IReadOnlyList<int> Years, string? Selected);
