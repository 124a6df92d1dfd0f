using GatewayQkd.Simulation.Schemes;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The directions the DDKA paper reports (s4.1 Figs. 7-8, s4.2 Figs. 10-13), averaged over a few seeds.</summary>
public sealed class PaperDirectionTests
{
    private const int Requests = 6000;

    private static (double Delay, double Sr) Mean(SimulationOptions options)
    {
        var runs = Enumerable.Range(0, 3).Select(i => RunPoisson(options with { Seed = 100 + (ulong)i, Requests = Requests })).ToArray();
        return (runs.Average(r => r.MeanDelay), runs.Average(r => r.SuccessRate));
    }

    [Fact]
    public void Delay_Rises_And_SR_Falls_With_Load()
    {
        var light = Mean(new SimulationOptions { Load = 0.5 });
        var heavy = Mean(new SimulationOptions { Load = 2.5 });
        Assert.True(heavy.Delay > light.Delay, $"delay {light.Delay} -> {heavy.Delay}");
        Assert.True(heavy.Sr < light.Sr, $"SR {light.Sr} -> {heavy.Sr}");
    }

    [Fact]
    public void Higher_Low_Threshold_Lowers_Delay_And_Raises_SR()
    {
        var low = Mean(new SimulationOptions { Load = 1.5, LowThresholdBits = 256 });
        var high = Mean(new SimulationOptions { Load = 1.5, LowThresholdBits = 3072 });
        Assert.True(high.Delay < low.Delay, $"delay {low.Delay} -> {high.Delay}");
        Assert.True(high.Sr > low.Sr, $"SR {low.Sr} -> {high.Sr}");
    }

    [Fact]
    public void Ddka_Is_Not_Slower_Than_Kod()
    {
        var ddka = Mean(new SimulationOptions { Load = 1.5 });
        var kod = Mean(new SimulationOptions { Load = 1.5, Scheme = SchemeKind.Kod });
        Assert.True(ddka.Delay <= kod.Delay, $"DDKA {ddka.Delay} vs KoD {kod.Delay}");
        Assert.True(ddka.Sr >= kod.Sr, $"DDKA {ddka.Sr} vs KoD {kod.Sr}");
    }

    [Fact]
    public void Ddka_Order_Is_Not_Slower_Than_Fifo_With_The_Same_Supplement()
    {
        // S2 is DDKA without the est ordering; short requests first lowers the mean delay when queues form.
        var ddka = Mean(new SimulationOptions { Load = 2.5 });
        var fifo = Mean(new SimulationOptions { Load = 2.5, Scheme = SchemeKind.S2 });
        Assert.True(ddka.Delay <= fifo.Delay, $"DDKA {ddka.Delay} vs FIFO {fifo.Delay}");
    }
}
