using GatewayQkd.Emulation.Benchmarks;

namespace GatewayQkd.Emulation.Tests.Benchmarks;

/// <summary>The phases of a benchmark point: fill (sensors held), warm-up, window, and the fill limit.</summary>
public sealed class MeasurementWindowTests
{
    [Fact]
    public void The_Sensors_Stay_Held_Until_Every_Pool_Is_Ready()
    {
        var window = new MeasurementWindow(2, 4, 120);

        Assert.Equal(WindowPhase.Filling, window.Advance(0, poolsReady: false));
        Assert.Equal(WindowPhase.Filling, window.Advance(30, poolsReady: false));
        Assert.Equal(WindowPhase.WarmingUp, window.Advance(31, poolsReady: true));
        Assert.Equal(31, window.FillSeconds);
    }

    [Fact]
    public void The_Window_Opens_After_The_Warm_Up_Counted_From_Ready_And_Closes_After_Its_Length()
    {
        var window = new MeasurementWindow(2, 4, 120);
        window.Advance(0, poolsReady: false);
        window.Advance(10, poolsReady: true);

        Assert.Equal(WindowPhase.WarmingUp, window.Advance(11.9, poolsReady: true));
        Assert.Equal(WindowPhase.Measuring, window.Advance(12, poolsReady: true));
        Assert.Equal(WindowPhase.Measuring, window.Advance(15.9, poolsReady: true));
        Assert.Equal(WindowPhase.Done, window.Advance(16, poolsReady: true));
    }

    [Fact]
    public void Without_A_Warm_Up_The_Window_Opens_At_The_Sample_That_Found_The_Pools_Ready()
    {
        var window = new MeasurementWindow(0, 4, 120);

        Assert.Equal(WindowPhase.Measuring, window.Advance(0, poolsReady: true));
        Assert.Equal(0, window.FillSeconds);
    }

    [Fact]
    public void A_Fill_That_Outlasts_The_Limit_Ends_The_Point_Without_A_Window()
    {
        var window = new MeasurementWindow(2, 4, 120);
        window.Advance(5, poolsReady: false);

        Assert.Equal(WindowPhase.Filling, window.Advance(124.9, poolsReady: false));
        Assert.Equal(WindowPhase.FillTimedOut, window.Advance(125, poolsReady: false));
        Assert.Equal(WindowPhase.FillTimedOut, window.Advance(126, poolsReady: true));
        Assert.True(double.IsNaN(window.FillSeconds));
    }
}
