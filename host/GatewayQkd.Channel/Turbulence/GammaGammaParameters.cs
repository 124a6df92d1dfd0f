namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Gamma-Gamma large- and small-scale parameters alpha and beta for a point receiver
/// (Al-Habash, Andrews, Phillips, Opt. Eng. 40(8), 2001; Andrews and Phillips 2005 eqs. 9.13, 9.41).
/// </summary>
/// <param name="Alpha">Effective number of large-scale eddies.</param>
/// <param name="Beta">Effective number of small-scale eddies.</param>
public sealed record GammaGammaParameters(double Alpha, double Beta)
{
    /// <summary>
    /// From the Rytov variance s2: alpha = 1/(exp(0.49 s2/(1 + c s2^(6/5))^(7/6)) - 1), c = 1.11 (plane) or 0.56 (spherical);
    /// beta = 1/(exp(0.51 s2/(1 + 0.69 s2^(6/5))^(5/6)) - 1). For a spherical wave pass the spherical-wave Rytov variance beta0^2.
    /// </summary>
    public static GammaGammaParameters FromRytov(double rytovVariance, WaveModel wave)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rytovVariance);
        var s125 = Math.Pow(rytovVariance, 1.2);
        var c = wave == WaveModel.Plane ? 1.11 : 0.56;
        var alpha = 1.0 / (Math.Exp(0.49 * rytovVariance / Math.Pow(1 + (c * s125), 7.0 / 6.0)) - 1);
        var beta = 1.0 / (Math.Exp(0.51 * rytovVariance / Math.Pow(1 + (0.69 * s125), 5.0 / 6.0)) - 1);
        return new GammaGammaParameters(alpha, beta);
    }

    /// <summary>Gets the scintillation index sigma_I^2 = 1/alpha + 1/beta + 1/(alpha beta).</summary>
    public double ScintillationIndex => (1 / Alpha) + (1 / Beta) + (1 / (Alpha * Beta));
}
