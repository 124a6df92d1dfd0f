using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.TimeSeries;
using GatewayQkd.Emulation.Links;

namespace GatewayQkd.Emulation.Tests.Links;

/// <summary>The channel model's series seen per gateway: full-time downlink rate, capped by the uplink's share (trusted relay).</summary>
public sealed class ChannelLinkRatesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Gives_The_Relay_Rate_Min_Of_Full_Time_Downlink_And_Uplink_Per_Terminal(int terminals)
    {
        ushort[] gateways = [5, 2, 9]; // node i = i-th id in order: 2 -> 1, 5 -> 2, 9 -> 3
        var rates = new ChannelLinkRates(gateways, terminals, seed: 7);
        var network = new NetworkOptions { NodeCount = 3 };
        var series = ChannelKeyRateSource.ForNetwork(network, new TimeSeriesOptions { Seed = 7, StepMs = ChannelLinkRates.StepMilliseconds });

        foreach (var t in new[] { 0.0, 1.25, 30.0 })
        {
            var up = series.Sample(0, t).KeyRateBitsPerSecond;
            var down = series.Sample(2, t);
            var expected = Math.Min(down.KeyRateBitsPerSecond / network.DownlinkTimeShare, up / terminals);

            var condition = rates.At(5, t);

            Assert.Equal(expected, condition.KeyRateBitsPerSecond, 6);
            Assert.Equal(down.Qber, condition.Qber, 9);
        }
    }

    [Fact]
    public void Refuses_A_Gateway_Without_A_Link()
    {
        var rates = new ChannelLinkRates([1, 2], 1, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => rates.At(3, 0));
    }
}
