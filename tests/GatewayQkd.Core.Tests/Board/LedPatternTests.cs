using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Tests.Board;

public class LedPatternTests
{
    [Fact]
    public void Every_State_Has_A_Pattern_Distinct_From_The_Others()
    {
        var patterns = Enum.GetValues<IndicatorState>()
            .Select(s => LedPattern.ForState(s))
            .Select(p => (p.OnMilliseconds, p.OffMilliseconds))
            .ToList();

        Assert.Equal(patterns.Count, patterns.Distinct().Count());
    }

    [Fact]
    public void Ready_Is_Steady_On_And_Zeroized_Is_Dark()
    {
        var ready = LedPattern.ForState(IndicatorState.Ready);
        var zeroized = LedPattern.ForState(IndicatorState.Zeroized);

        Assert.All(Enumerable.Range(0, 100).Select(i => i * 37L), t => Assert.True(ready.IsOnAt(t)));
        Assert.All(Enumerable.Range(0, 100).Select(i => i * 37L), t => Assert.False(zeroized.IsOnAt(t)));
    }

    [Fact]
    public void Blinks_On_Then_Off_Within_Each_Period()
    {
        var pattern = new LedPattern(100, 300);

        Assert.True(pattern.IsOnAt(0));
        Assert.True(pattern.IsOnAt(99));
        Assert.False(pattern.IsOnAt(100));
        Assert.False(pattern.IsOnAt(399));
        Assert.True(pattern.IsOnAt(400));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(10, 100, 900)]
    [InlineData(24, 100, 900)]
    [InlineData(25, 500, 500)]
    [InlineData(74, 500, 500)]
    [InlineData(75, 1, 0)]
    [InlineData(100, 1, 0)]
    public void Pool_Level_Maps_Quarters_To_Patterns(int percent, int on, int off)
    {
        var pattern = LedPattern.ForPoolLevel(percent);

        // Compare duty cycles: steady on and dark are written with any period.
        Assert.Equal((double)on / (on + off), (double)pattern.OnMilliseconds / (pattern.OnMilliseconds + pattern.OffMilliseconds), 6);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    [InlineData(0, 0)]
    public void Rejects_Bad_Times(int on, int off)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedPattern(on, off));
    }
}
