using System.Globalization;

namespace Phatthana.Web.Shared.Thai;

/// <summary>Buddhist-era (พ.ศ.) date display and parsing. Dates are stored as ISO/Gregorian; people read พ.ศ.</summary>
public static partial class ThaiDate
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

    /// <summary>"24 พ.ย." — a day within a known year, e.g. a column per day of a session.</summary>
    public static string DayMonth(DateOnly date) => $"{date.Day} {MonthAbbreviations[date.Month - 1]}";

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
    /// Reads a date as people type it: "24/11/2569" or "24-11-2569" (พ.ศ.), ISO "2026-11-24" (ค.ศ.), or with a Thai month
    /// name ("24 พ.ย. 2569", "24 พฤศจิกายน 2569"). A year of 2400 or more is พ.ศ.; a year of 1900–2200 is ค.ศ.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        var ok = TryRead(text, out var read);
        date = read.Date;
        return ok;
    }

    /// <summary>Like <see cref="TryParse"/>, and says which era the year was read in and whether the text was ISO.</summary>
    public static bool TryRead(string? text, out DateReading reading)
    {
        reading = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = ThaiNumber.ToArabicDigits(text.Trim());
        int day, month, year;
        var iso = IsoDate().Match(s);
        var named = NamedMonthDate().Match(s);
        if (iso.Success)
        {
            year = int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture);
            month = int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture);
            day = int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else if (named.Success)
        {
            day = int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture);
            var name = named.Groups[2].Value.Trim();
            month = Array.IndexOf(MonthNames, name) + 1;
            if (month == 0) month = Array.IndexOf(MonthAbbreviations, name.EndsWith('.') ? name : name + ".") + 1;
            if (month == 0) return false;
            year = int.Parse(named.Groups[3].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var parts = s.Split('/', '-', '.');
            if (parts.Length != 3 || parts[2].Length != 4) return false;
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out day) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month) ||
                !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out year))
                return false;
        }
        var era = year >= 2400 ? DateEra.Buddhist : DateEra.Gregorian;
        if (era == DateEra.Buddhist) year = ToGregorianYear(year);
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        reading = new DateReading(new DateOnly(year, month, day), era, iso.Success);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,2})\s+([\u0E00-\u0E7F.]+(?:\s?[\u0E00-\u0E7F.]+)?)\s+(\d{4})$")]
    private static partial System.Text.RegularExpressions.Regex NamedMonthDate();
}

public enum DateEra { Gregorian, Buddhist }

/// <summary>A date read from text, with the era its year was taken in and whether it came as ISO (yyyy-MM-dd).</summary>
public readonly record struct DateReading(DateOnly Date, DateEra Era, bool Iso)
{
    /// <summary>
    /// Where the year was not in the era its format usually carries (พ.ศ. in an ISO date, ค.ศ. in a day/month/year date),
    /// a Thai note saying how it was read; null otherwise.
    /// </summary>
    public string? Note(string label) => (Iso, Era) switch
    {
        (true, DateEra.Buddhist) => $"{label}: อ่านปี {ThaiDate.ToBuddhistYear(Date.Year)} เป็นปี พ.ศ. (ค.ศ. {Date.Year}) → {ThaiDate.Long(Date)}",
        (false, DateEra.Gregorian) => $"{label}: อ่านปี {Date.Year} เป็นปี ค.ศ. (พ.ศ. {ThaiDate.ToBuddhistYear(Date.Year)}) → {ThaiDate.Long(Date)}",
        _ => null,
    };
}
