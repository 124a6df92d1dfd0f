namespace GatewayQkd.Channel.Fading;

/// <summary>Trigamma function psi'(x) for x &gt; 0: recurrence up to x &gt;= 6, then the asymptotic series (Abramowitz and Stegun 6.4.12).</summary>
public static class Trigamma
{
    /// <summary>psi'(x), the variance of ln X for X ~ Gamma(x, 1).</summary>
    public static double Of(double x)
    {
        var sum = 0.0;
        while (x < 6)
        {
            sum += 1 / (x * x);
            x += 1;
        }

        var inv = 1 / x;
        var inv2 = inv * inv;
        return sum + inv + (inv2 / 2) + (inv * inv2 * ((1.0 / 6) - (inv2 * ((1.0 / 30) - (inv2 * ((1.0 / 42) - (inv2 / 30)))))));
    }
}
