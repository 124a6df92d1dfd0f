using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Rytov variance sigma_R^2 (Andrews and Phillips 2005, ch. 8 and 12) in path coordinates:
/// sigma_R^2 = 2.25 k^(7/6) Integral_0^L Cn2(z) d_rx(z)^(5/6) [ (d_tx(z) / L)^(5/6) for a spherical wave ] dz, with d_rx and
/// d_tx the distances to the receiver and from the transmitter. For constant Cn2 it gives 1.23 (plane) and 0.50 (spherical)
/// Cn2 k^(7/6) L^(11/6); over a flat layered atmosphere it is the familiar 2.25 k^(7/6) sec^(11/6)(zeta) Integral Cn2(h) (h - h0)^(5/6) dh.
/// Slant paths follow the curved ray (<see cref="SlantPathIntegral"/>).
/// </summary>
public static class RytovVariance
{
    /// <summary>Horizontal path: plane 1.23 Cn2 k^(7/6) L^(11/6); spherical 0.5 Cn2 k^(7/6) L^(11/6).</summary>
    public static double Horizontal(double cn2, double wavelengthM, double pathLengthM, WaveModel wave)
    {
        var k = 2 * Math.PI / wavelengthM;
        var factor = wave == WaveModel.Plane ? 1.23 : 0.5;
        return factor * cn2 * Math.Pow(k, 7.0 / 6.0) * Math.Pow(pathLengthM, 11.0 / 6.0);
    }

    /// <summary>Slant path between a ground terminal and the HAP, integrated over the Hufnagel-Valley profile.</summary>
    public static double Slant(HufnagelValley profile, double wavelengthM, LinkGeometry geometry, WaveModel wave)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(geometry);
        var k = 2 * Math.PI / wavelengthM;
        var pathM = geometry.PathLengthKm * 1000;
        var receiverOnGround = geometry.Kind != LinkKind.Uplink;
        var integral = SlantPathIntegral.Integrate(geometry, (h, s) =>
        {
            var toReceiver = receiverOnGround ? s : pathM - s;
            var w = Math.Pow(Math.Max(toReceiver, 0), 5.0 / 6.0);
            return profile.Cn2(h) * (wave == WaveModel.Plane ? w : w * Math.Pow(Math.Max(pathM - toReceiver, 0) / pathM, 5.0 / 6.0));
        });
        return 2.25 * Math.Pow(k, 7.0 / 6.0) * integral;
    }
}
