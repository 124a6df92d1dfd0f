using GatewayQkd.Simulation.Schemes;
using Xunit;
using static GatewayQkd.Simulation.Tests.SimulationHarness;

namespace GatewayQkd.Simulation.Tests;

/// <summary>Invariants that hold for every scheme: sane delays, SR in [0, 1], keys conserved, seeds reproduce.</summary>
public sealed class InvariantTests
{
    public static TheoryData<SchemeKind, double> SchemesAndLoads()
    {
        var data = new TheoryData<SchemeKind, double>();
        foreach (var scheme in Enum.GetValues<SchemeKind>())
        {
            data.Add(scheme, 0.5);
            data.Add(scheme, 3.0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemesAndLoads))]
    public void Delays_Are_Non_Negative_And_SR_Is_A_Fraction(SchemeKind scheme, double load)
    {
        var result = RunPoisson(new SimulationOptions { Scheme = scheme, Load = load, Requests = 3000, Seed = 5 });
        Assert.Equal(3000, result.Requests);
        Assert.InRange(result.SuccessRate, 0, 1);
        Assert.True(result.MeanSlotWait >= 0 && result.MeanKeyWait >= 0 && result.MeanSupplementQueueWait >= 0);

        // Every request at least transmits: the smallest key takes 128/1280 = 0.1 s.
        Assert.True(result.P50Delay >= 0.1 * 0.97 && result.MeanDelay >= result.MeanTransmission - 1e-12);
        Assert.Equal(result.MeanDelay, result.MeanSlotWait + result.MeanKeyWait + result.MeanTransmission, 9);
    }

    [Theory]
    [MemberData(nameof(SchemesAndLoads))]
    public void Keys_Are_Conserved(SchemeKind scheme, double load)
    {
        var result = RunPoisson(new SimulationOptions { Scheme = scheme, Load = load, Requests = 3000, Seed = 6 });
        Assert.True(result.KeysGenerated > 0);
        Assert.True(result.KeysWasted >= 0 && result.KeysStored >= 0);
        Assert.Equal(0, result.KeyBalanceError, 3);
    }

    [Fact]
    public void Consumed_Keys_Equal_The_Requested_Bits()
    {
        var requests = new[] { Request(0, 128), Request(0.1, 2048), Request(0.2, 512) };
        var result = Run(Options(SchemeKind.Ddka, initial: 1000, low: 2048, high: 4096), requests);
        Assert.Equal(128 + 2048 + 512, result.KeysConsumed);
    }

    [Fact]
    public void Same_Seed_Reproduces_The_Run()
    {
        var options = new SimulationOptions { Load = 1.5, Requests = 2000, Seed = 42 };
        var a = RunPoisson(options);
        var b = RunPoisson(options);
        Assert.Equal(a with { PoolLevels = [], ByLevel = [] }, b with { PoolLevels = [], ByLevel = [] });
        Assert.Equal(a.PoolLevels.Select(p => p.MeanBits), b.PoolLevels.Select(p => p.MeanBits));
        Assert.Equal(a.ByLevel, b.ByLevel);
    }

    [Fact]
    public void Different_Seeds_Give_Different_Runs()
    {
        var options = new SimulationOptions { Load = 1.5, Requests = 2000, Seed = 42 };
        Assert.NotEqual(RunPoisson(options).MeanDelay, RunPoisson(options with { Seed = 43 }).MeanDelay);
    }

    [Fact]
    public void Pool_Levels_Stay_Within_Capacity()
    {
        var result = RunPoisson(new SimulationOptions { Scheme = SchemeKind.Rakp, Load = 1, Requests = 3000 });
        Assert.All(result.PoolLevels, p => Assert.InRange(p.MeanBits, 0, 5120));
        Assert.All(result.PoolLevels.SelectMany(p => p.FirstGatewaysBits), level => Assert.InRange(level, 0, 5120));
    }
}
