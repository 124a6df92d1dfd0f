using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using System.Text.Json.Serialization;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>Everything one `channel` run needs, bound from the command line; check it with <see cref="ChannelCliOptions.ThrowIfInvalid"/>.</summary>
public sealed record ChannelCommandOptions
{
    /// <summary>Gets the link (also the downlink template in network mode).</summary>
    public LinkOptions Link { get; init; } = new();

    /// <summary>Gets the network (used when <see cref="NetworkMode"/> is set).</summary>
    public NetworkOptions Network { get; init; } = new();

    /// <summary>Gets a value indicating whether to evaluate N ground nodes sharing the HAP instead of one link.</summary>
    public bool NetworkMode { get; init; }

    /// <summary>Gets the swept variable, or null for a single report.</summary>
    [JsonIgnore]
    public SweepVariable? Sweep { get; init; }

    /// <summary>Gets the swept variable's word ("block-pulses"), as the JSON "inputs" record it.</summary>
    [JsonPropertyName("sweep")]
    public string? SweepName => Sweep?.Name;

    /// <summary>Gets the sweep range (null for a single report).</summary>
    public SweepRange? Range { get; init; }

    /// <summary>Gets the preset name, or null.</summary>
    public string? Preset { get; init; }

    /// <summary>Gets the Monte-Carlo sample count per point (0 = numerical fading averages).</summary>
    public int MonteCarloSamples { get; init; }

    /// <summary>Gets the Monte-Carlo seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the CSV output path, or null.</summary>
    public string? CsvPath { get; init; }

    /// <summary>Gets the PNG output path (key rate chart; the QBER chart gets a "-qber" suffix), or null.</summary>
    public string? PlotPath { get; init; }

    /// <summary>Gets a value indicating whether to print JSON instead of the table.</summary>
    public bool Json { get; init; }

    /// <summary>Gets a value indicating whether to suppress progress output.</summary>
    public bool Quiet { get; init; }

    /// <summary>Gets a value indicating whether to print the output field list and stop.</summary>
    public bool ListFields { get; init; }
}
