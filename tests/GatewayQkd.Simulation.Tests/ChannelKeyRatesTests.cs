using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Simulation.Supply;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>V_gen per gateway from the channel model.</summary>
public sealed class ChannelKeyRatesTests
{
    [Fact]
    public void Farther_Gateways_Get_Lower_Positive_Rates()
    {
        double[] rates = ChannelKeyRates.PerGateway(3, 5, 50);
        Assert.Equal(3, rates.Length);
        Assert.All(rates, r => Assert.True(r > 0));
        Assert.True(rates[0] > rates[1] && rates[1] > rates[2], string.Join(", ", rates));
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(50.0)]
    [InlineData(100.0)]
    public void Rate_Is_The_Block_Key_Rate_The_Channel_Library_Reports_For_Each_Link(double distanceKm)
    {
        // The channel library's own figures for the two links, evaluated here link by link: the block-distillation key
        // rate R(<statistics>) (its default), not the per-state ergodic Integral max(R, 0) f. Under the default weak
        // turbulence the two differ by 1e-7 (5 km) to 2e-5 (50 km) of the rate, far above the 1e-12 compared here.
        LinkReport downlink = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = distanceKm });
        LinkReport uplink = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Uplink, DistanceKm = 0 });
        double expected = Math.Min(downlink.BlockKeyRateBitsPerSecond, uplink.BlockKeyRateBitsPerSecond);
        double ergodic = Math.Min(downlink.ErgodicKeyRateBitsPerSecond, uplink.ErgodicKeyRateBitsPerSecond);
        Assert.True(Math.Abs(expected - ergodic) > 1e-9 * expected, $"block {expected} and ergodic {ergodic} must differ for this test to tell them apart");

        double[] rates = ChannelKeyRates.PerGateway(1, distanceKm, distanceKm);

        Assert.Equal(expected, rates[0], expected * 1e-12);
    }

    [Fact]
    public void Rejects_Inverted_Distances_Naming_The_Option()
    {
        var error = Assert.Throws<SimulationOptionsException>(() => ChannelKeyRates.PerGateway(2, 60, 10));
        Assert.Equal("maxDistanceKm", error.Parameter);
    }

    [Fact]
    public void Simulation_Uses_Each_Gateways_Rate()
    {
        // A gateway with a faster supplement link waits less for the same missing bits (eq. (9)'s (K_qua - K_sur)/V_gen):
        // 2048 - 0 bits at 2560 bit/s = 0.8 s versus at 25600 bit/s = 0.08 s, each plus 1.6 s transmission.
        var options = SimulationHarness.Options(Schemes.SchemeKind.S3, initial: 0, gateways: 2) with { VGenPerGateway = [2560, 25600] };
        var slow = SimulationHarness.Run(options, SimulationHarness.Request(0, 2048, gateway: 0));
        var fast = SimulationHarness.Run(options, SimulationHarness.Request(0, 2048, gateway: 1));
        Assert.Equal(0.8 + 1.6, slow.MeanDelay, 9);
        Assert.Equal(0.08 + 1.6, fast.MeanDelay, 9);
    }
}
