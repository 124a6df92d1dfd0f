using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Network;

/// <summary>
/// Evaluates a HAP network: the uplink key is divided evenly among the N GNs, each GN's downlink rate is its time share
/// (or split) of R(eta_i), and the end-to-end rate is the minimum of the two (trusted relay).
/// </summary>
public static class NetworkModel
{
    /// <summary>Validates and evaluates the network with numerical fading averages.</summary>
    public static NetworkReport Evaluate(NetworkOptions options) => Evaluate(options, LinkModel.Evaluate);

    /// <summary>Validates and evaluates the network with a given link evaluator; GNs at the same distance are evaluated once.</summary>
    public static NetworkReport Evaluate(NetworkOptions options, Func<LinkOptions, LinkReport> evaluateLink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evaluateLink);
        options.ThrowIfInvalid();
        var uplink = evaluateLink(options.Uplink);
        var uplinkShare = uplink.KeyRateBitsPerSecond / options.NodeCount;
        var cache = new Dictionary<double, LinkReport>();
        var nodes = new List<GroundNodeReport>(options.NodeCount);
        for (var i = 0; i < options.NodeCount; i++)
        {
            var distance = options.DistanceOf(i);
            if (!cache.TryGetValue(distance, out var downlink))
            {
                downlink = evaluateLink(options.DownlinkOf(i));
                cache[distance] = downlink;
            }

            nodes.Add(new GroundNodeReport(i, distance, downlink, downlink.KeyRateBitsPerSecond * options.DownlinkTimeShare, uplinkShare));
        }

        return new NetworkReport(options, uplink, nodes);
    }
}
