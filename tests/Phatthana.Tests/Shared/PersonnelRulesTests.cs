using Phatthana.Web.Features.Imports;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Tests.Shared;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("3100600445635")]
    [InlineData("1101700203450")]
    [InlineData("1234567890121")]
    public void Real_ids_are_valid(string id)
    {
        Assert.True(NationalId.IsValid(id));
        Assert.Null(NationalId.Problem(id));
        Assert.Equal(id[12] - '0', NationalId.CheckDigit(id.AsSpan(0, 12)));
    }

    [Theory]
    [InlineData("3100600445636")] // check digit off by one
    [InlineData("1234567890123")]
    [InlineData("310060044563")] // 12 digits
    [InlineData("31006004456355")] // 14 digits
    [InlineData("1.74E+12")]
    [InlineData("31006OO445635")] // letter O for zero
    [InlineData("")]
    public void Wrong_ids_are_invalid_and_say_why(string id)
    {
        Assert.False(NationalId.IsValid(id));
        Assert.False(string.IsNullOrWhiteSpace(NationalId.Problem(id)));
    }

    [Theory]
    [InlineData("3-1006-00445-63-5")]
    [InlineData(" 3 1006 00445 63 5 ")]
    [InlineData("๓๑๐๐๖๐๐๔๔๕๖๓๕")]
    public void Dashes_spaces_and_thai_digits_are_normalised(string typed)
    {
        Assert.Equal("3100600445635", NationalId.Normalise(typed));
        Assert.Null(NationalId.Problem(typed));
    }

    [Fact]
    public void Scientific_notation_blames_excel_and_says_to_use_text_format()
    {
        var message = NationalId.Problem("1.74E+12")!;
        Assert.Contains("Excel", message);
        Assert.Contains("ข้อความ", message);
        Assert.Contains("Text", message);
        Assert.Contains("1.74E+12", message);
    }

    [Fact]
    public void Twelve_digits_says_digits_were_lost_and_to_use_text_format()
    {
        var message = NationalId.Problem("310060044563")!;
        Assert.Contains("12 หลัก", message);
        Assert.Contains("หายไป", message);
        Assert.Contains("Text", message);
    }

    [Fact]
    public void A_wrong_check_digit_says_so_and_shows_the_number_as_on_the_card()
    {
        var message = NationalId.Problem("3100600445636")!;
        Assert.Contains("3-1006-00445-63-6", message);
        Assert.Contains("เลขตรวจสอบ", message);
    }

    [Fact]
    public void Letters_are_not_a_number() => Assert.Contains("ตัวเลข 13 หลัก", NationalId.Problem("ABCDEFGHIJKLM"));

    [Fact]
    public void Mask_keeps_the_first_five_and_last_digit() => Assert.Equal("3-1006-xxxxx-xx-5", NationalId.Mask("3100600445635"));

    [Fact]
    public void Format_is_as_printed_on_the_card() => Assert.Equal("3-1006-00445-63-5", NationalId.Format("3100600445635"));
}

public sealed class PersonRulesTests
{
    [Theory]
    [InlineData(1966, 10, 1, 2026)] // 60 is reached on 30 Sep 2026: retires that fiscal year
    [InlineData(1966, 10, 2, 2027)] // 60 is reached on 1 Oct 2026: the next fiscal year
    [InlineData(1966, 9, 30, 2026)]
    [InlineData(1966, 1, 1, 2026)]
    public void Retirement_is_30_september_of_the_fiscal_year_of_turning_60(int y, int m, int d, int retires) =>
        Assert.Equal(new DateOnly(retires, 9, 30), PersonRules.RetirementDate(new DateOnly(y, m, d)));

    [Fact]
    public void Age_counts_whole_years()
    {
        Assert.Equal(39, PersonRules.AgeOn(new DateOnly(1985, 6, 15), new DateOnly(2025, 6, 14)));
        Assert.Equal(40, PersonRules.AgeOn(new DateOnly(1985, 6, 15), new DateOnly(2025, 6, 15)));
    }
}

