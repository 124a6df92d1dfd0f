using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.TimeSeries;

namespace GatewayQkd.Channel.Tests.TimeSeries;

public class ChannelKeyRateSourceTests
{
    private static readonly LinkOptions Link = new() { Kind = LinkKind.Horizontal, DistanceKm = 2, HorizontalCn2 = 5e-14, JitterUrad = 20, DivergenceUrad = 500 };

    [Fact]
    public void Same_Seed_Gives_The_Same_Series_In_Any_Query_Order()
    {
        var a = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions { Seed = 9 });
        var b = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions { Seed = 9 });
        var forward = Enumerable.Range(0, 50).Select(i => a.Sample(0, i * 0.01).KeyRateBitsPerSecond).ToArray();
        var backward = Enumerable.Range(0, 50).Reverse().Select(i => b.Sample(0, i * 0.01).KeyRateBitsPerSecond).Reverse().ToArray();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Different_Seeds_Give_Different_Series()
    {
        var a = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions { Seed = 1 });
        var b = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions { Seed = 2 });
        Assert.NotEqual(a.Sample(0, 0.5).ChannelTransmittance, b.Sample(0, 0.5).ChannelTransmittance);
    }

    [Fact]
    public void Long_Run_Mean_Transmittance_Matches_The_Closed_Form_Mean()
    {
        // Samples 10 coherence times apart are independent (correlation e^-10), so the SE is the plain one; 5 SE tolerance.
        var source = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions { CoherenceTimeMs = 1, VibrationCorrelationTimeMs = 1, StepMs = 10 });
        const int n = 40_000;
        var values = Enumerable.Range(0, n).Select(i => source.Sample(0, i * 0.01).ChannelTransmittance).ToArray();
        var mean = values.Average();
        var se = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Sum() / (n - 1) / n);
        var expected = LinkBudgetCalculator.Compute(Link).MeanChannelTransmittance;
        Assert.InRange(mean, expected - (5 * se) - (0.003 * expected), expected + (5 * se) + (0.003 * expected));
    }

    [Fact]
    public void Neighbouring_Steps_Are_Correlated_Within_The_Coherence_Time()
    {
        // Lag-1 correlation of ln h is high when the step is a tenth of the coherence time.
        var source = ChannelKeyRateSource.ForLink(Link with { JitterUrad = 0 }, new TimeSeriesOptions { CoherenceTimeMs = 10, StepMs = 1 });
        var logs = Enumerable.Range(0, 5_000).Select(i => Math.Log(source.Sample(0, i * 0.001).ChannelTransmittance)).ToArray();
        var mean = logs.Average();
        var num = 0.0;
        var den = 0.0;
        for (var i = 0; i < logs.Length - 1; i++)
        {
            num += (logs[i] - mean) * (logs[i + 1] - mean);
            den += (logs[i] - mean) * (logs[i] - mean);
        }

        Assert.True(num / den > 0.8, $"lag-1 correlation {num / den}");
    }

    [Fact]
    public void Network_End_To_End_Rate_Is_The_Smaller_Of_Uplink_Share_And_Downlink()
    {
        var source = ChannelKeyRateSource.ForNetwork(new NetworkOptions { NodeCount = 3 }, new TimeSeriesOptions());
        Assert.Equal(4, source.LinkCount);
        Assert.Equal("hap-gn2", source.LinkName(2));
        var up = source.Sample(0, 1.0).KeyRateBitsPerSecond / 3;
        var down = source.Sample(2, 1.0).KeyRateBitsPerSecond;
        Assert.Equal(Math.Min(up, down), source.EndToEndKeyRateBitsPerSecond(2, 1.0));
    }

    [Fact]
    public void Rejects_Negative_Time()
    {
        var source = ChannelKeyRateSource.ForLink(Link, new TimeSeriesOptions());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => source.Sample(0, -1));
        Assert.Equal("timeSeconds", error.ParamName);
    }
}
