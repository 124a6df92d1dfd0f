using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Channel.Tests.Network;

public class NetworkModelTests
{
    [Fact]
    public void Single_Node_End_To_End_Rate_Is_The_Smaller_Link_Rate()
    {
        var report = NetworkModel.Evaluate(new NetworkOptions { NodeCount = 1 });
        var node = report.Nodes[0];
        var expected = Math.Min(report.Uplink.KeyRateBitsPerSecond, LinkModel.Evaluate(new NetworkOptions().DownlinkOf(0)).KeyRateBitsPerSecond);
        Assert.Equal(expected, node.EndToEndKeyRateBitsPerSecond, 6);
    }

    [Fact]
    public void Time_Sharing_Divides_Each_Downlink_Rate_By_N()
    {
        var one = NetworkModel.Evaluate(new NetworkOptions { NodeCount = 1 });
        var four = NetworkModel.Evaluate(new NetworkOptions { NodeCount = 4 });
        Assert.Equal(one.Nodes[0].DownlinkKeyRateBitsPerSecond / 4, four.Nodes[3].DownlinkKeyRateBitsPerSecond, 6);
        Assert.Equal(one.Nodes[0].Downlink.Averaged.Qber, four.Nodes[3].Downlink.Averaged.Qber, 12);
    }

    [Fact]
    public void Passive_Split_Adds_Ten_Log_N_Decibels_To_Each_Downlink()
    {
        var one = NetworkModel.Evaluate(new NetworkOptions { NodeCount = 1, Sharing = SharingMode.PassiveSplit });
        var eight = NetworkModel.Evaluate(new NetworkOptions { NodeCount = 8, Sharing = SharingMode.PassiveSplit });
        Assert.Equal(10 * Math.Log10(8), eight.Nodes[0].Downlink.Budget.MeanChannelDb - one.Nodes[0].Downlink.Budget.MeanChannelDb, 9);
    }

    [Fact]
    public void Spread_Layout_Puts_Nodes_Between_Min_And_Max_Distance()
    {
        var options = new NetworkOptions { NodeCount = 3, Layout = GroundNodeLayout.Spread, MinDistanceKm = 10, MaxDistanceKm = 30 };
        Assert.Equal([10.0, 20.0, 30.0], [options.DistanceOf(0), options.DistanceOf(1), options.DistanceOf(2)]);
    }
}
