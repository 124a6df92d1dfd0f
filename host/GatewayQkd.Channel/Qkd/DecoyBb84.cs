using GatewayQkd.Channel.Numerics;

namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// Asymptotic decoy-state BB84 key rate (GLLP; Lo, Ma, Chen, PRL 94, 230504, 2005; Ma et al., PRA 72, 012326, 2005):
/// Q_mu = Y0 + 1 - exp(-eta mu); E_mu Q_mu = e0 Y0 + e_d (1 - exp(-eta mu)), e0 = 1/2;
/// R = q { -Q_mu f H2(E_mu) + Q1 [1 - H2(e1)] }, clipped at 0. The rate is a function of the counted statistics
/// (<see cref="KeyRate"/>), so a block's rate comes from its averaged statistics and a fading state's from its own.
/// </summary>
public sealed class DecoyBb84
{
    private const double E0 = 0.5;
    private readonly QkdParameters _p;

    /// <summary>Creates the model for a parameter set.</summary>
    public DecoyBb84(QkdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _p = parameters;
    }

    /// <summary>Gets the parameters.</summary>
    public QkdParameters Parameters => _p;

    /// <summary>The expected counts at overall transmittance eta.</summary>
    public DecoyStatistics Statistics(double eta) => new(
        eta,
        -Series.ExpM1(-eta * _p.SignalMeanPhotonNumber),
        -Series.ExpM1(-eta * _p.DecoyMeanPhotonNumber),
        -Series.ExpM1(-eta * _p.VacuumDecoyMeanPhotonNumber));

    /// <summary>All quantities at overall transmittance eta (one fading state).</summary>
    public KeyRatePoint Evaluate(double eta) => KeyRate(Statistics(eta));

    /// <summary>All quantities for counted statistics (of one state, or averaged over a block).</summary>
    public KeyRatePoint KeyRate(in DecoyStatistics statistics)
    {
        var y0 = _p.VacuumYield;
        var mu = _p.SignalMeanPhotonNumber;
        var gain = y0 + statistics.DetectedSignal;
        var qber = ErrorGain(statistics.DetectedSignal) / gain;
        double y1;
        double e1;
        if (_p.Protocol == DecoyProtocol.InfiniteDecoy)
        {
            // Y1 = Y0 + eta, e1 = (e0 Y0 + e_d eta) / Y1 (Lo-Ma-Chen eq. 4-5, eta << 1 form); linear in eta, so a block's
            // Y1 and e1 are those of its mean eta.
            y1 = y0 + statistics.Eta;
            e1 = ((E0 * y0) + (_p.MisalignmentError * statistics.Eta)) / y1;
        }
        else
        {
            (y1, e1) = VacuumWeakBounds(gain, y0 + statistics.DetectedDecoy, ErrorGain(statistics.DetectedDecoy), mu);
        }

        var q1 = y1 * mu * Math.Exp(-mu);
        var rate = _p.SiftingFactor * ((-gain * _p.ErrorCorrectionEfficiency * BinaryEntropy.Of(qber)) + (q1 * (1 - BinaryEntropy.Of(e1))));
        return new KeyRatePoint(statistics.Eta, gain, qber, y1, e1, q1, Math.Max(rate, 0.0));
    }

    /// <summary>E_k Q_k = e0 Y0 + e_d D_k for an intensity with detection probability D_k.</summary>
    public double ErrorGain(double detected) => (E0 * _p.VacuumYield) + (_p.MisalignmentError * detected);

    // Ma et al. 2005 eqs. (34) and (37): Y1_L from Q_nu, Q_mu, Y0; e1_U = (E_nu Q_nu e^nu - e0 Y0) / (nu Y1_L).
    private (double Y1, double E1) VacuumWeakBounds(double gainMu, double gainNu, double errorGainNu, double mu)
    {
        var nu = _p.DecoyMeanPhotonNumber;
        var y0 = _p.VacuumYield;
        var y1 = mu / ((mu * nu) - (nu * nu))
            * ((gainNu * Math.Exp(nu)) - (gainMu * Math.Exp(mu) * nu * nu / (mu * mu)) - (((mu * mu) - (nu * nu)) / (mu * mu) * y0));
        if (y1 <= 0)
        {
            return (0.0, E0);
        }

        var e1 = ((errorGainNu * Math.Exp(nu)) - (E0 * y0)) / (nu * y1);
        return (y1, Math.Clamp(e1, 0.0, E0));
    }
}
