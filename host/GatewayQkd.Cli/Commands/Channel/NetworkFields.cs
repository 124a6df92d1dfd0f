using GatewayQkd.Channel.Network;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>The network quantities of the `channel` command (N ground nodes sharing the HAP), appended after the link fields of GN 1.</summary>
public static class NetworkFields
{
    /// <summary>Gets every network field.</summary>
    public static IReadOnlyList<ReportField<NetworkReport>> All { get; } =
    [
        new("nodes", "1", "number of ground nodes N", r => r.Nodes.Count),
        new("uplink_skr_bps", "bit/s", "CS-HAP uplink key rate (chosen distillation)", r => r.Uplink.KeyRateBitsPerSecond),
        new("uplink_qber", "1", "overall average QBER of the uplink", r => r.Uplink.Averaged.Qber),
        new("per_gn_skr_bps", "bit/s", "mean end-to-end CS-GN key rate per GN, min(uplink/N, downlink share)", r => r.MeanKeyRatePerNodeBitsPerSecond),
        new("min_gn_skr_bps", "bit/s", "smallest end-to-end CS-GN key rate over the GNs", r => r.Nodes.Min(n => n.EndToEndKeyRateBitsPerSecond)),
        new("aggregate_skr_bps", "bit/s", "sum of the end-to-end key rates", r => r.AggregateKeyRateBitsPerSecond),
        new("mean_gn_qber", "1", "mean over GNs of the downlink overall average QBER", r => r.MeanDownlinkQber),
        new("mean_gn_single_photon_qber", "1", "mean over GNs of the downlink single-photon average QBER", r => r.MeanDownlinkSinglePhotonQber),
    ];
}
