namespace GatewayQkd.Channel.Network;

/// <summary>
/// The key rate of a trusted relay, the one place it is computed. A trusted node (the HAP) holds key K1 with one end
/// and K2 with the other and publishes K1 xor K2 so the far end recovers K1 (one-time-pad relay; DDKA paper s2.3,
/// Figure 3c): each relayed bit costs one key bit on both links, so the end-to-end rate cannot outrun either link.
/// Used for central-server-to-gateway keys (uplink and downlink) and for gateway-to-gateway keys (two downlinks).
/// </summary>
public static class TrustedRelay
{
    /// <summary>Returns the end-to-end key rate min(<paramref name="firstLink"/>, <paramref name="secondLink"/>) in the links' unit (bits/s).</summary>
    public static double KeyRate(double firstLink, double secondLink) => Math.Min(firstLink, secondLink);
}
