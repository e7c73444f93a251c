using System.Globalization;

namespace Phatthana.Web.Shared.Thai;

/// <summary>Buddhist-era (พ.ศ.) date display and parsing. Dates are stored as ISO/Gregorian; people read พ.ศ.</summary>
public static class ThaiDate
{
    public const int EraOffset = 543;

    public static readonly string[] MonthNames =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    public static readonly string[] MonthAbbreviations =
    [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ];

    /// <summary>The years (ค.ศ.) a date typed into this system can be in; anything else is a typing mistake.</summary>
    public const int MinYear = 1900, MaxYear = 2200;

    public static int ToBuddhistYear(int gregorianYear) => gregorianYear + EraOffset;

    public static int ToGregorianYear(int buddhistYear) => buddhistYear - EraOffset;

    /// <summary>"24 พฤศจิกายน 2569" — the form used in letters and report headers.</summary>
    public static string Long(DateOnly date) =>
        $"{date.Day} {MonthNames[date.Month - 1]} {ToBuddhistYear(date.Year)}";

    /// <summary>"24 พ.ย. 2569" — the form used in tables.</summary>
    public static string Short(DateOnly date) =>
        $"{date.Day} {MonthAbbreviations[date.Month - 1]} {ToBuddhistYear(date.Year)}";

    /// <summary>"24/11/2569" — the numeric form typed into forms.</summary>
    public static string Numeric(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{ToBuddhistYear(date.Year)}");

    /// <summary>"24 พ.ย. 2569 14:05 น." in Thailand time (UTC+7, no daylight saving).</summary>
    public static string ShortDateTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ThailandOffset);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Short(DateOnly.FromDateTime(local.DateTime))} {local.Hour:00}:{local.Minute:00} น.");
    }

    public static readonly TimeSpan ThailandOffset = TimeSpan.FromHours(7);

    public static DateOnly TodayInThailand(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ThailandOffset).DateTime);

    /// <summary>
    /// Reads a date as people type it: "24/11/2569" or "24-11-2569" (พ.ศ.), or ISO "2026-11-24" (ค.ศ.).
    /// A day/month/year form with a year below 2400 is taken as ค.ศ. only when it is clearly one (1900–2200).
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = ThaiNumber.ToArabicDigits(text.Trim());
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (date.Year is >= MinYear and <= MaxYear) return true;
            date = default;
            return false;
        }
        var parts = s.Split('/', '-', '.');
        if (parts.Length != 3) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return false;
        if (year >= 2400) year = ToGregorianYear(year); // พ.ศ.
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
