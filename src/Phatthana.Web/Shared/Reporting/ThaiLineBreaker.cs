using System.Globalization;
using Icu;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// Where a line of Thai may break. Thai has no spaces between words, so ICU's dictionary-based line
/// breaker finds the word boundaries (ผู้|อำนวย|การ|สถาน|ศึกษา). A "word" wider than the line is cut only
/// between grapheme clusters, never between a consonant and its vowel or tone mark.
/// </summary>
public static class ThaiLineBreaker
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        Wrapper.Init();
        return true;
    });
    private static readonly Locale Thai = new("th");
    private static readonly Lock Gate = new();

    /// <summary>The pieces between break opportunities; concatenated they give back the text.</summary>
    public static IReadOnlyList<string> Segments(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        _ = Ready.Value;
        lock (Gate) return BreakIterator.Split(BreakIterator.UBreakIteratorType.LINE, Thai, text).ToList();
    }

    /// <summary>Offsets (in UTF-16 units) where a line may end, excluding 0 and including the text's length.</summary>
    public static IReadOnlyList<int> BreakOffsets(string text)
    {
        var offsets = new List<int>();
        var at = 0;
        foreach (var piece in Segments(text))
        {
            at += piece.Length;
            offsets.Add(at);
        }
        return offsets;
    }

    /// <summary>
    /// Splits text into lines no wider than <paramref name="maxWidth"/> by <paramref name="width"/>. Explicit new
    /// lines are kept; the spaces a line ends with are dropped.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (paragraph.Length == 0) { lines.Add(""); continue; }
            var current = "";
            foreach (var segment in Segments(paragraph))
            {
                var candidate = current + segment;
                if (width(candidate.TrimEnd()) <= maxWidth) { current = candidate; continue; }
                if (current.Length > 0) { lines.Add(current.TrimEnd()); current = ""; }
                // The segment alone may still be too wide: cut it between grapheme clusters.
                foreach (var element in TextElements(segment))
                {
                    var next = current + element;
                    if (current.Length > 0 && width(next.TrimEnd()) > maxWidth) { lines.Add(current.TrimEnd()); current = element; }
                    else current = next;
                }
            }
            lines.Add(current.TrimEnd());
        }
        return lines;
    }

    private static IEnumerable<string> TextElements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) yield return (string)e.Current;
    }
}
