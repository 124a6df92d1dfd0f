namespace GatewayQkd.Channel.Beam;

/// <summary>
/// Gaussian beam spreading: w(z) = w0 sqrt(1 + (z / z_R)^2), z_R = pi w0^2 / lambda, with the waist set by the far-field
/// divergence half-angle theta (1/e^2 intensity): w0 = lambda / (pi theta). Optional long-term turbulent spreading
/// W_LT^2 = w(z)^2 + 3.26 (sigma_R^2)^(6/5) z / k (Andrews and Phillips 2005, eq. 6.100 as quoted in the reference).
/// </summary>
public static class GaussianBeam
{
    /// <summary>The waist radius w0 = lambda / (pi theta) in metres for a divergence half-angle in radians.</summary>
    public static double WaistM(double wavelengthM, double divergenceRad) => wavelengthM / (Math.PI * divergenceRad);

    /// <summary>Beam radius in metres at distance z (metres) for a divergence half-angle in radians.</summary>
    public static double RadiusM(double wavelengthM, double divergenceRad, double distanceM)
    {
        var w0 = WaistM(wavelengthM, divergenceRad);
        var zr = Math.PI * w0 * w0 / wavelengthM;
        var ratio = distanceM / zr;
        return w0 * Math.Sqrt(1 + (ratio * ratio));
    }

    /// <summary>Long-term beam radius in metres including turbulent spreading.</summary>
    public static double LongTermRadiusM(double wavelengthM, double divergenceRad, double distanceM, double rytovVariance)
    {
        var w = RadiusM(wavelengthM, divergenceRad, distanceM);
        var k = 2 * Math.PI / wavelengthM;
        return Math.Sqrt((w * w) + (3.26 * Math.Pow(rytovVariance, 1.2) * distanceM / k));
    }
}
