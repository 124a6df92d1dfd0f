namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// DDKA's percentage improvement over another scheme (paper Figs. 10b-13b: "the ratio of the optimized value ...
/// to the value of the compared scheme"): less delay, or more SR, relative to the other scheme's value.
/// </summary>
public static class Improvement
{
    /// <summary>Returns (other - ddka) / other * 100 for delays, NaN when the other delay is 0.</summary>
    public static double OfDelay(double ddka, double other) => other > 0 ? (other - ddka) / other * 100 : double.NaN;

    /// <summary>Returns (ddka - other) / other * 100 for success rates, NaN when the other SR is 0.</summary>
    public static double OfSuccessRate(double ddka, double other) => other > 0 ? (ddka - other) / other * 100 : double.NaN;
}
