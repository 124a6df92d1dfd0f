using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Sweeps;
using Xunit;

namespace GatewayQkd.Channel.Tests.Sweeps;

/// <summary>Each sweep variable is one descriptor: its word, field, label, default range and what it sets.</summary>
public class SweepVariableTests
{
    [Fact]
    public void Every_Variable_Is_Found_By_Its_Word_And_Has_Its_Own_Field()
    {
        foreach (var variable in SweepVariable.All)
        {
            Assert.Same(variable, SweepVariable.Find(variable.Name));
        }

        Assert.Equal(SweepVariable.All.Count, SweepVariable.All.Select(v => v.FieldName).Distinct().Count());
        Assert.Null(SweepVariable.Find("altitude"));
    }

    [Fact]
    public void Every_Default_Range_Is_Usable()
    {
        foreach (var variable in SweepVariable.All)
        {
            foreach (var kind in new[] { LinkKind.Horizontal, LinkKind.Downlink, LinkKind.Uplink })
            {
                Assert.NotEmpty(variable.DefaultRange(kind).Values());
            }
        }
    }

    [Fact]
    public void Distance_Sets_The_Ground_Distance_And_Drops_A_Given_Elevation()
    {
        var link = SweepVariable.Distance.Apply(new LinkOptions { ElevationDeg = 40 }, 12);

        Assert.Equal(12, link.DistanceKm);
        Assert.Null(link.ElevationDeg);
    }

    [Fact]
    public void Turbulence_Sets_Horizontal_Cn2_On_A_Horizontal_Link_And_The_Ground_Term_On_A_Slant_One()
    {
        Assert.Equal(1e-14, SweepVariable.Turbulence.Apply(new LinkOptions { Kind = LinkKind.Horizontal }, 1e-14).HorizontalCn2);
        Assert.Equal(1e-14, SweepVariable.Turbulence.Apply(new LinkOptions { Kind = LinkKind.Downlink }, 1e-14).GroundCn2);
    }

    [Fact]
    public void In_A_Network_Distance_Moves_Only_The_Downlinks_While_Weather_Also_Reaches_The_Uplink()
    {
        var network = new NetworkOptions();

        Assert.Equal(network.Uplink.DistanceKm, SweepVariable.Distance.Apply(network, 30).Uplink.DistanceKm);
        Assert.Equal(30, SweepVariable.Distance.Apply(network, 30).Downlink.DistanceKm);
        Assert.Equal(7, SweepVariable.Rain.Apply(network, 7).Uplink.RainRateMmPerHour);
    }

    [Fact]
    public void Nodes_Set_A_Whole_Node_Count_And_Are_No_Link_Parameter()
    {
        Assert.Equal(5, SweepVariable.Nodes.Apply(new NetworkOptions(), 5).NodeCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepVariable.Nodes.Apply(new NetworkOptions(), 2.5));
        Assert.Throws<InvalidOperationException>(() => SweepVariable.Nodes.Apply(new LinkOptions(), 5));
    }
}
