using GatewayQkd.Channel.Numerics;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Gamma-Gamma large- and small-scale parameters alpha and beta (Al-Habash, Andrews, Phillips, Opt. Eng. 40(8), 2001;
/// Andrews and Phillips, Laser Beam Propagation through Random Media, 2nd ed., 2005, eqs. 9.13, 9.41 and, for a receiver
/// aperture D, the aperture-averaged forms of ch. 10 with d^2 = k D^2 / (4 L)).
/// </summary>
/// <param name="Alpha">Effective number of large-scale eddies.</param>
/// <param name="Beta">Effective number of small-scale eddies.</param>
public sealed record GammaGammaParameters(double Alpha, double Beta)
{
    /// <summary>
    /// Point receiver, from the Rytov variance s2: alpha = 1/(exp(0.49 s2/(1 + c s2^(6/5))^(7/6)) - 1), c = 1.11 (plane) or
    /// 0.56 (spherical); beta = 1/(exp(0.51 s2/(1 + 0.69 s2^(6/5))^(5/6)) - 1). For a spherical wave pass beta0^2.
    /// </summary>
    public static GammaGammaParameters FromRytov(double rytovVariance, WaveModel wave) => ApertureAveraged(rytovVariance, wave, 0);

    /// <summary>
    /// Aperture-averaged (Andrews and Phillips 2005 ch. 10): plane wave
    /// sigma_lnX^2 = 0.49 s2 / (1 + 0.65 d^2 + 1.11 s2^(6/5))^(7/6), spherical wave
    /// sigma_lnX^2 = 0.49 s2 / (1 + 0.18 d^2 + 0.56 s2^(6/5))^(7/6); both
    /// sigma_lnY^2 = 0.51 s2 (1 + 0.69 s2^(6/5))^(-5/6) / (1 + 0.90 d^2 + 0.62 d^2 s2^(6/5));
    /// alpha = 1/(exp(sigma_lnX^2) - 1), beta = 1/(exp(sigma_lnY^2) - 1). d^2 = 0 is the point receiver.
    /// </summary>
    public static GammaGammaParameters ApertureAveraged(double rytovVariance, WaveModel wave, double apertureParameterSquared)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rytovVariance);
        ArgumentOutOfRangeException.ThrowIfNegative(apertureParameterSquared);
        var s125 = Math.Pow(rytovVariance, 1.2);
        var d2 = apertureParameterSquared;
        var (c, cd) = wave == WaveModel.Plane ? (1.11, 0.65) : (0.56, 0.18);
        var lnX = 0.49 * rytovVariance / Math.Pow(1 + (cd * d2) + (c * s125), 7.0 / 6.0);
        var lnY = 0.51 * rytovVariance / Math.Pow(1 + (0.69 * s125), 5.0 / 6.0) / (1 + (0.90 * d2) + (0.62 * d2 * s125));
        return new GammaGammaParameters(1.0 / Series.ExpM1(lnX), 1.0 / Series.ExpM1(lnY));
    }

    /// <summary>d^2 = k D^2 / (4 L), the aperture parameter of a receiver of diameter D at path length L.</summary>
    public static double ApertureParameterSquared(double wavelengthM, double apertureDiameterM, double pathLengthM) =>
        2 * Math.PI / wavelengthM * apertureDiameterM * apertureDiameterM / (4 * pathLengthM);

    /// <summary>Gets the scintillation index sigma_I^2 = 1/alpha + 1/beta + 1/(alpha beta).</summary>
    public double ScintillationIndex => (1 / Alpha) + (1 / Beta) + (1 / (Alpha * Beta));
}
