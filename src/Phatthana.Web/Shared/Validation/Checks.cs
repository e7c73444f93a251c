using System.Text.RegularExpressions;

namespace Phatthana.Web.Shared.Validation;

/// <summary>
/// Collects field errors with Thai messages. API endpoints answer them as 422 problem+json,
/// pages as messages under each field; both use the same checks so both say the same thing.
/// </summary>
public sealed partial class Checks
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public Checks Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Checks AddRange(IEnumerable<FieldError> errors)
    {
        _errors.AddRange(errors);
        return this;
    }

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    /// <summary>Present and not blank; also within <paramref name="maxLength"/>.</summary>
    public Checks Text(string? value, string field, string label, int maxLength, bool required = true)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            if (required) Add(field, $"กรุณากรอก{label}");
        }
        else if (clean.Length > maxLength)
        {
            Add(field, $"{label}ยาวเกิน {maxLength} ตัวอักษร");
        }
        return this;
    }

    /// <summary>Exactly <paramref name="digits"/> digits (0–9), e.g. a 10-digit school code.</summary>
    public Checks Digits(string? value, int digits, string field, string label, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"กรุณากรอก{label}");
        }
        else if (value.Trim().Length != digits || !value.Trim().All(char.IsAsciiDigit))
        {
            Add(field, $"{label}ต้องเป็นตัวเลข {digits} หลัก");
        }
        return this;
    }

    public Checks Required<T>(T? value, string field, string label) where T : struct
    {
        if (value is null) Add(field, $"กรุณาเลือก{label}");
        return this;
    }

    public Checks Range(int? value, int min, int max, string field, string label, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, $"กรุณากรอก{label}");
        }
        else if (value < min || value > max)
        {
            Add(field, $"{label}ต้องอยู่ระหว่าง {min:#,0} ถึง {max:#,0}");
        }
        return this;
    }

    public Checks Email(string? value, string field, string label = "อีเมล")
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"กรุณากรอก{label}");
        else if (value.Length > 256 || !EmailPattern().IsMatch(value.Trim())) Add(field, $"{label}ไม่ถูกรูปแบบ");
        return this;
    }

    /// <summary>A short identifier: letters, digits, '-' and '_' only.</summary>
    public Checks Code(string? value, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"กรุณากรอก{label}");
        else if (value.Trim().Length > maxLength || !CodePattern().IsMatch(value.Trim()))
            Add(field, $"{label}ต้องเป็นตัวอักษรภาษาอังกฤษ ตัวเลข - หรือ _ ไม่เกิน {maxLength} ตัว");
        return this;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    private static partial Regex CodePattern();

    /// <summary>
    /// The form every stored text takes: zero-width characters (common in text pasted from Word) removed, runs of any
    /// white space (tabs, non-breaking spaces) made one space, ends trimmed, and blank made null.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null) return null;
        var visible = ZeroWidth().Replace(value, "");
        // Tabs and line breaks become spaces; other control characters (NUL, ESC, DEL…) go: PostgreSQL cannot store NUL,
        // and none of them belongs in a name or a code.
        var single = Control().Replace(Whitespace().Replace(visible, " "), "").Trim();
        return single.Length == 0 ? null : single;
    }

    [GeneratedRegex("\\p{Cc}")]
    private static partial Regex Control();

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex ZeroWidth();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
