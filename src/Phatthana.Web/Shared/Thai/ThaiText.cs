using System.Globalization;

namespace Phatthana.Web.Shared.Thai;

/// <summary>Thai dictionary order (leading vowels เ แ โ ใ ไ are not the first letter), for lists sorted in memory.</summary>
public static class ThaiText
{
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: true);
}
