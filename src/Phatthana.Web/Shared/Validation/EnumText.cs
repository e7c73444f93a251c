namespace Phatthana.Web.Shared.Validation;

/// <summary>
/// Reads an enum value as people write it in a file: the API's code name (any case), the Thai label the pages show,
/// or a word offices use for it (ช/ญ, คศ.3, ผอ.). One reader for every import, so every file speaks the same words.
/// </summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, Func<T, string> label, out T value,
        IReadOnlyDictionary<string, object>? synonyms = null) where T : struct, Enum
    {
        value = default;
        var clean = Checks.Clean(text);
        if (clean is null) return false;
        // Code names only: Enum.TryParse alone would also take "3" or "1,2".
        if (Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, clean, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            value = Enum.Parse<T>(name);
            return true;
        }
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(Checks.Clean(label(candidate)), clean, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        if (synonyms is not null && synonyms.TryGetValue(clean, out var synonym) && synonym is T typed)
        {
            value = typed;
            return true;
        }
        return false;
    }

    /// <summary>"ใช้ได้: ครูผู้ช่วย (AssistantTeacher), ครู (Teacher), …" — the list a message shows after an unknown value.</summary>
    public static string Allowed<T>(Func<T, string> label) where T : struct, Enum =>
        "ใช้ได้: " + string.Join(", ", Enum.GetValues<T>().Select(v => $"{label(v)} ({v})"));
}
