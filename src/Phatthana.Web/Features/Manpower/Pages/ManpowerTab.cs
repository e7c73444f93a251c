namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>Which manpower tab a page is, for the shared tab bar.</summary>
public sealed record ManpowerTab(string AreaCode, string? Year, string Current);
