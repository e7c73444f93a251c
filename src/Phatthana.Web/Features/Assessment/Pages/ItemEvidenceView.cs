namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>What the _ItemEvidence partial shows for one item of an indicator: its documents, and the forms when the round may be changed.</summary>
public sealed record ItemEvidenceView(Guid RoundId, string IndicatorKey, ItemDto Item, bool CanEdit);
