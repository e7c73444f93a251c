using Microsoft.Extensions.Options;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Thai;

/// <summary>
/// How pages write numbers and dates: grouped numbers, พ.ศ. dates with Thai month names, and Thai digits (๐–๙)
/// everywhere when the deployment's setting asks for them. Views get it as <c>Fmt</c>.
/// </summary>
public sealed class DisplayFormat(IOptions<ShellOptions> options)
{
    public bool ThaiDigits => options.Value.ThaiDigits;

    public string N(long value) => ThaiNumber.Format(value, ThaiDigits);

    public string N(decimal value, int decimals) => ThaiNumber.Format(value, decimals, ThaiDigits);

    public string Date(DateOnly date) => Digits(ThaiDate.Short(date));

    public string LongDate(DateOnly date) => Digits(ThaiDate.Long(date));

    public string DateTime(DateTimeOffset instant) => Digits(ThaiDate.ShortDateTime(instant));

    /// <summary>A table cell as it reads on the page (Excel gets the typed value instead).</summary>
    public string Cell(object? value, Reporting.CellKind kind) => Reporting.CellText.Format(value, kind, ThaiDigits);

    /// <summary>Any text with numbers in it, e.g. a year or "หน้า 2 / 5".</summary>
    public string Digits(string text) => ThaiDigits ? ThaiNumber.ToThaiDigits(text) : text;
}
