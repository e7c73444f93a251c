using System.Text.Json.Serialization;

namespace Phatthana.Web.Shared.Validation;

/// <summary>One thing wrong with the input, in Thai, naming the field (and the file row for imports).</summary>
public sealed record FieldError(
    [property: JsonPropertyOrder(1)] string Field,
    [property: JsonPropertyOrder(2)] string Message,
    [property: JsonPropertyOrder(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row = null);
