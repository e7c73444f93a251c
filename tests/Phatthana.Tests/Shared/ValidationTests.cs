using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Tests.Shared;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("1020080035", true)]
    [InlineData(" 1020080035 ", true)]
    [InlineData("102008003", false)]
    [InlineData("10200800351", false)]
    [InlineData("10200800a5", false)]
    [InlineData("๑๐๒๐๐๘๐๐๓๕", false)]
    public void Digits_checks_length_and_ascii_digits(string value, bool valid) =>
        Assert.Equal(valid, new Checks().Digits(value, 10, "code", "รหัส").IsValid);

    [Fact]
    public void Messages_are_thai_and_name_the_field()
    {
        var errors = new Checks().Digits("12", 10, "code", "รหัสสถานศึกษา").Text("", "name", "ชื่อ", 10).Text(new string('ก', 11), "x", "ชื่อย่อ", 10).Errors;
        Assert.Equal(["code", "name", "x"], errors.Select(e => e.Field));
        Assert.Equal("รหัสสถานศึกษาต้องเป็นตัวเลข 10 หลัก", errors[0].Message);
        Assert.Equal("กรุณากรอกชื่อ", errors[1].Message);
        Assert.Equal("ชื่อย่อยาวเกิน 10 ตัวอักษร", errors[2].Message);
    }

    [Theory]
    [InlineData("PBI1", true)]
    [InlineData("spm-10_a", true)]
    [InlineData("มีไทย", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void Codes_are_ascii_identifiers(string value, bool valid) =>
        Assert.Equal(valid, new Checks().Code(value, "code", "รหัส", 20).IsValid);

    [Theory]
    [InlineData(0, true)]
    [InlineData(5000, true)]
    [InlineData(-1, false)]
    [InlineData(5001, false)]
    [InlineData(null, false)]
    public void Range_includes_its_ends(int? value, bool valid) =>
        Assert.Equal(valid, new Checks().Range(value, 0, 5000, "boys", "ชาย").IsValid);

    [Theory]
    [InlineData("Input", "code", "Input.Code")]
    [InlineData("Input", "smisCode", "Input.SmisCode")]
    [InlineData("Rows", "[2].boys", "Rows[2].Boys")]
    [InlineData("Input", "", "")]
    [InlineData("", "name", "name")]
    public void Api_field_names_map_to_form_names(string prefix, string field, string expected) =>
        Assert.Equal(expected, Outcome<int>.FormKey(prefix, field));

    [Theory]
    [InlineData("$.kind", "kind")]
    [InlineData("$[2].boys", "[2].boys")]
    [InlineData("$.teachingSubjectAreas[1]", "teachingSubjectAreas[1]")]
    [InlineData("$", "")]
    [InlineData(null, "")]
    public void Json_paths_become_field_names(string? path, string expected) =>
        Assert.Equal(expected, ApiExceptionHandler.JsonPathToField(path));

    [Theory]
    [InlineData("  เมือง   เพชรบุรี ", "เมือง เพชรบุรี")]
    [InlineData("เมือง\u00a0เพชรบุรี", "เมือง เพชรบุรี")]
    [InlineData("เมือง\tเพชรบุรี\u200b", "เมือง เพชรบุรี")]
    [InlineData("\u200b \u00a0", null)]
    [InlineData(null, null)]
    public void Clean_folds_pasted_white_space(string? raw, string? expected) => Assert.Equal(expected, Checks.Clean(raw));
}
