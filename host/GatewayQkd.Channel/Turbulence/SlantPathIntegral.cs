using GatewayQkd.Channel.Geometry;
using MathNet.Numerics.Integration;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Integrals along the straight slant ray through a spherical atmosphere (no flat-layer sec(zeta) stretch, so they hold to
/// low elevations): Integral_0^L f(h(s), s) ds with s the distance from the ground end and
/// h(s) = sqrt(R_G^2 + s^2 + 2 s R_G cos zeta) - R_E (law of cosines, R_G = R_E + h0). The path is split where it crosses
/// the scale heights of the Hufnagel-Valley profile (h0 + 200 m, 1, 3, 8, 15, 25 km) and each piece gets a 24-point
/// Gauss-Legendre rule.
/// </summary>
public static class SlantPathIntegral
{
    private const int Order = 24;
    private static readonly double[] BreaksM = [200.0, 1_000.0, 3_000.0, 8_000.0, 15_000.0, 25_000.0];
    private static readonly double[] Abscissas = new GaussLegendreRule(-1, 1, Order).Abscissas;
    private static readonly double[] Weights = new GaussLegendreRule(-1, 1, Order).Weights;

    /// <summary>Integral over the path of f(altitude in m, distance from the ground end in m) ds (metres).</summary>
    public static double Integrate(LinkGeometry geometry, Func<double, double, double> f)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(f);
        var earthM = EarthGeometry.EarthRadiusKm * 1000;
        var groundRadiusM = earthM + (geometry.GroundAltitudeKm * 1000);
        var cos = Math.Cos(geometry.ZenithRad);
        var pathM = geometry.PathLengthKm * 1000;
        double Altitude(double s) => Math.Sqrt((groundRadiusM * groundRadiusM) + (s * s) + (2 * s * groundRadiusM * cos)) - earthM;

        var total = 0.0;
        var lower = 0.0;
        foreach (var b in BreaksM)
        {
            var cut = EarthGeometry.SlantRangeKm(geometry.GroundAltitudeKm + (b / 1000), geometry.GroundAltitudeKm, geometry.ZenithRad) * 1000;
            if (cut >= pathM)
            {
                break;
            }

            total += Panel(f, Altitude, lower, cut);
            lower = cut;
        }

        return total + Panel(f, Altitude, lower, pathM);
    }

    private static double Panel(Func<double, double, double> f, Func<double, double> altitude, double from, double to)
    {
        var half = (to - from) / 2;
        var mid = (to + from) / 2;
        var sum = 0.0;
        for (var i = 0; i < Order; i++)
        {
            var s = mid + (half * Abscissas[i]);
            sum += Weights[i] * f(altitude(s), s);
        }

        return sum * half;
    }
}
