namespace Phatthana.Web.Features.Training.Pages;

/// <summary>Which training tab is shown, for the area and fiscal year in force.</summary>
public sealed record TrainingTab(string AreaCode, int? FiscalYear, string Current);

/// <summary>The fiscal-year picker of the training pages.</summary>
public sealed record FiscalYearChoice(IReadOnlyList<int> Years, int Selected);
