namespace GatewayQkd.Channel.Atmosphere;

/// <summary>
/// Recommendation ITU-R P.838-3 (03/2005), specific attenuation model for rain, 1-1000 GHz: gamma_R = k R^alpha dB/km with
/// log10 k = Sum_j a_j exp(-((log10 f - b_j)/c_j)^2) + m_k log10 f + c_k (eq. 2), alpha likewise (eq. 3), constants of
/// Tables 1-4, and the combination for path elevation theta and polarisation tilt tau (eqs. 4-5):
/// k = [k_H + k_V + (k_H - k_V) cos^2 theta cos 2 tau] / 2, alpha = [k_H a_H + k_V a_V + (k_H a_H - k_V a_V) cos^2 theta cos 2 tau] / (2 k).
/// Used to check the optical rain coefficients against the radio model at its upper frequency limit.
/// </summary>
public static class ItuP838
{
    private static readonly double[,] KH = { { -5.33980, -0.10008, 1.13098 }, { -0.35351, 1.26970, 0.45400 }, { -0.23789, 0.86036, 0.15354 }, { -0.94158, 0.64552, 0.16817 } };
    private static readonly double[,] KV = { { -3.80595, 0.56934, 0.81061 }, { -3.44965, -0.22911, 0.51059 }, { -0.39902, 0.73042, 0.11899 }, { 0.50167, 1.07319, 0.27195 } };
    private static readonly double[,] AH = { { -0.14318, 1.82442, -0.55187 }, { 0.29591, 0.77564, 0.19822 }, { 0.32177, 0.63773, 0.13164 }, { -5.37610, -0.96230, 1.47828 }, { 16.1721, -3.29980, 3.43990 } };
    private static readonly double[,] AV = { { -0.07771, 2.33840, -0.76284 }, { 0.56727, 0.95545, 0.54039 }, { -0.20238, 1.14520, 0.26809 }, { -48.2991, 0.791669, 0.116226 }, { 48.5833, 0.791459, 0.116479 } };

    /// <summary>(k, alpha) for a frequency in GHz (1-1000), path elevation and polarisation tilt in degrees.</summary>
    public static (double K, double Alpha) Coefficients(double frequencyGhz, double elevationDeg, double tiltDeg)
    {
        if (frequencyGhz < 1 || frequencyGhz > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyGhz), frequencyGhz, "ITU-R P.838-3 covers 1-1000 GHz.");
        }

        var lf = Math.Log10(frequencyGhz);
        var kh = Math.Pow(10, Sum(KH, lf) - (0.18961 * lf) + 0.71147);
        var kv = Math.Pow(10, Sum(KV, lf) - (0.16398 * lf) + 0.63297);
        var ah = Sum(AH, lf) + (0.67849 * lf) - 1.95537;
        var av = Sum(AV, lf) + (-0.053739 * lf) + 0.83433;
        var c = Math.Pow(Math.Cos(elevationDeg * Math.PI / 180), 2) * Math.Cos(2 * tiltDeg * Math.PI / 180);
        var k = (kh + kv + ((kh - kv) * c)) / 2;
        var alpha = ((kh * ah) + (kv * av) + (((kh * ah) - (kv * av)) * c)) / (2 * k);
        return (k, alpha);
    }

    /// <summary>Specific attenuation gamma_R in dB/km.</summary>
    public static double DbPerKm(double frequencyGhz, double rainRateMmPerHour, double elevationDeg, double tiltDeg)
    {
        var (k, alpha) = Coefficients(frequencyGhz, elevationDeg, tiltDeg);
        return k * Math.Pow(rainRateMmPerHour, alpha);
    }

    private static double Sum(double[,] table, double lf)
    {
        var sum = 0.0;
        for (var j = 0; j < table.GetLength(0); j++)
        {
            var t = (lf - table[j, 1]) / table[j, 2];
            sum += table[j, 0] * Math.Exp(-t * t);
        }

        return sum;
    }
}
