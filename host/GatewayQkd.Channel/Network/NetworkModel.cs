using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Network;

/// <summary>
/// Evaluates a HAP network: the uplink key is divided evenly among the N GNs, each GN's downlink rate is its time share
/// (or split) of R(eta_i), and the end-to-end rate is the minimum of the two (trusted relay).
/// </summary>
public static class NetworkModel
{
    /// <summary>Validates and evaluates the network; GNs at the same distance are evaluated once.</summary>
    public static NetworkReport Evaluate(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var uplink = LinkModel.Evaluate(options.Uplink);
        var uplinkShare = uplink.ErgodicKeyRateBitsPerSecond / options.NodeCount;
        var cache = new Dictionary<double, LinkReport>();
        var nodes = new List<GroundNodeReport>(options.NodeCount);
        for (var i = 0; i < options.NodeCount; i++)
        {
            var distance = options.DistanceOf(i);
            if (!cache.TryGetValue(distance, out var downlink))
            {
                downlink = LinkModel.Evaluate(options.DownlinkOf(i));
                cache[distance] = downlink;
            }

            nodes.Add(new GroundNodeReport(i, distance, downlink, downlink.ErgodicKeyRateBitsPerSecond * options.DownlinkTimeShare, uplinkShare));
        }

        return new NetworkReport(options, uplink, nodes);
    }
}
