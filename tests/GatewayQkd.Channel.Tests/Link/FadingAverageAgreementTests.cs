using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Link;

/// <summary>
/// The numerical (Beta quadrature) and Monte-Carlo fading averages estimate the same integrals of the same bounded law.
/// With 10^6 draws the quadrature must lie within 0.1 % of the Monte-Carlo value, plus 4 standard errors of the draw.
/// </summary>
public class FadingAverageAgreementTests
{
    private const int Samples = 1_000_000;

    public static TheoryData<string> Cases => ["horizontal-strong", "downlink-jitter", "uplink-wander"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quadrature_Is_Within_A_Tenth_Of_A_Percent_Of_A_Million_Sample_Monte_Carlo(string name)
    {
        var budget = LinkBudgetCalculator.Compute(Case(name));
        var numerical = FadingAverager.Numerical(budget);
        var sampled = FadingAverager.MonteCarlo(budget, Samples, 42);
        AssertClose(numerical.MeanChannelTransmittance, sampled.MeanChannelTransmittance, sampled.MeanChannelTransmittanceStandardError);
        AssertClose(numerical.Gain, sampled.Gain, sampled.GainStandardError);
        AssertClose(numerical.KeyRatePerPulse, sampled.KeyRatePerPulse, sampled.KeyRateStandardError);
        AssertClose(numerical.Block.KeyRatePerPulse, sampled.Block.KeyRatePerPulse, sampled.KeyRateStandardError);
        AssertClose(numerical.OutageProbability, sampled.OutageProbability, sampled.OutageStandardError);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numerical_Mean_Transmittance_Equals_The_Closed_Form(string name)
    {
        // E[h] = h_l A0 E[X_tx] E[X_rx] / N: the law's mean is the Farid-Hranilovic mean.
        var budget = LinkBudgetCalculator.Compute(Case(name));
        var numerical = FadingAverager.Numerical(budget);
        Assert.Equal(1.0, numerical.MeanChannelTransmittance / budget.MeanChannelTransmittance, 6);
    }

    private static LinkOptions Case(string name) => name switch
    {
        "horizontal-strong" => new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 3, HorizontalCn2 = 1e-13, JitterUrad = 0, DivergenceUrad = 60 },
        "downlink-jitter" => new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = 60, JitterUrad = 8, Wave = WaveModel.Spherical },
        "uplink-wander" => new LinkOptions { Kind = LinkKind.Uplink, DistanceKm = 20, GroundCn2 = 1e-13, JitterUrad = 20 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertClose(double numerical, double sampled, double standardError)
    {
        var tolerance = (4 * standardError) + (0.001 * Math.Abs(numerical)) + 1e-300;
        Assert.InRange(sampled, numerical - tolerance, numerical + tolerance);
    }
}
