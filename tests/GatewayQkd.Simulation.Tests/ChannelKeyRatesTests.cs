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
