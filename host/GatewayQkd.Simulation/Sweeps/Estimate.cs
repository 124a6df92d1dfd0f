using MathNet.Numerics.Distributions;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>A mean over seeds with the half-width of its 95 % Student-t confidence interval (0 for one seed).</summary>
public sealed record Estimate(double Mean, double HalfWidth)
{
    /// <summary>Computes the estimate of a sample.</summary>
    public static Estimate Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN);
        }

        double mean = values.Average();
        if (n == 1)
        {
            return new Estimate(mean, 0);
        }

        double variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        double t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return new Estimate(mean, t * Math.Sqrt(variance / n));
    }
}
