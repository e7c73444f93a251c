using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>How a table cell reads on a page, in print and in Word (Excel gets the typed value instead).</summary>
public static class CellText
{
    public static string Format(object? value, CellKind kind, bool thaiDigits)
    {
        var text = value switch
        {
            null => "",
            DateOnly d => ThaiDate.Short(d),
            DateTimeOffset t => ThaiDate.ShortDateTime(t),
            int i => ThaiNumber.Format(i),
            long l => ThaiNumber.Format(l),
            decimal m => ThaiNumber.Format(m, 2),
            double f => ThaiNumber.Format((decimal)f, 2),
            bool b => b ? "ใช่" : "ไม่ใช่",
            ReportCell c => c.Text,
            _ => value.ToString() ?? "",
        };
        // Free text keeps the digits its author typed; numbers and dates follow the Thai-digits setting.
        var isFreeText = value is ReportCell || (kind == CellKind.Text && value is string);
        return thaiDigits && !isFreeText ? ThaiNumber.ToThaiDigits(text) : text;
    }
}

/// <summary>
/// Spreadsheet formula injection (CSV/formula injection): a text cell that begins with = + - @ (or a tab or carriage
/// return) could run as a formula once someone edits it in Excel or saves the sheet as CSV. Every text cell the system
/// writes to a spreadsheet goes through <see cref="Escape"/>, which puts an apostrophe in front — Excel's own sign for
/// "this is text". Plain numbers ("-5", "+1.5") and a lone sign are left as they are. The import reader takes the
/// apostrophe off again (<see cref="Unescape"/>), so a file the system gave out imports back unchanged.
/// </summary>
public static class FormulaGuard
{
    private static bool Dangerous(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Escape(string text)
    {
        if (text.Length < 2 || !Dangerous(text[0])) return text;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)) return text;
        return "'" + text;
    }

    public static string Unescape(string text) => text.Length > 2 && text[0] == '\'' && Dangerous(text[1]) ? text[1..] : text;

    /// <summary>Escapes a cell value when it is text; numbers, dates and blanks pass as they are.</summary>
    public static object? Cell(object? value) => value is string s ? Escape(s) : value;
}
