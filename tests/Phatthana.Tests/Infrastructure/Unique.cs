using Web = Phatthana.Web;

namespace Phatthana.Tests.Infrastructure;

/// <summary>Keys no other test uses: every test creates its own areas, schools and users.</summary>
public static class Unique
{
    private static int _next = Random.Shared.Next(1, 50_000);

    private static int Next() => Interlocked.Increment(ref _next);

    public static string AreaCode() => $"T{Next():000000}";

    /// <summary>A 10-digit school code (the leading 9 keeps test codes apart from the demo's 1076…).</summary>
    public static string SchoolCode() => $"9{Next():000000000}";

    public static string SmisCode() => $"8{Next():0000000}";

    public static string ObecCode() => $"{Next() % 1_000_000:000000}";

    public static string Email(string who = "user") => $"{who}{Next()}@phatthana.test";

    /// <summary>A 13-digit national ID with a correct check digit, starting with 5 (never a real person's range here).</summary>
    public static string NationalId()
    {
        var first = $"5{Next():00000000}{Random.Shared.Next(0, 1000):000}";
        return first + Web.Features.Personnel.NationalId.CheckDigit(first);
    }

    /// <summary>A position number (เลขที่ตำแหน่ง) no other test uses.</summary>
    public static string PositionNumber() => $"{Next():000000}";
}
