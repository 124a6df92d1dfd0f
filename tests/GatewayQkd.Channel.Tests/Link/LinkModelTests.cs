using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Link;

public class LinkModelTests
{
    [Fact]
    public void Horizontal_Atmospheric_Loss_Is_Specific_Attenuation_Times_Distance()
    {
        var report = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 5 });
        Assert.Equal(5 * 0.192, report.Budget.AerosolDb, 2);
    }

    [Fact]
    public void Slant_Aerosol_Loss_Uses_Only_The_Boundary_Layer()
    {
        // Effective layer 4 km at nadir: 4 x 0.192 dB, not 20 x 0.192 dB.
        var report = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = 0 });
        Assert.Equal(4 * 0.192, report.Budget.AerosolDb, 2);
    }

    [Fact]
    public void Exponential_Profile_Tends_To_Beta_Times_Scale_Height()
    {
        var report = LinkModel.Evaluate(new LinkOptions
        {
            Kind = LinkKind.Downlink, DistanceKm = 0, BoundaryLayer = GatewayQkd.Channel.Atmosphere.BoundaryLayerModel.Exponential, AerosolScaleHeightKm = 1.2,
        });
        Assert.Equal(1.2 * 0.192, report.Budget.AerosolDb, 2);
    }

    [Fact]
    public void Ergodic_Key_Rate_Falls_With_Distance()
    {
        var near = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 1 });
        var far = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 5 });
        Assert.True(far.Averaged.KeyRatePerPulse < near.Averaged.KeyRatePerPulse);
    }

    [Fact]
    public void Key_Rate_At_Mean_Uses_The_Mean_Overall_Transmittance()
    {
        var options = new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = 30 };
        var report = LinkModel.Evaluate(options);
        var expected = new DecoyBb84(options.Qkd).Evaluate(report.Budget.MeanChannelTransmittance * options.ReceiverEfficiency);
        Assert.Equal(expected.KeyRatePerPulse, report.AtMean.KeyRatePerPulse, 15);
        Assert.True(report.PlobFractionAtMean is > 0 and < 1);
    }

    [Fact]
    public void Stronger_Turbulence_Raises_The_Rytov_Variance_And_Lowers_Alpha_And_Beta()
    {
        var weak = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 2, HorizontalCn2 = 1e-15 });
        var strong = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 2, HorizontalCn2 = 1e-13 });
        Assert.Equal(100, strong.Budget.RytovVariance / weak.Budget.RytovVariance, 6);
        Assert.True(strong.Budget.GammaGamma!.Beta < weak.Budget.GammaGamma!.Beta);
    }

    [Fact]
    public void No_Turbulence_And_No_Jitter_Means_No_Fading()
    {
        var report = LinkModel.Evaluate(new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 2, HorizontalCn2 = 0, JitterUrad = 0 });
        Assert.Null(report.Budget.GammaGamma);
        Assert.Equal(report.AtMean.KeyRatePerPulse, report.Averaged.KeyRatePerPulse, 15);
        Assert.Equal(FadingModel.None, report.Budget.Fading.Model);
    }
}