public sealed class ImportTextTests
{
    [Fact]
    public void An_iso_date_with_a_buddhist_year_is_read_as_buddhist_with_a_note()
    {
        Assert.True(ThaiDate.TryRead("2528-06-15", out var read));
        Assert.Equal(new DateOnly(1985, 6, 15), read.Date);
        Assert.Equal(DateEra.Buddhist, read.Era);
        var note = read.Note("วันเกิด");
        Assert.NotNull(note);
        Assert.Contains("พ.ศ.", note);
        Assert.Contains("2528", note);
    }

    [Fact]
    public void A_day_month_year_date_with_a_gregorian_year_is_read_as_gregorian_with_a_note()
    {
        Assert.True(ThaiDate.TryRead("15/06/1985", out var read));
        Assert.Equal(new DateOnly(1985, 6, 15), read.Date);
        Assert.Equal(DateEra.Gregorian, read.Era);
        Assert.Contains("ค.ศ.", read.Note("วันเกิด"));
    }

    [Theory]
    [InlineData("15/06/2528")]
    [InlineData("1985-06-15")]
    public void Dates_in_their_usual_era_need_no_note(string text)
    {
        Assert.True(ThaiDate.TryRead(text, out var read));
        Assert.Equal(new DateOnly(1985, 6, 15), read.Date);
        Assert.Null(read.Note("วันเกิด"));
    }

    [Theory]
    [InlineData("15 มิ.ย. 2528")]
    [InlineData("15 มิถุนายน 2528")]
    [InlineData("๑๕ มิ.ย. ๒๕๒๘")]
    public void Thai_month_names_parse(string text)
    {
        Assert.True(ThaiDate.TryRead(text, out var read));
        Assert.Equal(new DateOnly(1985, 6, 15), read.Date);
    }

    [Theory]
    [InlineData("31/02/2528")]
    [InlineData("15 มิถุนา 2528")]
    [InlineData("15/06/85")]
    [InlineData("เมื่อวาน")]
    public void Impossible_dates_do_not_parse(string text) => Assert.False(ThaiDate.TryRead(text, out _));

    [Theory]
    [InlineData("อบ.1", Grade.K1)]
    [InlineData("อ.2", Grade.K2)]
    [InlineData("อนุบาล 3", Grade.K3)]
    [InlineData("ป.6", Grade.P6)]
    [InlineData("ป. 1", Grade.P1)]
    [InlineData("ม.4", Grade.M4)]
    [InlineData("ปวช.1", Grade.V1)]
    [InlineData("P3", Grade.P3)]
    [InlineData("m1", Grade.M1)]
    [InlineData("ป.๕", Grade.P5)]
    public void Grades_read_as_offices_write_them(string text, Grade expected)
    {
        Assert.True(GradeText.TryParse(text, out var grade));
        Assert.Equal(expected, grade);
    }

    [Theory]
    [InlineData("ป.7")]
    [InlineData("อบ.4")]
    [InlineData("ปวช.4")]
    [InlineData("ป.0")]
    [InlineData("รวมประถม")]
    [InlineData("")]
    public void Grades_that_do_not_exist_fail(string text) => Assert.False(GradeText.TryParse(text, out _));

    [Theory]
    [InlineData("Teacher", Position.Teacher)]
    [InlineData("teacher", Position.Teacher)]
    [InlineData("ครู", Position.Teacher)]
    [InlineData("ครูผู้ช่วย", Position.AssistantTeacher)]
    [InlineData("ผอ.", Position.Director)]
    [InlineData("ครูอัตราจ้าง", Position.ContractTeacher)]
    public void Enum_values_read_by_code_label_or_synonym(string text, Position expected)
    {
        Assert.True(EnumText.TryParse(text, T.Label, out Position position, T.Synonyms));
        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData("ครูพิเศษ")]
    [InlineData("3")]
    [InlineData("1,2")]
    [InlineData("")]
    public void Unknown_enum_values_fail(string text) => Assert.False(EnumText.TryParse(text, T.Label, out Position _, T.Synonyms));

    [Fact]
    public void A_synonym_of_another_type_is_not_taken() =>
        Assert.False(EnumText.TryParse("ช", T.Label, out Position _, T.Synonyms)); // ช means male, not a position

    [Fact]
    public void The_allowed_list_shows_label_and_code() =>
        Assert.Contains("ครูอัตราจ้าง (ContractTeacher)", EnumText.Allowed<Position>(T.Label));
}
