using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Network;

/// <summary>
/// One GN in a network: its downlink report, its share of the downlink and uplink key rates (bits/s, ergodic) and the
/// trusted-relay end-to-end CS-GN rate min(uplink share, downlink share).
/// </summary>
public sealed record GroundNodeReport(
    int Node,
    double DistanceKm,
    LinkReport Downlink,
    double DownlinkKeyRateBitsPerSecond,
    double UplinkShareBitsPerSecond)
{
    /// <summary>Gets the end-to-end CS-GN key rate in bits/s.</summary>
    public double EndToEndKeyRateBitsPerSecond => TrustedRelay.KeyRate(DownlinkKeyRateBitsPerSecond, UplinkShareBitsPerSecond);
}
