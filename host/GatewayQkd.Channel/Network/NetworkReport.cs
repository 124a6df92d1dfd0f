using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Network;

/// <summary>The uplink, every GN and the aggregates of a HAP network with N ground nodes.</summary>
public sealed record NetworkReport(NetworkOptions Options, LinkReport Uplink, IReadOnlyList<GroundNodeReport> Nodes)
{
    /// <summary>Gets the sum of the end-to-end key rates in bits/s.</summary>
    public double AggregateKeyRateBitsPerSecond => Nodes.Sum(n => n.EndToEndKeyRateBitsPerSecond);

    /// <summary>Gets the mean end-to-end key rate per GN in bits/s.</summary>
    public double MeanKeyRatePerNodeBitsPerSecond => AggregateKeyRateBitsPerSecond / Nodes.Count;

    /// <summary>Gets the mean over GNs of the fading-averaged overall downlink QBER.</summary>
    public double MeanDownlinkQber => Nodes.Average(n => n.Downlink.Averaged.Qber);

    /// <summary>Gets the mean over GNs of the fading-averaged single-photon downlink QBER.</summary>
    public double MeanDownlinkSinglePhotonQber => Nodes.Average(n => n.Downlink.Averaged.SinglePhotonQber);
}
