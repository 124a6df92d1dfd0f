using GatewayQkd.Channel.Network;

namespace GatewayQkd.Simulation.Supply;

/// <summary>
/// V_gen per gateway from the channel model (GatewayQkd.Channel): N ground nodes spread evenly between two ground
/// distances from the HAP nadir. While the HAP serves one gateway's supplement it relays at the rate both links give,
/// so V_gen_i = min(ergodic downlink key rate R(eta_i), ergodic uplink key rate), in bit/s.
/// </summary>
public static class ChannelKeyRates
{
    /// <summary>Returns V_gen for each of <paramref name="gateways"/> gateways (distances in km, min &lt;= max).</summary>
    public static double[] PerGateway(int gateways, double minDistanceKm, double maxDistanceKm)
    {
        if (!(minDistanceKm >= 0) || !(maxDistanceKm >= minDistanceKm))
        {
            throw new SimulationOptionsException(nameof(maxDistanceKm), $"needs 0 <= minDistanceKm ({minDistanceKm}) <= maxDistanceKm ({maxDistanceKm}).");
        }

        var report = NetworkModel.Evaluate(new NetworkOptions
        {
            NodeCount = gateways,
            Layout = GroundNodeLayout.Spread,
            MinDistanceKm = minDistanceKm,
            MaxDistanceKm = maxDistanceKm,
        });
        double uplink = report.Uplink.ErgodicKeyRateBitsPerSecond;
        double[] rates = report.Nodes.Select(n => TrustedRelay.KeyRate(n.Downlink.ErgodicKeyRateBitsPerSecond, uplink)).ToArray();
        if (rates.Any(r => !(r > 0)))
        {
            throw new SimulationOptionsException(nameof(maxDistanceKm), "the channel model gives no key at some gateway distance; bring the farthest gateway in.");
        }

        return rates;
    }
}
