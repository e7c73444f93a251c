using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>
/// Which part of the document a form edits, so the document's error paths land on its fields: "code" and "name" on the
/// framework's, standard <see cref="Standard"/>'s number and name on "Standard.*", indicator <see cref="Indicator"/>'s on
/// "Indicator.*". A number refused as a duplicate is reported at the later of the two, which may be a sibling: it is still
/// this form's number that caused it, since the document was valid before the change.
/// </summary>
public sealed partial record FormPlacement(int Standard = -1, int Indicator = -1, bool EditsStandard = false, IndicatorForm? IndicatorForm = null)
{
    public string? Field(string path)
    {
        if (path is "code" or "name") return char.ToUpperInvariant(path[0]) + path[1..];
        var s = StandardPath().Match(path);
        if (!s.Success) return null;
        var (si, rest) = (int.Parse(s.Groups["i"].Value), s.Groups["rest"].Value);
        if (EditsStandard && rest == "number") return "Standard.Number";
        if (si != Standard) return null;
        if (EditsStandard && rest == "name") return "Standard.Name";
        var i = IndicatorPath().Match(rest);
        if (IndicatorForm is null || !i.Success) return null;
        if (i.Groups["rest"].Value == "number") return "Indicator.Number";
        return int.Parse(i.Groups["i"].Value) == Indicator && IndicatorForm.FormField(i.Groups["rest"].Value) is { } f ? "Indicator." + f : null;
    }

    /// <summary>Puts each message under its field; one with no field here goes to the top, saying where in the document it is.</summary>
    public void Put(ModelStateDictionary state, IEnumerable<FieldError> errors, FrameworkInput document)
    {
        foreach (var e in errors)
        {
            if (Field(e.Field) is { } key) state.AddModelError(key, e.Message);
            else state.AddModelError("", e.Field.Length > 0 ? $"{FrameworksText.Where(e.Field, document)}: {e.Message}" : e.Message);
        }
    }

    /// <summary>
    /// The cells the indicator form still needs (its own keys), with every other message the document has meanwhile —
    /// except those the missing cells make moot. False when nothing is missing.
    /// </summary>
    public bool PutMissing(ModelStateDictionary state, IReadOnlyList<FieldError> missing, FrameworkInput document)
    {
        if (missing.Count == 0) return false;
        foreach (var e in missing) state.AddModelError("Indicator." + e.Field, e.Message);
        var prefix = $"standards[{Standard}].indicators[{Indicator}].";
        Put(state, FrameworkDocument.Read(document).Errors.Where(e =>
            !(IndicatorForm is not null && e.Field.StartsWith(prefix, StringComparison.Ordinal) && IndicatorForm.IsDeferred(e.Field[prefix.Length..], missing))), document);
        return true;
    }

    [GeneratedRegex(@"^standards\[(?<i>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex StandardPath();

    [GeneratedRegex(@"^indicators\[(?<i>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex IndicatorPath();
}
