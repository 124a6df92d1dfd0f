using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Turbulence;

public class GammaGammaParametersTests
{
    [Fact]
    public void Plane_Wave_At_Unit_Rytov_Variance_Matches_Published_Alpha_And_Beta()
    {
        // Al-Habash, Andrews, Phillips 2001 / project reference: sigma_R^2 = 1 -> (alpha, beta) = (4.39, 2.56).
        var p = GammaGammaParameters.FromRytov(1.0, WaveModel.Plane);
        Assert.Equal(4.39, p.Alpha, 2);
        Assert.Equal(2.56, p.Beta, 2);
    }

    [Fact]
    public void Weak_Turbulence_Scintillation_Index_Approaches_The_Rytov_Variance()
    {
        // Andrews and Phillips: sigma_I^2 ~ sigma_R^2 for sigma_R^2 << 1 (plane wave).
        var p = GammaGammaParameters.FromRytov(0.01, WaveModel.Plane);
        Assert.Equal(0.01, p.ScintillationIndex, 3);
    }

    [Fact]
    public void Saturated_Turbulence_Has_Beta_Near_One()
    {
        // In the saturation regime beta -> 1 (the small-scale eddies reach the exponential limit) while alpha grows.
        var p = GammaGammaParameters.FromRytov(100, WaveModel.Plane);
        Assert.InRange(p.Beta, 1.0, 1.2);
    }
}
