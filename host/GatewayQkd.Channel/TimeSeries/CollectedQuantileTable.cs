using GatewayQkd.Channel.Fading;
using MathNet.Numerics.Distributions;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// Maps a standard normal u to the collected fraction C = F^-1(Phi(u)) of a link's fading law (Gaussian copula), so a
/// correlated Gaussian process gets the exact marginal the averages integrate. The quantile function is interpolated in
/// the logit of C between the mid-probability points of a fine <see cref="BetaQuadrature"/> (panels of a quarter standard
/// deviation), tabulated on u in [-7.5, 7.5].
/// </summary>
public sealed class CollectedQuantileTable
{
    private const double Limit = 7.5;
    private const int Points = 1201;
    private readonly double[] _values = new double[Points];

    /// <summary>Tabulates the quantiles of the law.</summary>
    public CollectedQuantileTable(FadingSpec fading)
    {
        ArgumentNullException.ThrowIfNull(fading);
        if (fading.IsDeterministic)
        {
            Array.Fill(_values, fading.MeanCollected);
            return;
        }

        var rule = BetaQuadrature.For(fading.ShapeA, fading.ShapeB, double.NaN, 0.25);
        var order = Enumerable.Range(0, rule.Count).OrderBy(rule.Logit).ToArray();
        var mids = new double[order.Length];
        var logits = new double[order.Length];
        var cumulative = 0.0;
        for (var i = 0; i < order.Length; i++)
        {
            var w = rule.Probabilities[order[i]];
            mids[i] = cumulative + (w / 2);
            cumulative += w;
            logits[i] = rule.Logit(order[i]);
        }

        for (var i = 0; i < Points; i++)
        {
            var p = Normal.CDF(0, 1, -Limit + (2 * Limit * i / (Points - 1)));
            var j = Array.BinarySearch(mids, p);
            double z;
            if (j >= 0)
            {
                z = logits[j];
            }
            else
            {
                j = ~j;
                z = j == 0 ? logits[0] : j >= mids.Length ? logits[^1]
                    : logits[j - 1] + ((p - mids[j - 1]) / (mids[j] - mids[j - 1]) * (logits[j] - logits[j - 1]));
            }

            _values[i] = 1 / (1 + Math.Exp(-z));
        }
    }

    /// <summary>C for a standard normal u (clamped to |u| &lt;= 7.5, a tail of 6e-14).</summary>
    public double Value(double u)
    {
        var position = (Math.Clamp(u, -Limit, Limit) + Limit) / (2 * Limit) * (Points - 1);
        var index = Math.Min((int)position, Points - 2);
        var fraction = position - index;
        return _values[index] + (fraction * (_values[index + 1] - _values[index]));
    }
}
