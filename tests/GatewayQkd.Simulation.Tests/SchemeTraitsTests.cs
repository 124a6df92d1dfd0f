using System.Text.Json;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The engine compiled for DDKA (<see cref="DdkaTraits"/>) is the general engine with DDKA's choices fixed.</summary>
public sealed class SchemeTraitsTests
{
    [Fact]
    public void Ddka_Constants_Equal_The_Traits_Derived_From_Its_Definition()
    {
        ISchemeTraits constants = default(DdkaTraits);
        ISchemeTraits derived = new ConfiguredTraits(SchemeDefinition.Of(SchemeKind.Ddka), SupplementTiming.IdleGaps);
        Assert.Equal(
            (derived.Requests, derived.Thresholds, derived.IdleGaps, derived.FirstFit, derived.UtilizationShare, derived.SlottedShare, derived.RequestOrder, derived.SupplementOrder),
            (constants.Requests, constants.Thresholds, constants.IdleGaps, constants.FirstFit, constants.UtilizationShare, constants.SlottedShare, constants.RequestOrder, constants.SupplementOrder));
    }

    [Fact]
    public void Only_Ddka_At_Idle_Gap_Timing_Runs_On_The_Constants()
    {
        var ddka = SchemeDefinition.Of(SchemeKind.Ddka);
        Assert.True(DdkaTraits.Describes(ddka, new SimulationOptions()));
        Assert.False(DdkaTraits.Describes(ddka, new SimulationOptions { SupplementTiming = SupplementTiming.Continuous }));
        Assert.All(SchemeDefinition.All.Where(s => s.Kind != SchemeKind.Ddka), s => Assert.False(DdkaTraits.Describes(s, new SimulationOptions { Scheme = s.Kind })));
    }

    [Theory]
    [InlineData(4, 1, 1.5)]
    [InlineData(4, 1, 0.2)]
    [InlineData(80, 16, 4.0)]
    public void Ddka_Engine_Gives_The_General_Engines_Result(int gateways, int hapChannels, double load)
    {
        var options = new SimulationOptions { Gateways = gateways, HapChannels = hapChannels, Load = load, Requests = 200_000, Seed = 7 };
        var scheme = SchemeDefinition.Of(SchemeKind.Ddka);
        var specialised = new SchemeSimulator<DdkaTraits>(options, scheme, default, new PoissonRequestSource(options), TextWriter.Null, null).Run();
        var general = new SchemeSimulator<ConfiguredTraits>(options, scheme, new ConfiguredTraits(scheme, options.SupplementTiming), new PoissonRequestSource(options), TextWriter.Null, null).Run();
        Assert.Equal(JsonSerializer.Serialize(general), JsonSerializer.Serialize(specialised));
    }
}
