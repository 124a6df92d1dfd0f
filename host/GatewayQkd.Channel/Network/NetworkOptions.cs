using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Network;

/// <summary>
/// A HAP trusted relay serving N ground nodes: one CS-HAP uplink and N HAP-GN downlinks made from templates.
/// End-to-end CS-GN rate = min(uplink / N, downlink_i) (trusted relay, XOR of link keys).
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>Gets the number of ground nodes N.</summary>
    public int NodeCount { get; init; } = 1;

    /// <summary>Gets the CS-to-HAP link (the CS is a ground terminal near the HAP nadir).</summary>
    public LinkOptions Uplink { get; init; } = new() { Kind = LinkKind.Uplink, DistanceKm = 0 };

    /// <summary>Gets the HAP-to-GN downlink template (its DistanceKm is replaced per GN by the layout).</summary>
    public LinkOptions Downlink { get; init; } = new() { Kind = LinkKind.Downlink };

    /// <summary>Gets how the downlink terminal is shared.</summary>
    public SharingMode Sharing { get; init; } = SharingMode.TimeShared;

    /// <summary>Gets where the GNs sit.</summary>
    public GroundNodeLayout Layout { get; init; } = GroundNodeLayout.SameDistance;

    /// <summary>Gets the nearest GN ground distance in km for <see cref="GroundNodeLayout.Spread"/>.</summary>
    public double MinDistanceKm { get; init; } = 5;

    /// <summary>Gets the farthest GN ground distance in km for <see cref="GroundNodeLayout.Spread"/> (HAP coverage radius ~100 km).</summary>
    public double MaxDistanceKm { get; init; } = 50;

    /// <summary>Validates and returns the ground distance of GN i (0-based).</summary>
    public double DistanceOf(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, NodeCount);
        if (Layout == GroundNodeLayout.SameDistance || NodeCount == 1)
        {
            return Layout == GroundNodeLayout.SameDistance ? Downlink.DistanceKm : MinDistanceKm;
        }

        return MinDistanceKm + ((MaxDistanceKm - MinDistanceKm) * node / (NodeCount - 1));
    }

    /// <summary>The downlink options of GN i, with the 1:N split in the channel for <see cref="SharingMode.PassiveSplit"/>.</summary>
    public LinkOptions DownlinkOf(int node) => Downlink with
    {
        DistanceKm = DistanceOf(node),
        SplitRatio = Sharing == SharingMode.PassiveSplit ? NodeCount : Downlink.SplitRatio,
    };

    /// <summary>The fraction of time GN i holds the downlink terminal.</summary>
    public double DownlinkTimeShare => Sharing == SharingMode.TimeShared ? 1.0 / NodeCount : 1.0;

    /// <summary>Throws if a parameter is out of range, naming it.</summary>
    public void Validate()
    {
        Require.AtLeast(NodeCount, 1, nameof(NodeCount));
        Require.NonNegative(MinDistanceKm, nameof(MinDistanceKm));
        Require.NonNegative(MaxDistanceKm, nameof(MaxDistanceKm));
        if (MaxDistanceKm < MinDistanceKm)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDistanceKm), MaxDistanceKm, $"MaxDistanceKm must be at least MinDistanceKm ({MinDistanceKm}).");
        }

        LinkOptionsValidator.Validate(Uplink);
        LinkOptionsValidator.Validate(Downlink);
    }
}
