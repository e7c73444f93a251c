using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Manpower;

/// <summary>The rule set shipped with the system, added once to a database that has none.</summary>
public static class DefaultRuleSet
{
    /// <summary>Early enough to cover every year an office still keeps student counts for.</summary>
    public const int EffectiveFromYear = 2550;

    public static StaffingRuleSet Create() => new()
    {
        Name = "เกณฑ์อัตรากำลังครูและผู้บริหารสถานศึกษา",
        EffectiveFromYear = EffectiveFromYear,
        Reference = ManpowerText.ShippedDefaultNote,
        IsShippedDefault = true,
        Criteria = StaffingCriteria.Default,
    };

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.StaffingRuleSets.AnyAsync(ct)) return;
        db.StaffingRuleSets.Add(Create());
        await db.SaveChangesAsync(ct);
    }
}
