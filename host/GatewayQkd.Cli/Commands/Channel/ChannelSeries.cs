using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>One labelled curve of a sweep: how it changes the user's link and network options before sweeping.</summary>
public sealed record ChannelSeries(string Label, Func<LinkOptions, LinkOptions> Link, Func<NetworkOptions, NetworkOptions> Network)
{
    /// <summary>A series that leaves the options as they are.</summary>
    public static ChannelSeries Unchanged(string label) => new(label, o => o, o => o);
}
