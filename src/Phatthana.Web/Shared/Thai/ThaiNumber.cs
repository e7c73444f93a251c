using System.Globalization;

namespace Phatthana.Web.Shared.Thai;

/// <summary>Thai digits (๐–๙) for official forms that want them, and number formats people expect.</summary>
public static class ThaiNumber
{
    private const char ThaiZero = '๐';

    public static string ToThaiDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)(ThaiZero + (c - '0')) : c;
            }
        });

    public static string ToArabicDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= ThaiZero and <= '๙' ? (char)('0' + (c - ThaiZero)) : c;
            }
        });

    /// <summary>"15,234" (or "๑๕,๒๓๔" with Thai digits).</summary>
    public static string Format(long value, bool thaiDigits = false) =>
        Digits(value.ToString("#,0", CultureInfo.InvariantCulture), thaiDigits);

    /// <summary>"3.40" — percentages and ratios with a fixed number of decimals.</summary>
    public static string Format(decimal value, int decimals, bool thaiDigits = false) =>
        Digits(value.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture), thaiDigits);

    private static string Digits(string s, bool thai) => thai ? ToThaiDigits(s) : s;
}
