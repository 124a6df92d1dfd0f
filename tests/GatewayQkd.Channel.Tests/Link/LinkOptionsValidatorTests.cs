using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Tests.Link;

public class LinkOptionsValidatorTests
{
    [Fact]
    public void Rejects_Negative_Distance_Naming_It()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { DistanceKm = -1 }));
        Assert.Equal(nameof(LinkOptions.DistanceKm), error.ParamName);
    }

    [Fact]
    public void Rejects_Zero_Visibility_Naming_It()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { VisibilityKm = 0 }));
        Assert.Equal(nameof(LinkOptions.VisibilityKm), error.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Rejects_Detector_Efficiency_Outside_0_1(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { DetectorEfficiency = value }));
        Assert.Equal(nameof(LinkOptions.DetectorEfficiency), error.ParamName);
    }

    [Fact]
    public void Rejects_Dark_Count_Probability_Above_One()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { Qkd = new QkdParameters { DarkCountProbability = 2 } }));
        Assert.Equal(nameof(QkdParameters.DarkCountProbability), error.ParamName);
    }

    [Fact]
    public void Rejects_Not_A_Number()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinkModel.Evaluate(new LinkOptions { WavelengthNm = double.NaN }));
        Assert.Equal(nameof(LinkOptions.WavelengthNm), error.ParamName);
    }

    [Fact]
    public void Rejects_Fewer_Than_One_Ground_Node()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkModel.Evaluate(new NetworkOptions { NodeCount = 0 }));
        Assert.Equal(nameof(NetworkOptions.NodeCount), error.ParamName);
    }
}
