using Phatthana.Web.Features.Plans;

namespace Phatthana.Tests.Shared;

/// <summary>Achievement and the traffic light of a KPI in both directions, at their edges.</summary>
public sealed class KpiRulesTests
{
    [Theory]
    [InlineData(80, 80, 100, TrafficLight.Green)]     // TEPE 80 % of 80 % target: met
    [InlineData(90, 80, 112.5, TrafficLight.Green)]   // above the target
    [InlineData(64, 80, 80, TrafficLight.Amber)]      // exactly 80 % of the way
    [InlineData(63.99, 80, 79.99, TrafficLight.Red)]  // just below
    [InlineData(0, 80, 0, TrafficLight.Red)]
    [InlineData(5, 0, 100, TrafficLight.Green)]       // a target of nothing is met by anything
    public void Higher_is_better(double actual, double target, double achievement, TrafficLight light)
    {
        Assert.Equal((decimal)achievement, KpiRules.Achievement((decimal)actual, (decimal)target, KpiDirection.HigherIsBetter));
        Assert.Equal(light, KpiRules.Light((decimal)actual, (decimal)target, KpiDirection.HigherIsBetter));
    }

    [Theory]
    [InlineData(10, 10, 100, TrafficLight.Green)]     // 10 days against a 10-day target
    [InlineData(5, 10, 200, TrafficLight.Green)]      // better than the target
    [InlineData(12.5, 10, 80, TrafficLight.Amber)]    // 80 % of the way
    [InlineData(12.6, 10, 79.37, TrafficLight.Red)]
    [InlineData(0, 10, 100, TrafficLight.Green)]      // nothing at all beats any target
    [InlineData(3, 0, 0, TrafficLight.Red)]           // a target of none, missed
    public void Lower_is_better(double actual, double target, double achievement, TrafficLight light)
    {
        Assert.Equal((decimal)achievement, KpiRules.Achievement((decimal)actual, (decimal)target, KpiDirection.LowerIsBetter));
        Assert.Equal(light, KpiRules.Light((decimal)actual, (decimal)target, KpiDirection.LowerIsBetter));
    }

    [Fact]
    public void Nothing_to_judge_without_an_actual_or_a_target()
    {
        Assert.Null(KpiRules.Achievement(null, 80, KpiDirection.HigherIsBetter));
        Assert.Null(KpiRules.Achievement(50, null, KpiDirection.LowerIsBetter));
        Assert.Equal(TrafficLight.None, KpiRules.Light(null, 80, KpiDirection.HigherIsBetter));
        Assert.False(KpiRules.Met(null, 80, KpiDirection.HigherIsBetter));
    }
}
