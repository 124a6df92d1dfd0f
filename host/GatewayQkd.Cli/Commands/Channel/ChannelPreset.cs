using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// A named figure (its subject titles the charts): the sweep, its curves, the base options it starts from, whether it is a network figure, and whether its
/// QBER chart shows plain averages (Integral E f) instead of count-weighted ones.
/// </summary>
public sealed record ChannelPreset(
    string Name,
    string Description,
    string Subject,
    SweepVariable Variable,
    SweepRange Range,
    IReadOnlyList<ChannelSeries> Series,
    Func<ChannelCommandOptions, ChannelCommandOptions> Base,
    bool Network,
    bool PlainQber = false);
