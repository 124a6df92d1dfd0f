using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Link;

/// <summary>
/// The numerical (log-grid) and Monte-Carlo fading averages estimate the same integrals; they must agree within 5 standard
/// errors of the Monte-Carlo estimate (plus 0.5 % of the value for the grid's discretisation). The cases keep h well below 1,
/// where the model's clip h &lt;= 1 would bias the closed-form mean.
/// </summary>
public class FadingAverageAgreementTests
{
    private const int Samples = 200_000;

    public static TheoryData<string> Cases => ["horizontal-strong", "downlink-jitter", "lognormal-weak"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Monte_Carlo_And_Numerical_Averages_Agree_Within_Sampling_Error(string name)
    {
        var options = Case(name);
        var budget = LinkBudgetCalculator.Compute(options);
        var numerical = FadingAverager.Numerical(budget);
        var sampled = FadingAverager.MonteCarlo(budget, Samples, 42);
        AssertClose(numerical.MeanChannelTransmittance, sampled.MeanChannelTransmittance, sampled.MeanChannelTransmittanceStandardError);
        AssertClose(numerical.Gain, sampled.Gain, sampled.GainStandardError);
        AssertClose(numerical.KeyRatePerPulse, sampled.KeyRatePerPulse, sampled.KeyRateStandardError);
        AssertClose(numerical.OutageProbability, sampled.OutageProbability, sampled.OutageStandardError);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numerical_Mean_Transmittance_Equals_The_Closed_Form(string name)
    {
        // E[h] = h_l A0 g^2 / (1 + g^2) because E[h_a] = 1 (Gamma-Gamma, log-normal) and E[h_p] is Farid-Hranilovic's.
        var budget = LinkBudgetCalculator.Compute(Case(name));
        var numerical = FadingAverager.Numerical(budget);
        Assert.Equal(1.0, numerical.MeanChannelTransmittance / budget.MeanChannelTransmittance, 3);
    }

    private static LinkOptions Case(string name) => name switch
    {
        "horizontal-strong" => new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 3, HorizontalCn2 = 1e-13, JitterUrad = 0, DivergenceUrad = 500 },
        "downlink-jitter" => new LinkOptions { Kind = LinkKind.Downlink, DistanceKm = 60, JitterUrad = 8, Wave = WaveModel.Spherical },
        "lognormal-weak" => new LinkOptions { Kind = LinkKind.Horizontal, DistanceKm = 1, HorizontalCn2 = 1e-15, Fading = FadingModel.LogNormal, JitterUrad = 20, DivergenceUrad = 500 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertClose(double numerical, double sampled, double standardError)
    {
        var tolerance = (5 * standardError) + (0.005 * Math.Abs(numerical)) + 1e-300;
        Assert.InRange(sampled, numerical - tolerance, numerical + tolerance);
    }
}
