namespace Phatthana.Web.Data;

/// <summary>
/// Sums of decimal columns done by the database as doubles, made exact again. SQLite has no decimal type: EF sums
/// decimals there through a .NET aggregate function called back once a row, which cost more than reading the rows
/// (a year's registrations of an area: ~7,500 calls a page). Summed as <c>REAL</c> instead, the database does it natively;
/// the figures summed (hours, test scores: at most a few decimals, at most thousands of rows) carry an error below 1e-9,
/// so rounding the double to <see cref="Places"/> decimals gives back the decimal sum exactly.
/// </summary>
public static class Sums
{
    /// <summary>Decimals kept; the inputs' own (2 for scores and hours) must not exceed it.</summary>
    public const int Places = 6;

    public static decimal Exact(double sum) => Math.Round((decimal)sum, Places, MidpointRounding.AwayFromZero);
}
