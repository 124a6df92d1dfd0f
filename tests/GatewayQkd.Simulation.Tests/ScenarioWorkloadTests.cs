using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The simulator side of `simulate --scenario`: a traffic mix per gateway, and delay and SR reported per K_sec.</summary>
public sealed class ScenarioWorkloadTests
{
    [Fact]
    public void Each_Gateway_Gets_Its_Own_Rate_And_Levels_Inside_The_Window()
    {
        var traffic = new[] { new GatewayTraffic(0.5, [1, 2]), new GatewayTraffic(2.0, [5]) };

        var source = new MixedRequestSource(traffic, 100, 2100, level => level * 100, seed: 3);
        var requests = Drain(source);

        var first = requests.Where(r => r.SourceGateway == 0).ToArray();
        var second = requests.Where(r => r.SourceGateway == 1).ToArray();
        Assert.Equal(4000, first.Length, 4000 * 0.05); // 2000 s / 0.5 s, Poisson: sd 63
        Assert.Equal(1000, second.Length, 1000 * 0.1);
        Assert.All(first, r => Assert.Contains(r.KSec, new[] { 1, 2 }));
        Assert.All(second, r => Assert.Equal((5, 500), (r.KSec, r.KQuaBits)));
        Assert.All(requests, r => Assert.InRange(SimulationTime.ToSeconds(r.ArrivalTicks), 100, 2100));
        Assert.Equal(requests.OrderBy(r => r.ArrivalTicks).Select(r => r.RequestId), requests.Select(r => r.RequestId));
    }

    [Fact]
    public void Per_Level_Counts_And_Means_Add_Up_To_The_Run_Totals()
    {
        var (options, source) = Scarce(w: 0.5);

        var result = new Simulator(options, source, TextWriter.Null).Run();

        Assert.Equal(result.Requests, result.ByLevel.Sum(l => l.Requests));
        Assert.Equal(result.MeanDelay, result.ByLevel.Sum(l => l.Requests * l.MeanDelay) / result.Requests, 9);
        Assert.Equal(result.SuccessRate, result.ByLevel.Sum(l => l.Requests * l.SuccessRate) / result.Requests, 9);
        Assert.Equal([1, 2, 3, 4, 5], result.ByLevel.Select(l => l.SecurityLevel));
    }

    [Fact]
    public void With_W_1_Scarce_Keys_Go_To_The_Higher_K_Sec_First()
    {
        // Eq. (5) with w = 1 ranks by ln(10 - K_sec) alone: within a slot K_sec 5 goes first, so it waits least.
        var (options, source) = Scarce(w: 1);

        var byLevel = new Simulator(options, source, TextWriter.Null).Run().ByLevel;

        Assert.True(byLevel.Single(l => l.SecurityLevel == 5).MeanDelay < byLevel.Single(l => l.SecurityLevel == 1).MeanDelay);
    }

    private static (SimulationOptions Options, MixedRequestSource Source) Scarce(double w)
    {
        // Demand 2 requests/s x 640 bits against 1200 bit/s of supply, 10 s slots: keys are scarce, slots hold ~20 requests.
        var source = new MixedRequestSource([new GatewayTraffic(0.5, [1, 2, 3, 4, 5])], 0, 2000, _ => 640, seed: 5);
        var options = new SimulationOptions
        {
            Gateways = 1,
            Requests = source.ExpectedCount,
            Load = source.ExpectedCount * 10.0 / 2000,
            SlotSeconds = 10,
            TradeOff = w,
            VGenBitsPerSecond = 1200,
            LinkBitsPerSecond = 1e9,
            InitialBits = 0,
        };
        return (options, source);
    }

    private static List<SimRequest> Drain(IRequestSource source)
    {
        var list = new List<SimRequest>();
        while (source.TryNext(out var r))
        {
            list.Add(r);
        }

        return list;
    }
}
