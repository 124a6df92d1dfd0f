using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// Quadrature nodes and probability weights for expectations over C ~ Beta(a, b), computed in the logit variable
/// z = ln(C / (1 - C)). There the density f_z = C^a (1 - C)^b / B(a, b) is smooth and log-concave with exponential tails
/// (rate a on the left, b on the right), mean psi(a) - psi(b) and variance psi'(a) + psi'(b), so composite Gauss-Legendre
/// panels (8 nodes, width up to two standard deviations, and at most 2 in z) over mean -/+ max(8 sd, 30/a or 30/b) reach round-off accuracy
/// for smooth integrands. An optional split point (the key-rate threshold) starts a new panel there, so integrands that
/// switch on at a threshold (max(R, 0), the outage indicator) stay smooth on every panel. Weights are normalised to 1.
/// </summary>
public sealed class BetaQuadrature
{
    private const int Order = 8;
    private static readonly double[] Abscissas = new GaussLegendreRule(-1, 1, Order).Abscissas;
    private static readonly double[] Weights = new GaussLegendreRule(-1, 1, Order).Weights;

    private BetaQuadrature(double[] values, double[] weights)
    {
        Values = values;
        Probabilities = weights;
    }

    /// <summary>Gets the nodes C_i in (0, 1).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Gets the probability weights (sum 1).</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <summary>Gets the logit z = ln(C / (1 - C)) of node i.</summary>
    public double Logit(int index) => Math.Log(Values[index] / (1 - Values[index]));

    /// <summary>Gets the number of nodes.</summary>
    public int Count => Values.Count;

    /// <summary>A single node at C with weight 1 (a constant collected fraction).</summary>
    public static BetaQuadrature Point(double value) => new([value], [1.0]);

    /// <summary>The rule for Beta(a, b); split (in C) starts a panel when it lies inside the range; panels span at most panelSd standard deviations of z.</summary>
    public static BetaQuadrature For(double a, double b, double split = double.NaN, double panelSd = 2)
    {
        var mean = SpecialFunctions.DiGamma(a) - SpecialFunctions.DiGamma(b);
        var sd = Math.Sqrt(Trigamma.Of(a) + Trigamma.Of(b));
        var lo = mean - Math.Max(8 * sd, 30 / a);
        var hi = mean + Math.Max(8 * sd, 30 / b);
        var logNorm = SpecialFunctions.BetaLn(a, b);
        var values = new List<double>(96);
        var weights = new List<double>(96);
        // Panels also resolve the bend of ln f_z near z = 0 (the softplus terms change slope over |z| ~ 1) for small shapes.
        var width = panelSd * Math.Min(sd, 1.0);
        var zSplit = split > 0 && split < 1 ? Math.Log(split / (1 - split)) : double.NaN;
        if (zSplit > lo && zSplit < hi)
        {
            AddPanels(lo, zSplit, width, a, b, logNorm, values, weights);
            AddPanels(zSplit, hi, width, a, b, logNorm, values, weights);
        }
        else
        {
            AddPanels(lo, hi, width, a, b, logNorm, values, weights);
        }

        var total = weights.Sum();
        var w = weights.ToArray();
        for (var i = 0; i < w.Length; i++)
        {
            w[i] /= total;
        }

        return new BetaQuadrature(values.ToArray(), w);
    }

    private static void AddPanels(double from, double to, double width, double a, double b, double logNorm, List<double> values, List<double> weights)
    {
        var panels = Math.Clamp((int)Math.Ceiling((to - from) / width), 1, 200);
        var step = (to - from) / panels;
        for (var p = 0; p < panels; p++)
        {
            var mid = from + ((p + 0.5) * step);
            for (var i = 0; i < Order; i++)
            {
                var z = mid + (step / 2 * Abscissas[i]);
                // ln C = -softplus(-z), ln(1 - C) = -softplus(z): no overflow for any z.
                var logC = -Softplus(-z);
                var log1mC = -Softplus(z);
                values.Add(Math.Exp(logC));
                weights.Add(step / 2 * Weights[i] * Math.Exp((a * logC) + (b * log1mC) - logNorm));
            }
        }
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
