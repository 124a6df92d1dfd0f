using GatewayQkd.Channel.Numerics;

namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// Finite-key secret key length of decoy BB84 with three intensities mu1 &gt; mu2 + mu3, mu2 &gt; mu3 &gt;= 0, key from basis X
/// (probability q_x per side), following Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), eqs. (1)-(5):
/// ell = s_X0 + s_X1 - s_X1 h(phi_X) - lambda_EC - 6 log2(21/eps_sec) - log2(2/eps_cor), lambda_EC = f_EC n_X h(E_X),
/// with Hoeffding deviations sqrt(n/2 ln(21/eps_sec)) on the counts per intensity. Expected counts are N q_b^2 p_k Q_k
/// (both sides choose basis b). <see cref="Optimal"/> maximises ell over q_x, p_mu1 and p_mu2.
/// </summary>
public static class FiniteKeyDecoyBb84
{
    /// <summary>The key length in bits for a block with given basis and intensity probabilities (0 when no key).</summary>
    public static double KeyLengthBits(
        FiniteKeyParameters parameters, double errorCorrectionEfficiency, double basisProbability,
        IReadOnlyList<double> intensityProbabilities, IReadOnlyList<IntensityCounts> intensities)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(intensityProbabilities);
        ArgumentNullException.ThrowIfNull(intensities);
        if (intensities.Count != 3 || intensityProbabilities.Count != 3)
        {
            throw new ArgumentException("Three intensities (signal, decoy, vacuum decoy) with three probabilities are needed.", nameof(intensities));
        }

        var n = parameters.BlockPulses;
        var ln21 = Math.Log(21 / parameters.SecrecyEpsilon);
        var mu = new[] { intensities[0].MeanPhotonNumber, intensities[1].MeanPhotonNumber, intensities[2].MeanPhotonNumber };
        var p = new[] { intensityProbabilities[0], intensityProbabilities[1], intensityProbabilities[2] };
        var x = basisProbability * basisProbability * n;
        var z = (1 - basisProbability) * (1 - basisProbability) * n;
        var nX = new double[3];
        var nZ = new double[3];
        var mX = new double[3];
        var mZ = new double[3];
        for (var k = 0; k < 3; k++)
        {
            nX[k] = x * p[k] * intensities[k].Gain;
            mX[k] = x * p[k] * intensities[k].ErrorGain;
            nZ[k] = z * p[k] * intensities[k].Gain;
            mZ[k] = z * p[k] * intensities[k].ErrorGain;
        }

        var tau0 = Tau(0, mu, p);
        var tau1 = Tau(1, mu, p);
        var (sX0, sX1) = VacuumAndSinglePhotons(nX, mu, p, tau0, tau1, ln21);
        var (_, sZ1) = VacuumAndSinglePhotons(nZ, mu, p, tau0, tau1, ln21);
        var totalZErrors = mZ.Sum();
        var dm = Math.Sqrt(totalZErrors / 2 * ln21);
        double MPlus(int k) => Math.Exp(mu[k]) / p[k] * (mZ[k] + dm);
        double MMinus(int k) => Math.Exp(mu[k]) / p[k] * (mZ[k] - dm);
        var vZ1 = tau1 * (MPlus(1) - MMinus(2)) / (mu[1] - mu[2]);
        if (!(sX1 > 0) || !(sZ1 > 0) || !(vZ1 >= 0))
        {
            return 0.0;
        }

        var b = vZ1 / sZ1;
        var phi = b + Gamma(parameters.SecrecyEpsilon, b, sZ1, sX1);
        if (!(phi < 0.5))
        {
            return 0.0;
        }

