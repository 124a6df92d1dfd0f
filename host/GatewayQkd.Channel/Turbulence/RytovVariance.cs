using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Rytov variance sigma_R^2 (Andrews and Phillips 2005, ch. 8 and 12): horizontal paths with constant Cn2, slant paths
/// integrated over the Hufnagel-Valley profile with the flat-layer sec(zeta) stretch.
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

    /// <summary>
    /// Slant path: sigma_R^2 = 2.25 k^(7/6) sec^(11/6)(zeta) Integral Cn2(h) d(h)^(5/6) [s(h)^(5/6)] dh, where d is the
    /// vertical distance from the receiver end and, for a spherical wave, s = (distance from the transmitter) / (H - h0).
    /// </summary>
    public static double Slant(HufnagelValley profile, double wavelengthM, LinkGeometry geometry, WaveModel wave)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(geometry);
        var k = 2 * Math.PI / wavelengthM;
        var h0 = geometry.GroundAltitudeKm * 1000;
        var h1 = geometry.HapAltitudeKm * 1000;
        var span = h1 - h0;
        var receiverOnGround = geometry.Kind != LinkKind.Uplink;
        double Weight(double h)
        {
            var fromGround = h - h0;
            var fromHap = h1 - h;
            var toReceiver = receiverOnGround ? fromGround : fromHap;
            var toTransmitter = receiverOnGround ? fromHap : fromGround;
            var w = Math.Pow(Math.Max(toReceiver, 0), 5.0 / 6.0);
            return wave == WaveModel.Plane ? w : w * Math.Pow(Math.Max(toTransmitter, 0) / span, 5.0 / 6.0);
        }

        var integral = AltitudeIntegral.Integrate(h => profile.Cn2(h) * Weight(h), h0, h1);
        return 2.25 * Math.Pow(k, 7.0 / 6.0) * Math.Pow(geometry.SecZenith, 11.0 / 6.0) * integral;
    }
}
