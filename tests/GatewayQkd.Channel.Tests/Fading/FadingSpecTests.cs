using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Fading;

public class FadingSpecTests
{
    [Fact]
    public void Mean_Collected_Fraction_Is_A0_Times_The_Farid_Hranilovic_Jitter_Factor()
    {
        // E[C] = A0 g^2/(1+g^2) (Farid and Hranilovic 2007); turbulence redistributes power and leaves the mean alone.
        var spec = new FadingSpec(FadingModel.GammaGamma, 0.25, 0.3, 4, double.PositiveInfinity);
        Assert.Equal(0.25 * 4 / 5, spec.MeanCollected, 14);
    }

    [Fact]
    public void A_Beam_Much_Wider_Than_The_Aperture_Scintillates_With_The_Aperture_Averaged_Index()
    {
        var spec = new FadingSpec(FadingModel.GammaGamma, 1e-6, 0.4, double.PositiveInfinity, double.PositiveInfinity);
        Assert.Equal(0.4, spec.CollectedScintillationIndex, 5);
    }

    [Fact]
    public void A_Beam_Caught_Whole_By_The_Aperture_Does_Not_Scintillate()
    {
        // All the power lands inside the aperture: conservation of energy leaves nothing to fluctuate.
        var spec = new FadingSpec(FadingModel.GammaGamma, 1 - 1e-9, 2.0, double.PositiveInfinity, double.PositiveInfinity);
        Assert.True(spec.CollectedScintillationIndex < 1e-8, $"{spec.CollectedScintillationIndex}");
    }

    [Fact]
    public void Beta_Shapes_Reproduce_The_Mean_And_Variance()
    {
        var spec = new FadingSpec(FadingModel.GammaGamma, 0.6, 0.5, 6, 20);
        var (a, b) = (spec.ShapeA, spec.ShapeB);
        Assert.Equal(spec.MeanCollected, a / (a + b), 12);
        Assert.Equal(spec.Variance, a * b / ((a + b) * (a + b) * (a + b + 1)), 12);
    }

    [Fact]
    public void Receiver_Jitter_Multiplies_The_Mean_By_Its_Own_Farid_Hranilovic_Factor()
    {
        var spec = new FadingSpec(FadingModel.None, 0.5, 0, double.PositiveInfinity, 3);
        Assert.Equal(0.5 * 3 / 4, spec.MeanCollected, 14);
    }
}
