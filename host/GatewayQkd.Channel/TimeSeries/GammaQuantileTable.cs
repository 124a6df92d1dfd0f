using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// Maps a standard normal z to ln X, X ~ Gamma(shape, scale 1/shape), through X = F^-1(Phi(z)) (Gaussian copula), tabulated
/// on z in [-7.5, 7.5] and interpolated linearly, so a correlated Gaussian process gets exact Gamma marginals cheaply.
/// </summary>
public sealed class GammaQuantileTable
{
    private const double Limit = 7.5;
    private const int Points = 1201;
    private readonly double[] _logValues = new double[Points];

    /// <summary>Tabulates the quantiles of a unit-mean Gamma factor.</summary>
    public GammaQuantileTable(double shape)
    {
        for (var i = 0; i < Points; i++)
        {
            var p = Normal.CDF(0, 1, ZAt(i));
            _logValues[i] = Math.Log(SpecialFunctions.GammaLowerRegularizedInv(shape, p) / shape);
        }
    }

    /// <summary>ln X for a standard normal z (clamped to |z| &lt;= 7.5, a tail of 6e-14).</summary>
    public double LogValue(double z)
    {
        var position = (Math.Clamp(z, -Limit, Limit) + Limit) / (2 * Limit) * (Points - 1);
        var index = Math.Min((int)position, Points - 2);
        var fraction = position - index;
        return _logValues[index] + (fraction * (_logValues[index + 1] - _logValues[index]));
    }

    private static double ZAt(int index) => -Limit + (2 * Limit * index / (Points - 1));
}
