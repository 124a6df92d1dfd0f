namespace GatewayQkd.Channel.Numerics;

/// <summary>Small-argument-safe elementary functions (no cancellation for x near 0).</summary>
public static class Series
{
    /// <summary>exp(x) - 1, via its Taylor series for |x| &lt; 1e-5 (error below 1e-20 there).</summary>
    public static double ExpM1(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1 + (x * (0.5 + (x / 6)))) : Math.Exp(x) - 1;
}
