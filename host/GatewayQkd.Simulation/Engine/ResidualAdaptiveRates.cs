namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// RAKP's supply (DDKA paper s4.2: RAKP "dynamically adjusts the key generation rate according to the key utilization
/// of QKP"; Table 1 gives it no supplement requests): the HAP's channels are shared among the pools in proportion to
/// their key utilization, i.e. their deficit below a ceiling (the capacity; K_threshold_high in the slotted reading).
/// A pool's share never exceeds one channel; its inflow stops when it reaches the ceiling.
/// </summary>
internal static class ResidualAdaptiveRates
{
    /// <summary>
    /// Re-divides the generation at <paramref name="now"/>, passing each gateway's stream end to the callback; returns
    /// false when every pool is at the ceiling (nothing to generate).
    /// </summary>
    public static bool Apply(GatewayState[] gateways, long now, long ceilingBits, int channels, Action<GatewayState, long> streamEnds)
    {
        long totalDeficit = 0;
        foreach (var gateway in gateways)
        {
            gateway.Integrate(now);
            totalDeficit += Math.Max(0, ceilingBits - gateway.Level);
        }

        foreach (var gateway in gateways)
        {
            long deficit = Math.Max(0, ceilingBits - gateway.Level);
            double share = totalDeficit > 0 ? Math.Min(1.0, channels * (double)deficit / totalDeficit) : 0;
            long end = gateway.StartStream(now, share * gateway.VGen, share > 0 ? deficit : 0);
            streamEnds(gateway, end);
        }

        return totalDeficit > 0;
    }
}
