namespace Phatthana.Web.Features.Plans;

/// <summary>The traffic light of a KPI against its target: met, close (at least 80 % of the way), behind, or nothing to judge yet.</summary>
public enum TrafficLight { None, Red, Amber, Green }

/// <summary>
/// How far a KPI's actual is toward its target, whichever way is better: higher-is-better achieves actual ÷ target, lower-is-better
/// target ÷ actual (so reaching the target or better is 100 % or more either way). Met at 100 %, close from 80 %, behind below.
/// </summary>
public static class KpiRules
{
    public const decimal CloseFrom = 80m;

    /// <summary>Achievement in percent (two decimals), or null when there is no actual yet or the target gives nothing to divide.</summary>
    public static decimal? Achievement(decimal? actual, decimal? target, KpiDirection direction)
    {
        if (actual is not { } a || target is not { } t) return null;
        if (direction == KpiDirection.HigherIsBetter)
        {
            if (t == 0) return a >= 0 ? 100m : 0m;
            return Round(a / t * 100m);
        }
        // Lower is better: at or under the target is met; nothing at all (0) beats any positive target.
        if (a <= 0) return t >= 0 ? 100m : 0m;
        if (t <= 0) return 0m;
        return Round(t / a * 100m);
    }

    public static bool Met(decimal? actual, decimal? target, KpiDirection direction) =>
        actual is { } a && target is { } t && (direction == KpiDirection.HigherIsBetter ? a >= t : a <= t);

    public static TrafficLight Light(decimal? actual, decimal? target, KpiDirection direction)
    {
        if (Achievement(actual, target, direction) is not { } achieved) return TrafficLight.None;
        if (Met(actual, target, direction)) return TrafficLight.Green;
        return achieved >= CloseFrom ? TrafficLight.Amber : TrafficLight.Red;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
