using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>The evaluated rows of one `channel` run and how to label them.</summary>
/// <param name="Title">Chart and table title.</param>
/// <param name="XName">Field name of the swept value ("distance_km", ...), or null for a single report.</param>
/// <param name="XLabel">Axis label of the swept value.</param>
/// <param name="Rows">The rows, series by series.</param>
/// <param name="Network">Whether the rows carry network reports.</param>
/// <param name="PlainQber">Whether the QBER chart shows plain averages instead of count-weighted ones.</param>
public sealed record ChannelRun(string Title, string? XName, string XLabel, IReadOnlyList<ChannelRow> Rows, bool Network, bool PlainQber = false)
{
    /// <summary>Gets what the curves describe (link type, preset conditions), for chart titles.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the options the run was bound from (recorded in JSON).</summary>
    public ChannelCommandOptions? Options { get; init; }

    /// <summary>Gets the series labels in order.</summary>
    public IReadOnlyList<string> SeriesLabels => Rows.Select(r => r.Series).Distinct().ToArray();
}

/// <summary>One evaluated point: its series label, swept value, the link (GN 1's downlink in network mode) and the network.</summary>
public sealed record ChannelRow(string Series, double X, LinkReport Link, NetworkReport? Network);

/// <summary>One labelled curve of a sweep: how it changes the user's link and network options before sweeping.</summary>
public sealed record ChannelSeries(string Label, Func<LinkOptions, LinkOptions> Link, Func<NetworkOptions, NetworkOptions> Network)
{
    /// <summary>A series that leaves the options as they are.</summary>
    public static ChannelSeries Unchanged(string label) => new(label, o => o, o => o);
}
