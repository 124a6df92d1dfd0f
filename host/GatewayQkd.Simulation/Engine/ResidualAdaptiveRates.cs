namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// Our reading of RAKP (Meng et al., IWCMC 2020, residual-adaptive key provisioning): the HAP's channel time goes to
/// pools in proportion to their deficit below K_threshold_high (the same storage ceiling DDKA keeps); a pool's inflow
/// stops when it reaches the ceiling. Re-applied every t_slot.
/// </summary>
internal static class ResidualAdaptiveRates
{
    public static void Apply(GatewayState[] gateways, double now, long ceilingBits, int channels)
    {
        double totalDeficit = 0;
        foreach (var gateway in gateways)
        {
            gateway.Integrate(now);
            totalDeficit += Math.Max(0, ceilingBits - gateway.Level);
        }

        foreach (var gateway in gateways)
        {
            double deficit = Math.Max(0, ceilingBits - gateway.Level);
            double share = totalDeficit > Simulator.Epsilon ? Math.Min(1.0, channels * deficit / totalDeficit) : 0;
            double rate = share * gateway.VGen;
            gateway.SetInflow(now, rate, rate > 0 ? now + (deficit / rate) : now);
        }
    }
}
