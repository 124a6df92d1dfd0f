using GatewayQkd.Channel.Fading;

namespace GatewayQkd.Channel.Tests.Fading;

public class BetaQuadratureTests
{
    [Theory]
    [InlineData(0.3, 0.8)]
    [InlineData(2.0, 50.0)]
    [InlineData(40.0, 3.0)]
    [InlineData(5000.0, 20000.0)]
    public void Rule_Reproduces_The_Beta_Moments(double a, double b)
    {
        // E[C] = a/(a+b), to 1e-5 relative (the averages need 1e-3), E[C^2] = a(a+1)/((a+b)(a+b+1)), E[ln C] = psi(a) - psi(a+b).
        var rule = BetaQuadrature.For(a, b);
        double Expect(Func<double, double> f) => Enumerable.Range(0, rule.Count).Sum(i => rule.Probabilities[i] * f(rule.Values[i]));
        Assert.Equal(1.0, Expect(c => c) / (a / (a + b)), 5);
        Assert.Equal(1.0, Expect(c => c * c) / (a * (a + 1) / ((a + b) * (a + b + 1))), 5);
        var logMean = MathNet.Numerics.SpecialFunctions.DiGamma(a) - MathNet.Numerics.SpecialFunctions.DiGamma(a + b);
        Assert.Equal(logMean, Expect(Math.Log), 5);
    }

    [Fact]
    public void Split_Point_Gives_The_Exact_Probability_Below_It()
    {
        // P(C <= x) = I_x(a, b); with a panel boundary at x the indicator is integrated exactly.
        const double a = 3, b = 9, x = 0.2;
        var rule = BetaQuadrature.For(a, b, x);
        var below = Enumerable.Range(0, rule.Count).Where(i => rule.Values[i] <= x).Sum(i => rule.Probabilities[i]);
        Assert.Equal(MathNet.Numerics.SpecialFunctions.BetaRegularized(a, b, x), below, 10);
    }
}
