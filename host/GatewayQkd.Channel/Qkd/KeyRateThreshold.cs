using System.Collections.Concurrent;

namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// The overall transmittance eta* at which the per-state decoy-BB84 rate R(eta) turns positive (R rises with eta over the
/// whole range for these protocols), found by bisection in ln eta over [1e-16, 1] and cached per parameter set. The fading
/// averages start a quadrature panel there, so max(R, 0) and the outage indicator are smooth on every panel.
/// </summary>
public static class KeyRateThreshold
{
    private static readonly ConcurrentDictionary<QkdParameters, double> Cache = new();

    /// <summary>eta*; 0 when R &gt; 0 down to eta = 1e-16, infinity when R(1) is 0.</summary>
    public static double Of(QkdParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Cache.GetOrAdd(parameters, Find);
    }

    private static double Find(QkdParameters parameters)
    {
        var protocol = new DecoyBb84(parameters);
        if (protocol.Evaluate(1.0).KeyRatePerPulse <= 0)
        {
            return double.PositiveInfinity;
        }

        double lo = Math.Log(1e-16), hi = 0;
        if (protocol.Evaluate(Math.Exp(lo)).KeyRatePerPulse > 0)
        {
            return 0.0;
        }

        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (protocol.Evaluate(Math.Exp(mid)).KeyRatePerPulse > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return Math.Exp(hi);
    }
}
