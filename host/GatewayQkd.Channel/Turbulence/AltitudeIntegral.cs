using MathNet.Numerics.Integration;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Integral over altitude in metres of a smooth function, split at the scale heights of the Hufnagel-Valley profile
/// (100 m, 1.5 km, ~10 km) so each piece is smooth enough for a 64-point Gauss-Legendre rule.
/// </summary>
public static class AltitudeIntegral
{
    private static readonly double[] Breaks = [200.0, 1_000.0, 3_000.0, 8_000.0, 15_000.0, 25_000.0];

    /// <summary>Integral of f(h) dh from h0 to h1 (metres).</summary>
    public static double Integrate(Func<double, double> f, double fromM, double toM)
    {
        var total = 0.0;
        var lower = fromM;
        foreach (var b in Breaks)
        {
            var cut = fromM + b;
            if (cut >= toM)
            {
                break;
            }

            total += GaussLegendreRule.Integrate(f, lower, cut, 64);
            lower = cut;
        }

        return total + GaussLegendreRule.Integrate(f, lower, toM, 64);
    }
}
