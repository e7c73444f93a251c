using System.Text.RegularExpressions;

namespace Phatthana.Web.Features.Personnel;

/// <summary>
/// เลขประจำตัวประชาชน: 13 digits, the last a check digit — (11 − Σ dᵢ·(13−i) mod 11) mod 10 over the first twelve.
/// Also says, in Thai, what went wrong with a value that fails, including the ways a spreadsheet spoils a long number.
/// </summary>
public static partial class NationalId
{
    public const int Length = 13;

    /// <summary>
    /// The digits of a typed ID, the one form that is checked and stored: dashes and spaces ("1-2345-67890-12-3") dropped,
    /// Thai digits read as digits, and the ".0" a spreadsheet adds to a number cell taken off.
    /// </summary>
    public static string Normalise(string? value)
    {
        if (value is null) return "";
        return Separators().Replace(Shared.Reporting.SheetReader.CodeText(value), "");
    }

    public static int CheckDigit(ReadOnlySpan<char> firstTwelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (firstTwelve[i] - '0') * (13 - i);
        return (11 - sum % 11) % 10;
    }

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit) && CheckDigit(value.AsSpan(0, 12)) == value[12] - '0';

    /// <summary>Null when <paramref name="raw"/> is a valid ID; otherwise why not, in Thai, with how to fix it.</summary>
    public static string? Problem(string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0) return "กรุณากรอกเลขประจำตัวประชาชน";
        if (Scientific().IsMatch(text))
            return $"เลขประจำตัวประชาชน \"{text}\" ถูก Excel แปลงเป็นตัวเลขแบบย่อ (วิทยาศาสตร์) ทำให้ตัวเลขสูญหาย — " +
                   "จัดรูปแบบคอลัมน์นี้เป็น \"ข้อความ\" (Text) แล้วพิมพ์เลข 13 หลักใหม่";
        var digits = Normalise(text);
        if (!digits.All(char.IsAsciiDigit))
            return $"เลขประจำตัวประชาชน \"{text}\" ต้องเป็นตัวเลข 13 หลัก";
        if (digits.Length < Length)
            return $"เลขประจำตัวประชาชน \"{text}\" มีเพียง {digits.Length} หลัก — ตัวเลขด้านหน้าอาจหายไปเพราะ Excel เก็บเป็นตัวเลข " +
                   "จัดรูปแบบคอลัมน์นี้เป็น \"ข้อความ\" (Text) แล้วพิมพ์ให้ครบ 13 หลัก";
        if (digits.Length > Length)
            return $"เลขประจำตัวประชาชน \"{text}\" มี {digits.Length} หลัก ต้องมี 13 หลัก";
        if (!IsValid(digits))
            return $"เลขประจำตัวประชาชน {Format(digits)} ไม่ถูกต้อง (หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ) — ตรวจสอบการพิมพ์อีกครั้ง";
        return null;
    }

    /// <summary>"1-2345-67890-12-3", as printed on the card.</summary>
    public static string Format(string id) =>
        id.Length == Length ? $"{id[0]}-{id[1..5]}-{id[5..10]}-{id[10..12]}-{id[12]}" : id;

    /// <summary>"1-2345-xxxxx-xx-3" for people whose role does not need the whole number (PDPA).</summary>
    public static string Mask(string id) =>
        id.Length == Length ? $"{id[0]}-{id[1..5]}-xxxxx-xx-{id[12]}" : new string('x', id.Length);

    [GeneratedRegex(@"^\d(\.\d+)?[eE]\+?\d+$")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"[\s\-\u00a0]")]
    private static partial Regex Separators();
}
