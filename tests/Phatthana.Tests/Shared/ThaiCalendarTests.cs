using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Shared;

public sealed class ThaiDateTests
{
    [Fact]
    public void Long_form_names_the_thai_month_and_buddhist_year() =>
        Assert.Equal("24 พฤศจิกายน 2569", ThaiDate.Long(new DateOnly(2026, 11, 24)));

    [Theory]
    [InlineData(2026, 1, 5, "5 ม.ค. 2569")]
    [InlineData(2012, 6, 10, "10 มิ.ย. 2555")]
    [InlineData(2025, 12, 31, "31 ธ.ค. 2568")]
    public void Short_form_uses_month_abbreviations(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ThaiDate.Short(new DateOnly(y, m, d)));

    [Fact]
    public void Numeric_form_pads_day_and_month() => Assert.Equal("01/02/2567", ThaiDate.Numeric(new DateOnly(2024, 2, 1)));

    [Fact]
    public void Date_time_is_shown_in_thailand_time() =>
        Assert.Equal("25 พ.ย. 2569 01:30 น.", ThaiDate.ShortDateTime(new DateTimeOffset(2026, 11, 24, 18, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("24/11/2569", 2026, 11, 24)]
    [InlineData("24-11-2569", 2026, 11, 24)]
    [InlineData("๒๔/๑๑/๒๕๖๙", 2026, 11, 24)]
    [InlineData("2026-11-24", 2026, 11, 24)]
    [InlineData("24/11/2026", 2026, 11, 24)]
    [InlineData("29/02/2567", 2024, 2, 29)]
    public void Parses_what_people_type(string text, int y, int m, int d)
    {
        Assert.True(ThaiDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("29/02/2568")]
    [InlineData("31/04/2569")]
    [InlineData("00/01/2569")]
    [InlineData("12/13/2569")]
    [InlineData("1/1/69")]
    [InlineData("24/11")]
    [InlineData("วันนี้")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("01/01/1800")]
    public void Refuses_dates_that_do_not_exist(string? text) => Assert.False(ThaiDate.TryParse(text, out _));
}

public sealed class SchoolCalendarTests
{
    [Theory]
    [InlineData(2025, 9, 30, 2568)]
    [InlineData(2025, 10, 1, 2569)]
    [InlineData(2026, 1, 1, 2569)]
    [InlineData(2026, 9, 30, 2569)]
    [InlineData(2026, 10, 1, 2570)]
    public void Fiscal_year_turns_on_1_october(int y, int m, int d, int expected) =>
        Assert.Equal(expected, SchoolCalendar.FiscalYearOf(new DateOnly(y, m, d)));

    [Fact]
    public void Fiscal_year_runs_from_1_october_to_30_september()
    {
        Assert.Equal(new DateOnly(2024, 10, 1), SchoolCalendar.FiscalYearStart(2568));
        Assert.Equal(new DateOnly(2025, 9, 30), SchoolCalendar.FiscalYearEnd(2568));
        Assert.Equal(2568, SchoolCalendar.FiscalYearOf(SchoolCalendar.FiscalYearStart(2568)));
        Assert.Equal(2568, SchoolCalendar.FiscalYearOf(SchoolCalendar.FiscalYearEnd(2568)));
        Assert.Equal(2569, SchoolCalendar.FiscalYearOf(SchoolCalendar.FiscalYearEnd(2568).AddDays(1)));
    }

    [Theory]
    [InlineData(2026, 5, 15, 2568)]
    [InlineData(2026, 5, 16, 2569)]
    [InlineData(2026, 11, 24, 2569)]
    [InlineData(2027, 3, 31, 2569)]
    [InlineData(2027, 5, 15, 2569)]
    [InlineData(2027, 5, 16, 2570)]
    public void Academic_year_turns_on_16_may(int y, int m, int d, int expected) =>
        Assert.Equal(expected, SchoolCalendar.AcademicYearOf(new DateOnly(y, m, d)));

    [Fact]
    public void Academic_year_ends_the_day_before_the_next_one_starts()
    {
        Assert.Equal(new DateOnly(2026, 5, 16), SchoolCalendar.AcademicYearStart(2569));
        Assert.Equal(new DateOnly(2027, 5, 15), SchoolCalendar.AcademicYearEnd(2569));
        Assert.Equal(new DateOnly(2012, 6, 10), SchoolCalendar.StudentCountSnapshot(2555));
    }

    [Theory]
    [InlineData(2499, false)]
    [InlineData(2500, true)]
    [InlineData(2569, true)]
    [InlineData(2700, true)]
    [InlineData(2701, false)]
    [InlineData(2026, false)]
    public void Plausible_buddhist_years(int year, bool expected) => Assert.Equal(expected, SchoolCalendar.IsPlausibleBuddhistYear(year));
}

public sealed class ThaiNumberTests
{
    [Fact]
    public void Thai_digits_round_trip()
    {
        Assert.Equal("๑๒๓,๔๕๖.๗๐", ThaiNumber.ToThaiDigits("123,456.70"));
        Assert.Equal("123,456.70", ThaiNumber.ToArabicDigits("๑๒๓,๔๕๖.๗๐"));
        Assert.Equal("ป.๖ ห้อง ๒", ThaiNumber.ToThaiDigits("ป.6 ห้อง 2"));
    }

    [Theory]
    [InlineData(0, false, "0")]
    [InlineData(942, false, "942")]
    [InlineData(15234, false, "15,234")]
    [InlineData(15234, true, "๑๕,๒๓๔")]
    [InlineData(-31, false, "-31")]
    public void Formats_whole_numbers_with_grouping(long value, bool thai, string expected) =>
        Assert.Equal(expected, ThaiNumber.Format(value, thai));

    [Fact]
    public void Formats_percentages_with_fixed_decimals()
    {
        Assert.Equal("3.40", ThaiNumber.Format(3.4m, 2));
        Assert.Equal("1,234.50", ThaiNumber.Format(1234.5m, 2));
        Assert.Equal("๓.๔๐", ThaiNumber.Format(3.4m, 2, thaiDigits: true));
    }

    [Fact]
    public void Thai_order_ignores_leading_vowels()
    {
        string[] districts = ["เมืองเพชรบุรี", "บ้านลาด", "เขาย้อย", "หนองหญ้าปล้อง", "บ้านแหลม"];
        var sorted = districts.Order(ThaiText.Comparer).ToArray();
        Assert.Equal(["เขาย้อย", "บ้านลาด", "บ้านแหลม", "เมืองเพชรบุรี", "หนองหญ้าปล้อง"], sorted);
    }
}

public sealed class DisplayFormatTests
{
    private static DisplayFormat Format(bool thaiDigits) =>
        new(Microsoft.Extensions.Options.Options.Create(new Phatthana.Web.Shared.Web.ShellOptions { ThaiDigits = thaiDigits }));

    [Fact]
    public void Arabic_digits_by_default()
    {
        var fmt = Format(false);
        Assert.Equal("14,537", fmt.N(14537));
        Assert.Equal("10 มิถุนายน 2569", fmt.LongDate(new DateOnly(2026, 6, 10)));
    }

    [Fact]
    public void Thai_digits_everywhere_when_the_setting_asks()
    {
        var fmt = Format(true);
        Assert.Equal("๑๔,๕๓๗", fmt.N(14537));
        Assert.Equal("๓.๔๐", fmt.N(3.4m, 2));
        Assert.Equal("๑๐ มิถุนายน ๒๕๖๙", fmt.LongDate(new DateOnly(2026, 6, 10)));
        Assert.Equal("๑๐ มิ.ย. ๒๕๖๙", fmt.Date(new DateOnly(2026, 6, 10)));
        Assert.Equal("หน้า ๒ / ๕", fmt.Digits("หน้า 2 / 5"));
    }
}
