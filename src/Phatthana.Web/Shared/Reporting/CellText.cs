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
