using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// A round at a glance: every indicator in scope with its level computed by the rule and why, the previous round's level
/// beside it (up/down), the assessor's agreed level, who answers for it and by when; per standard and for the round the
/// mean level; a chart of the levels; and what may be done next (fill in, submit, reopen, close, the SAR).
/// </summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class RoundModel(AppDbContext db, UserScope user, TimeProvider time) : PageModel
{
    public RoundDto Round { get; private set; } = null!;
    public bool CanEdit => Round.Status == RoundStatus.Open && Policies.Allows(Policies.RunAssessment, user.Role);
    public bool CanSubmit => CanEdit;
    public bool CanReopenOrClose => Round.Status is RoundStatus.Submitted or RoundStatus.Reviewed && Policies.Allows(Policies.AreaAdmin, user.Role);
    public bool CanSeeEvidence => Policies.Allows(Policies.RunAssessment, user.Role);
    public string? ChartSvg { get; private set; }
    public DateOnly Today { get; private set; }
    public string AreaCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Rounds.FindAsync(db, id, HttpContext.RequestAborted) is not { } round) return NotFound();
        Round = await RoundView.BuildAsync(db, round, HttpContext.RequestAborted);
        AreaCode = await db.Areas.AsNoTracking().Where(a => a.Id == round.AreaId).Select(a => a.Code).FirstAsync(HttpContext.RequestAborted);
        Today = ThaiDate.TodayInThailand(time);
        if (Round.Indicators.Count > 0) ChartSvg = ChartRenderer.Svg(LevelChart(Round));
        return Page();
    }

    /// <summary>Levels per indicator: the office's, and beside it the previous round's and the assessor's where there are any.</summary>
    public static ChartSpec LevelChart(RoundDto round)
    {
        var indicators = round.Indicators;
        var series = new List<ChartSeries> { new("ระดับของสำนักงาน", indicators.Select(i => (double)i.Level).ToList(), "#1f5f8b") };
        if (indicators.Any(i => i.PreviousLevel is not null))
            series.Add(new($"ครั้งก่อน ({round.PreviousRound})", indicators.Select(i => (double)(i.PreviousLevel ?? 0)).ToList(), "#9aa5b1"));
        if (indicators.Any(i => i.AgreedLevel is not null))
            series.Add(new("ผู้ประเมินเห็นชอบ", indicators.Select(i => (double)(i.AgreedLevel ?? i.Level)).ToList(), "#3a9d5d"));
        return new ChartSpec(ChartKind.Bar, "ระดับคุณภาพรายตัวชี้วัด", indicators.Select(i => $"ตัวชี้วัด {i.Key}").ToList(), series)
        {
            ValueAxis = "ระดับ",
            Height = 320,
        };
    }

    public static decimal Mean(IEnumerable<IndicatorDto> indicators)
    {
        var list = indicators.ToList();
        return list.Count == 0 ? 0 : Math.Round((decimal)list.Average(i => i.Level), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Open past its due date with an item not yet done.</summary>
    public bool Overdue(IndicatorDto i) => Round.Status == RoundStatus.Open && i.DueDate is { } due && due < Today && i.Items.Any(x => !x.Done);

    public static string IndicatorLink(Guid round, string key) => $"/assessment-rounds/{round}/indicators/{Uri.EscapeDataString(key)}";
}
