using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// <see cref="IKeyRateSource"/> from the channel model. <see cref="ForLink"/> gives one link; <see cref="ForNetwork"/>
/// gives link 0 = CS-HAP uplink and link i = HAP-GN i (i = 1..N, rate already scaled by the GN's time share), plus the
/// trusted-relay end-to-end CS-GN rate. Each link has its own independent seed derived from the options' seed.
/// </summary>
public sealed class ChannelKeyRateSource : IKeyRateSource
{
    private readonly LinkProcess[] _links;
    private readonly string[] _names;
    private readonly int _nodeCount;

    private ChannelKeyRateSource(LinkProcess[] links, string[] names, int nodeCount, double stepSeconds)
    {
        _links = links;
        _names = names;
        _nodeCount = nodeCount;
        StepSeconds = stepSeconds;
    }

    /// <inheritdoc/>
    public int LinkCount => _links.Length;

    /// <inheritdoc/>
    public double StepSeconds { get; }

    /// <summary>Gets the number of ground nodes (0 for a single-link source).</summary>
    public int NodeCount => _nodeCount;

    /// <summary>A source for one link (link 0, named "link").</summary>
    public static ChannelKeyRateSource ForLink(LinkOptions link, TimeSeriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var process = new LinkProcess(LinkBudgetCalculator.Compute(link), options, 1.0, SeedOf(options.Seed, 0));
        return new ChannelKeyRateSource([process], ["link"], 0, process.StepSeconds);
    }

    /// <summary>A source for a HAP network: uplink plus N downlinks.</summary>
    public static ChannelKeyRateSource ForNetwork(NetworkOptions network, TimeSeriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        network.Validate();
        options.Validate();
        var links = new LinkProcess[network.NodeCount + 1];
        var names = new string[network.NodeCount + 1];
        links[0] = new LinkProcess(LinkBudgetCalculator.Compute(network.Uplink), options, 1.0, SeedOf(options.Seed, 0));
        names[0] = "cs-hap";
        for (var i = 0; i < network.NodeCount; i++)
        {
            var budget = LinkBudgetCalculator.Compute(network.DownlinkOf(i));
            links[i + 1] = new LinkProcess(budget, options, network.DownlinkTimeShare, SeedOf(options.Seed, i + 1));
            names[i + 1] = $"hap-gn{i + 1}";
        }

        return new ChannelKeyRateSource(links, names, network.NodeCount, links[0].StepSeconds);
    }

    /// <inheritdoc/>
    public string LinkName(int link) => _names[CheckLink(link)];

    /// <inheritdoc/>
    public LinkSample Sample(int link, double timeSeconds) => _links[CheckLink(link)].At(timeSeconds);

    /// <summary>Trusted-relay CS-to-GN key rate in bits/s at a time: min(uplink R / N, downlink R of the GN), node = 1..N.</summary>
    public double EndToEndKeyRateBitsPerSecond(int node, double timeSeconds)
    {
        if (_nodeCount == 0)
        {
            throw new InvalidOperationException("End-to-end rates need a source built with ForNetwork.");
        }

        if (node < 1 || node > _nodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"node must be in [1, {_nodeCount}].");
        }

        var uplink = _links[0].At(timeSeconds).KeyRateBitsPerSecond / _nodeCount;
        return Math.Min(uplink, _links[node].At(timeSeconds).KeyRateBitsPerSecond);
    }

    private int CheckLink(int link)
    {
        if (link < 0 || link >= _links.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(link), link, $"link must be in [0, {_links.Length - 1}].");
        }

        return link;
    }

    // Independent, reproducible streams per link.
    private static int SeedOf(int seed, int link) => unchecked((seed * 1_000_003) + (link * 7_919) + 17);
}
