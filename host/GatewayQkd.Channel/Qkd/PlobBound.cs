namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// PLOB repeaterless bound on the secret key capacity of a pure-loss channel: -log2(1 - eta) bits per channel use
/// (Pirandola, Laurenza, Ottaviani, Banchi, Nat. Commun. 8:15043, 2017); about 1.44 eta for small eta.
/// </summary>
public static class PlobBound
{
    /// <summary>The bound in bits per channel use for a transmittance in [0, 1] (infinite at 1).</summary>
    public static double BitsPerUse(double transmittance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(transmittance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transmittance, 1.0);
        // -ln(1 - eta) without cancellation for small eta (series to eta^4, error below 1e-16 relative for eta < 1e-4).
        var nats = transmittance < 1e-4
            ? transmittance * (1 + (transmittance * ((1.0 / 2) + (transmittance * ((1.0 / 3) + (transmittance / 4))))))
            : -Math.Log(1 - transmittance);
        return nats / Math.Log(2);
    }
}
