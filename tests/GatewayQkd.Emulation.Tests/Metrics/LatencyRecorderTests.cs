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

    [Fact]
    public void Summarizes_A_Window_Without_The_Values_Recorded_Before_It()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(1000); // a warm-up outlier
        var first = recorder.Count;
        foreach (var v in new double[] { 50, 15, 40, 35, 20 })
        {
            recorder.Record(v);
        }

        var window = recorder.SummarizeSince(first);

        Assert.Equal(5, window.Count);
        Assert.Equal(35, window.P50);
        Assert.Equal(50, window.Max);
        Assert.Equal(1000, recorder.Summarize().Max);
    }

    [Fact]
    public void Summarizes_An_Empty_Window_As_NaN()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(5);

        var window = recorder.SummarizeSince(1);

        Assert.Equal(0, window.Count);
        Assert.True(double.IsNaN(window.P99));
    }

    [Fact]
    public void Summarizes_A_Window_With_Both_Ends_Without_The_Values_Recorded_After_It()
    {
        var recorder = new LatencyRecorder();
        foreach (var v in new double[] { 1000, 15, 20, 35, 40, 50, 2000 })
        {
            recorder.Record(v);
        }

        var window = recorder.SummarizeBetween(1, 6); // the five values of the worked example

        Assert.Equal(5, window.Count);
        Assert.Equal(35, window.P50);
        Assert.Equal(50, window.Max);
    }
}
