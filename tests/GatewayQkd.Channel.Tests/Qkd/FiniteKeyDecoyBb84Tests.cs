using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Numerics;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Tests.Qkd;

public class FiniteKeyDecoyBb84Tests
{
    [Fact]
    public void Lim_2014_Figure_1_Rate_Ratio_Of_Block_Sizes_1e9_And_1e7_At_100_Km_Is_About_1_75()
    {
        // Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), Sec. IV and Fig. 1 (dedicated fibre): "at a fiber length of
        // 100 km, the secret key rate obtained with n_X = 10^9 is about 1.75 times the one based on n_X = 10^7", with every
        // rate optimised over q_x, p_mu1, p_mu2, mu1, mu2 and eps_sec = kappa ell, kappa = 1e-15.
        var ratio = LimFibreRate(100, 1e9) / LimFibreRate(100, 1e7);
        Assert.InRange(ratio, 1.75 * 0.95, 1.75 * 1.05);
    }

    [Fact]
    public void Finite_Key_Rate_Grows_With_The_Block_And_Stays_Below_The_Asymptotic_Rate()
    {
        var options = new LinkOptions { DistanceKm = 30 };
        var asymptotic = LinkModel.Evaluate(options).Averaged.Block;
        var rates = new[] { 1e7, 1e8, 1e9, 1e10, 1e11 }
            .Select(n => LinkModel.Evaluate(options with { Qkd = options.Qkd with { FiniteKey = new FiniteKeyParameters { BlockPulses = n } } }).KeyRatePerPulse)
            .ToArray();
        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second > p.First), string.Join(", ", rates));

        // The asymptotic limit of the finite-key protocol sifts with q_x -> 1 (efficient BB84); the q = 1/2 rate doubled bounds it.
        Assert.True(rates[^1] < 2 * asymptotic.KeyRatePerPulse, $"{rates[^1]} vs {2 * asymptotic.KeyRatePerPulse}");
    }

    [Fact]
    public void A_Block_Too_Small_For_The_Decoy_Bounds_Gives_No_Key()
    {
        var options = new LinkOptions { DistanceKm = 30 };
        var report = LinkModel.Evaluate(options with { Qkd = options.Qkd with { FiniteKey = new FiniteKeyParameters { BlockPulses = 1e4 } } });
        Assert.Equal(0.0, report.KeyRatePerPulse);
    }

    // Lim et al. Sec. IV system: eta_Bob 10 %, p_dc 6e-7, afterpulse 4e-2, e_mis 5e-3, 0.2 dB/km, mu3 = 2e-4, f_EC 1.16,
    // eps_cor 1e-15; D_k = 1 - (1 - 2 p_dc) exp(-eta_sys k), R_k = D_k (1 + p_ap), e_k = p_dc + e_mis (1 - exp(-eta_sys k)) + p_ap D_k / 2.
    private static IntensityCounts Fibre(double km, double k)
    {
        var eta = Math.Pow(10, -0.02 * km) * 0.1;
        var detected = 1 - ((1 - 1.2e-6) * Math.Exp(-eta * k));
        return new IntensityCounts(k, detected * 1.04, 6e-7 + (5e-3 * (1 - Math.Exp(-eta * k))) + (0.04 * detected / 2));
    }

    // The rate ell / N for a post-processing block of nX events, optimised as Lim et al. do, eps_sec = 1e-15 ell (fixed point).
    private static double LimFibreRate(double km, double nX)
    {
        var eps = 1e-10;
        var best = 0.0;
        for (var iteration = 0; iteration < 4; iteration++)
        {
            var (rate, pulses) = Optimise(km, nX, eps);
            best = rate;
            eps = Math.Min(1e-15 * rate * pulses, 0.1);
        }

        return best;
    }

    private static (double Rate, double Pulses) Optimise(double km, double nX, double eps)
    {
        (double Rate, double Pulses) Evaluate(double[] u)
        {
            var q = 1 / (1 + Math.Exp(-u[0]));
            var mu1 = Math.Exp(u[3]);
            var mu2 = mu1 / (1 + Math.Exp(-u[4]));
            if (!(mu1 > mu2 + 2e-4) || !(mu2 > 2e-4))
            {
                return (0, 1);
            }

            var sum = Math.Exp(u[1]) + Math.Exp(u[2]) + 1;
            double[] p = [Math.Exp(u[1]) / sum, Math.Exp(u[2]) / sum, 1 / sum];
            IntensityCounts[] counts = [Fibre(km, mu1), Fibre(km, mu2), Fibre(km, 2e-4)];
            var pulses = nX / (q * q * ((p[0] * counts[0].Gain) + (p[1] * counts[1].Gain) + (p[2] * counts[2].Gain)));
            var settings = new FiniteKeyParameters { BlockPulses = pulses, SecrecyEpsilon = eps, CorrectnessEpsilon = 1e-15 };
            return (FiniteKeyDecoyBb84.KeyLengthBits(settings, 1.16, q, p, counts) / pulses, pulses);
        }

        var best = (Rate: 0.0, Pulses: 1.0);
        foreach (var start in new[] { new[] { 2.0, 1.5, 0.5, -0.7, -1.0 }, new[] { 1.0, 1.0, 0.0, -0.5, -1.5 }, new[] { 3.0, 2.0, 1.0, -0.3, -0.5 } })
        {
            var candidate = Evaluate(NelderMead.Minimise(u => -Evaluate(u).Rate, start, 0.5, 2000, 1e-12));
            best = candidate.Rate > best.Rate ? candidate : best;
        }

        return best;
    }
}
