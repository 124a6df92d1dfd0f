using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// Log-grid distributions of the unit-mean fading factors: a Gamma(shape, 1/shape) factor (each half of Gamma-Gamma),
/// a log-normal factor, and the pointing-jitter factor h_p / A0 = U^(1/g^2). Each also reports its spread in ln h, which
/// sets the grid step.
/// </summary>
public static class FadingFactors
{
    /// <summary>The spread (standard deviation of ln X) of a unit-mean Gamma factor with this shape.</summary>
    public static double GammaSpread(double shape) => Math.Sqrt(Trigamma.Of(shape));

    /// <summary>The spread of the jitter factor: ln(h_p / A0) is -Exponential(g^2), standard deviation 1/g^2.</summary>
    public static double JitterSpread(double gSquared) => 1 / gSquared;

    /// <summary>X ~ Gamma(shape, scale 1/shape): P(ln X &lt;= t) = P(shape, shape e^t).</summary>
    public static LogGrid Gamma(double shape, double step)
    {
        var mean = SpecialFunctions.DiGamma(shape) - Math.Log(shape);
        var sd = GammaSpread(shape);
        // The left tail of ln X decays like exp(shape t): 40/shape more reaches 1e-17; the right tail is doubly exponential.
        var lower = mean - (10 * sd) - (40 / shape);
        var upper = mean + (10 * sd) + 1;
        return LogGrid.FromCdf(t => SpecialFunctions.GammaLowerRegularized(shape, shape * Math.Exp(t)), lower, upper, step);
    }

    /// <summary>Log-normal unit-mean factor: ln h ~ N(-s2/2, s2).</summary>
    public static LogGrid LogNormal(double logVariance, double step)
    {
        var sd = Math.Sqrt(logVariance);
        var mean = -logVariance / 2;
        return LogGrid.FromCdf(t => Normal.CDF(mean, sd, t), mean - (9 * sd), mean + (9 * sd), step);
    }

    /// <summary>Pointing jitter factor h_p / A0: P(ln(h_p/A0) &lt;= t) = exp(g^2 t) for t &lt;= 0.</summary>
    public static LogGrid Jitter(double gSquared, double step) =>
        LogGrid.FromCdf(t => t >= 0 ? 1.0 : Math.Exp(gSquared * t), -40 / gSquared, 0, step);
}
