using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Tests.Channel;

public class ChannelOptionBindingTests
{
    [Fact]
    public void Unset_Options_Keep_The_Model_Defaults()
    {
        var options = ChannelCommandRunner.Bind();
        Assert.Equal(new LinkOptions(), options.Link);
        Assert.False(options.NetworkMode);
        Assert.Null(options.Sweep);
    }

    [Fact]
    public void Link_Options_Set_The_Matching_Model_Properties()
    {
        var options = ChannelCommandRunner.Bind("--link", "horizontal", "--distance-km", "3", "--cn2", "1e-14", "--mu", "0.5", "--protocol", "vacuum-weak", "--wave", "spherical");
        Assert.Equal(LinkKind.Horizontal, options.Link.Kind);
        Assert.Equal(3, options.Link.DistanceKm);
        Assert.Equal(1e-14, options.Link.HorizontalCn2);
        Assert.Equal(0.5, options.Link.Qkd.SignalMeanPhotonNumber);
        Assert.Equal(DecoyProtocol.VacuumWeakDecoy, options.Link.Qkd.Protocol);
        Assert.Equal(GatewayQkd.Channel.Turbulence.WaveModel.Spherical, options.Link.Wave);
    }

    [Fact]
    public void A_User_Option_Overrides_The_Preset_Base()
    {
        var options = ChannelCommandRunner.Bind("--preset", "slides-qber", "--divergence-urad", "50");
        Assert.Equal(LinkKind.Horizontal, options.Link.Kind);
        Assert.Equal(50, options.Link.DivergenceUrad);
    }

    [Fact]
    public void More_Than_One_Node_Selects_Network_Mode()
    {
        var options = ChannelCommandRunner.Bind("--nodes", "4", "--sharing", "passive-split");
        Assert.True(options.NetworkMode);
        Assert.Equal(4, options.Network.NodeCount);
        Assert.Equal(SharingMode.PassiveSplit, options.Network.Sharing);
    }

    [Fact]
    public void Turbulence_Sweep_Defaults_To_A_Log_Range()
    {
        var options = ChannelCommandRunner.Bind("--sweep", "turbulence");
        Assert.Equal(SweepVariable.Turbulence, options.Sweep);
        Assert.True(options.Range!.Logarithmic);
    }
}
