using System.Globalization;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Web.Shared.Thai;

/// <summary>Thai dictionary order (leading vowels เ แ โ ใ ไ are not the first letter), for lists sorted in memory; and short forms of long names.</summary>
public static class ThaiText
{
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: true);

    /// <summary>As <see cref="Comparer"/>, with numbers in names taken as numbers: "เครือข่ายที่ 2" before "เครือข่ายที่ 10".</summary>
    public static readonly StringComparer NaturalComparer =
        StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);

    /// <summary>
    /// The text cut to at most <paramref name="max"/> characters at a word boundary (ICU's, since Thai has no spaces) with
    /// "…" — for a list cell where a framework's name quotes a whole strategy; the full text stays in the files.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = ThaiLineBreaker.BreakOffsets(text).LastOrDefault(o => o <= max);
        return text[..(cut > 0 ? cut : max)].TrimEnd() + "…";
    }
}