        var totalX = nX.Sum();
        var errorRate = mX.Sum() / totalX;
        var ell = sX0 + (sX1 * (1 - BinaryEntropy.Of(phi))) - (errorCorrectionEfficiency * totalX * BinaryEntropy.Of(errorRate))
            - (6 * Math.Log2(21 / parameters.SecrecyEpsilon)) - Math.Log2(2 / parameters.CorrectnessEpsilon);
        return double.IsFinite(ell) ? Math.Max(ell, 0.0) : 0.0;
    }

    /// <summary>
    /// The largest key length over q_x in (0, 1) and the intensity probabilities (p_mu1, p_mu2, p_mu3 &gt; 0, summing to 1),
    /// found by a coarse grid and Nelder-Mead from its best point; returns the length and the chosen probabilities.
    /// </summary>
    public static FiniteKeyResult Optimal(FiniteKeyParameters parameters, double errorCorrectionEfficiency, IReadOnlyList<IntensityCounts> intensities)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double Length(double[] u)
        {
            var (q, probabilities) = FromFree(u);
            return KeyLengthBits(parameters, errorCorrectionEfficiency, q, probabilities, intensities);
        }

        // The length is 0 on much of the space (bounds consumed by the statistical deviations), where a simplex cannot move:
        // start from the best point of a coarse grid over q_x, p_mu2 and p_mu3, then refine.
        var start = new[] { 1.0, 1.0, 0.0 };
        var startLength = 0.0;
        foreach (var q in new[] { 0.3, 0.5, 0.7, 0.85, 0.95 })
        {
            foreach (var p2 in new[] { 0.1, 0.2, 0.35 })
            {
                foreach (var p3 in new[] { 0.05, 0.15, 0.3 })
                {
                    var p1 = 1 - p2 - p3;
                    double[] u = [Math.Log(q / (1 - q)), Math.Log(p1 / p3), Math.Log(p2 / p3)];
                    var length = Length(u);
                    if (length > startLength)
                    {
                        (start, startLength) = (u, length);
                    }
                }
            }
        }

        var best = new FiniteKeyResult(0, 0.5, [1.0 / 3, 1.0 / 3, 1.0 / 3]);
        if (startLength <= 0)
        {
            return best;
        }

        var refined = NelderMead.Minimise(v => -Length(v), start, 0.3, 400, 1e-10);
        foreach (var u in new[] { refined, start })
        {
            var length = Length(u);
            if (length > best.KeyLengthBits)
            {
                var (q, probabilities) = FromFree(u);
                best = new FiniteKeyResult(length, q, probabilities);
            }
        }

        return best;
    }

    // u0 = logit q_x; (u1, u2, 0) = log-weights of p_mu1, p_mu2, p_mu3 (softmax), so every probability stays in (0, 1).
    private static (double Q, double[] Probabilities) FromFree(double[] u)
    {
        var q = 1 / (1 + Math.Exp(-u[0]));
        var w1 = Math.Exp(Math.Clamp(u[1], -30, 30));
        var w2 = Math.Exp(Math.Clamp(u[2], -30, 30));
        var sum = w1 + w2 + 1;
        return (Math.Clamp(q, 1e-9, 1 - 1e-9), [w1 / sum, w2 / sum, 1 / sum]);
    }

    // tau_n = sum_k p_k e^-k k^n / n!, the probability that Alice sends n photons.
    private static double Tau(int photons, double[] mu, double[] p)
    {
        var sum = 0.0;
        for (var k = 0; k < 3; k++)
        {
            sum += p[k] * Math.Exp(-mu[k]) * Math.Pow(mu[k], photons) / (photons == 0 ? 1 : photons);
        }

        return sum;
    }

    // Lim et al. eqs. (2) and (3) with n+-_k = e^k / p_k (n_k +- sqrt(n/2 ln(21/eps_sec))).
    private static (double S0, double S1) VacuumAndSinglePhotons(double[] counts, double[] mu, double[] p, double tau0, double tau1, double ln21)
    {
        var delta = Math.Sqrt(counts.Sum() / 2 * ln21);
        double Plus(int k) => Math.Exp(mu[k]) / p[k] * (counts[k] + delta);
        double Minus(int k) => Math.Exp(mu[k]) / p[k] * (counts[k] - delta);
        var s0 = Math.Max(tau0 * ((mu[1] * Minus(2)) - (mu[2] * Plus(1))) / (mu[1] - mu[2]), 0.0);
        var mu1 = mu[0];
        var d2 = (mu[1] * mu[1]) - (mu[2] * mu[2]);
        var s1 = tau1 * mu1 * (Minus(1) - Plus(2) - (d2 / (mu1 * mu1) * (Plus(0) - (s0 / tau0)))) / ((mu1 * (mu[1] - mu[2])) - d2);
        return (s0, s1);
    }

    // gamma(a, b, c, d) = sqrt((c + d)(1 - b) b / (c d ln 2) log2((c + d) / (c d (1 - b) b) 21^2 / a^2)) (Lim et al. eq. 5).
    private static double Gamma(double a, double b, double c, double d)
    {
        if (b <= 0 || b >= 1)
        {
            return 0.0;
        }

        var argument = (c + d) / (c * d * (1 - b) * b) * 441 / (a * a);
        return Math.Sqrt((c + d) * (1 - b) * b / (c * d * Math.Log(2)) * Math.Log2(argument));
    }
}
