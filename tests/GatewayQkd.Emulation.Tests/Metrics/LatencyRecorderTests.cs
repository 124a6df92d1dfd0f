using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Tests.Metrics;

/// <summary>Nearest-rank percentiles (NIST/Wikipedia worked example: 15, 20, 35, 40, 50).</summary>
public sealed class LatencyRecorderTests
{
    [Theory]
    [InlineData(5, 15)]
    [InlineData(30, 20)]
    [InlineData(40, 20)]
    [InlineData(50, 35)]
    [InlineData(100, 50)]
    public void Gives_The_Nearest_Rank_Percentile(double p, double expected)
    {
        var recorder = new LatencyRecorder();
        foreach (var v in new double[] { 50, 15, 40, 35, 20 })
        {
            recorder.Record(v);
        }

        Assert.Equal(expected, recorder.Percentile(p));
    }

    [Fact]
    public void Reports_NaN_With_No_Measurements()
    {
        Assert.True(double.IsNaN(new LatencyRecorder().Percentile(50)));
    }

    [Fact]
    public void Refuses_A_Negative_Latency()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyRecorder().Record(-0.1));
    }
}
