namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// DDKA's percentage improvement over another scheme (paper Figs. 10b-13b: "the ratio of the optimized value ... to
/// the value of the compared scheme"): less delay, or more SR, relative to the other scheme's value. Every scheme runs
/// on the same seeds, hence the same request streams, so the improvement is computed per seed and its mean and 95 %
/// Student-t interval are taken over those paired values.
/// </summary>
public static class Improvement
{
    /// <summary>Returns (other - ddka) / other * 100 for delays, NaN when the other delay is 0.</summary>
    public static double OfDelay(double ddka, double other) => other > 0 ? (other - ddka) / other * 100 : double.NaN;

    /// <summary>Returns (ddka - other) / other * 100 for success rates, NaN when the other SR is 0.</summary>
    public static double OfSuccessRate(double ddka, double other) => other > 0 ? (ddka - other) / other * 100 : double.NaN;

    /// <summary>Returns the paired delay improvement of <paramref name="ddka"/> over <paramref name="other"/> (same seeds).</summary>
    public static Estimate PairedDelay(SweepPoint ddka, SweepPoint other) => Paired(ddka.DelayBySeed, other.DelayBySeed, OfDelay);

    /// <summary>Returns the paired SR improvement; seeds where the other SR is 0 (undefined ratio) are left out.</summary>
    public static Estimate PairedSuccessRate(SweepPoint ddka, SweepPoint other) => Paired(ddka.SuccessRateBySeed, other.SuccessRateBySeed, OfSuccessRate);

    private static Estimate Paired(IReadOnlyList<double> ddka, IReadOnlyList<double> other, Func<double, double, double> ratio)
    {
        ArgumentNullException.ThrowIfNull(ddka);
        ArgumentNullException.ThrowIfNull(other);
        if (ddka.Count != other.Count)
        {
            throw new ArgumentException($"Paired comparison needs the same seeds ({ddka.Count} vs {other.Count}).", nameof(other));
        }

        double[] values = ddka.Zip(other, ratio).Where(double.IsFinite).ToArray();
        return Estimate.Of(values);
    }
}
