using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>One documented output quantity: its CSV/JSON name, unit, meaning and how to read it from a report.</summary>
public sealed record ReportField<T>(string Name, string Unit, string Description, Func<T, double> Value);

/// <summary>The documented output fields of `channel`: the link fields, then (network runs) the network fields.</summary>
public static class ChannelFields
{
    /// <summary>Name, unit and meaning of every field a run writes, in output order (`--fields`, the JSON "fields").</summary>
    public static IEnumerable<(string Name, string Unit, string Description)> Described(bool network) =>
        LinkFields.All.Select(f => (f.Name, f.Unit, f.Description)).Concat(network ? NetworkFields.All.Select(f => (f.Name, f.Unit, f.Description)) : []);
}

/// <summary>
/// The per-link quantities of the `channel` command, in output order. These names are the CSV columns and JSON keys;
/// `gatewayqkd channel --fields` prints this list and docs/channel-model.md repeats it.
/// </summary>
public static class LinkFields
{
    /// <summary>Gets every link field.</summary>
    public static IReadOnlyList<ReportField<LinkReport>> All { get; } =
    [
        new("path_length_km", "km", "link path length (slant range with Earth curvature)", r => r.Budget.Geometry.PathLengthKm),
        new("elevation_deg", "deg", "elevation at the ground terminal (0 for horizontal links)", r => r.Budget.Geometry.IsSlant ? r.Budget.Geometry.ElevationDeg : 0),
        new("aerosol_db", "dB", "aerosol (visibility) attenuation, Kim/Kruse", r => r.Budget.AerosolDb),
        new("rain_db", "dB", "rain attenuation, optical law 1.076 R^0.67 dB/km", r => r.Budget.RainDb),
        new("atmospheric_db", "dB", "aerosol + rain attenuation", r => r.Budget.AtmosphericDb),
        new("geometric_db", "dB", "beam spreading over the aperture, -10 log10 A0", r => r.Budget.GeometricDb),
        new("pointing_db", "dB", "mean pointing loss (jitter, beam wander, receiver tilt), -10 log10 E[X_tx X_rx]", r => r.Budget.MeanPointingDb),
        new("split_db", "dB", "passive 1:N split loss", r => r.Budget.SplitDb),
        new("receiver_db", "dB", "receiver optics x detector efficiency loss", r => r.Budget.ReceiverDb),
        new("mean_channel_db", "dB", "mean channel loss (atmosphere, geometry, pointing, split)", r => r.Budget.MeanChannelDb),
        new("mean_total_db", "dB", "mean channel loss plus receiver loss", r => r.Budget.MeanTotalDb),
        new("cn2", "m^-2/3", "Cn2 on a horizontal path, at the ground terminal for slant paths", r => r.Budget.Cn2),
        new("rytov_variance", "1", "Rytov variance sigma_R^2 (chosen wave model)", r => r.Budget.RytovVariance),
        new("fried_parameter_m", "m", "Fried parameter r0", r => r.Budget.FriedParameterM),
        new("gg_alpha", "1", "point-receiver Gamma-Gamma alpha (0 without turbulence)", r => r.Budget.GammaGamma?.Alpha ?? 0),
        new("gg_beta", "1", "point-receiver Gamma-Gamma beta (0 without turbulence)", r => r.Budget.GammaGamma?.Beta ?? 0),
        new("scintillation_index", "1", "point-receiver sigma_I^2 = 1/alpha + 1/beta + 1/(alpha beta)", r => r.Budget.GammaGamma?.ScintillationIndex ?? 0),
        new("aperture_scintillation_index", "1", "aperture-averaged sigma_I^2(D) (Andrews-Phillips)", r => r.Budget.Fading.ScintillationIndex),
        new("collected_scintillation_index", "1", "Var[C]/E[C]^2 of the collected power (turbulence, jitter, wander; bounded by the aperture)", r => r.Budget.Fading.CollectedScintillationIndex),
        new("beam_radius_m", "m", "beam radius w_z at the receiver", r => r.Budget.BeamRadiusM),
        new("beam_wander_m", "m", "rms beam-wander displacement at the receiver (ground-launched beams)", r => r.Budget.BeamWanderM),
        new("mean_channel_transmittance", "1", "E[h], mean channel transmittance of the fading law", r => r.Budget.MeanChannelTransmittance),
        new("mean_eta", "1", "E[eta] = eta_Bob E[h], mean overall transmittance", r => r.Budget.MeanChannelTransmittance * r.Budget.ReceiverEfficiency),
        new("gain_at_mean", "1", "Q_mu at the mean transmittance", r => r.AtMean.Gain),
        new("qber_at_mean", "1", "E_mu (overall QBER) at the mean transmittance", r => r.AtMean.Qber),
        new("single_photon_yield_at_mean", "1", "Y1 (bound for vacuum+weak decoy) at the mean transmittance", r => r.AtMean.SinglePhotonYield),
        new("single_photon_qber_at_mean", "1", "e1 (bound for vacuum+weak decoy) at the mean transmittance", r => r.AtMean.SinglePhotonQber),
        new("skr_at_mean_bits_per_pulse", "bit/pulse", "secret key rate at the mean transmittance", r => r.AtMean.KeyRatePerPulse),
        new("skr_at_mean_bps", "bit/s", "secret key rate at the mean transmittance", r => r.KeyRateAtMeanBitsPerSecond),
        new("plob_at_mean_bits_per_pulse", "bit/pulse", "PLOB bound -log2(1 - E[h])", r => r.PlobAtMeanPerPulse),
        new("plob_at_mean_bps", "bit/s", "PLOB bound at the mean transmittance", r => r.PlobAtMeanBitsPerSecond),
        new("plob_fraction_at_mean", "1", "skr_at_mean / plob_at_mean", r => r.PlobFractionAtMean),
        new("avg_gain", "1", "<Q_mu>, fading-averaged gain", r => r.Averaged.Gain),
        new("avg_qber", "1", "overall average QBER, count-weighted: Int E Q f / <Q>", r => r.Averaged.Qber),
        new("avg_plain_qber", "1", "plain average of the overall QBER: Int E f", r => r.Averaged.PlainQber),
        new("avg_single_photon_qber", "1", "single-photon average QBER: Int e1 Y1 f / Int Y1 f", r => r.Averaged.SinglePhotonQber),
        new("avg_plain_single_photon_qber", "1", "plain average of the single-photon QBER: Int e1 f", r => r.Averaged.PlainSinglePhotonQber),
        new("skr_bits_per_pulse", "bit/pulse", "key rate of the chosen distillation: finite-key ell/N, block (default) or per-state", r => r.KeyRatePerPulse),
        new("skr_bps", "bit/s", "skr_bits_per_pulse x repetition rate", r => r.KeyRateBitsPerSecond),
        new("block_skr_bps", "bit/s", "block key rate R(<statistics>) (asymptotic)", r => r.BlockKeyRateBitsPerSecond),
        new("ergodic_skr_bits_per_pulse", "bit/pulse", "per-state (ergodic) key rate Int max(R, 0) f", r => r.Averaged.KeyRatePerPulse),
        new("ergodic_skr_bps", "bit/s", "per-state (ergodic) key rate x repetition rate", r => r.ErgodicKeyRateBitsPerSecond),
        new("finite_key_length_bits", "bit", "finite-key secret key length ell of one block (0 when asymptotic)", r => r.FiniteKey?.KeyLengthBits ?? 0),
        new("ergodic_skr_standard_error_bits_per_pulse", "bit/pulse", "Monte-Carlo standard error of the ergodic rate (0 for numerical averages)", r => r.Averaged.KeyRateStandardError),
        new("outage_probability", "1", "Pr[R(h) <= 0]", r => r.Averaged.OutageProbability),
        new("ergodic_plob_bits_per_pulse", "bit/pulse", "ergodic PLOB bound Int -log2(1 - h) f", r => r.Averaged.PlobPerPulse),
        new("ergodic_plob_bps", "bit/s", "ergodic PLOB bound x repetition rate", r => r.ErgodicPlobBitsPerSecond),
        new("ergodic_plob_fraction", "1", "ergodic_skr / ergodic_plob", r => r.Averaged.PlobFraction),
        new("plob_fraction", "1", "skr / ergodic_plob", r => r.PlobFraction),
    ];
}

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
