using System.Globalization;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.TimeSeries;

namespace GatewayQkd.Emulation.Links;

/// <summary>
/// HAP-GN link conditions from the channel model (GatewayQkd.Channel): a HAP network with one CS-HAP uplink and one
/// downlink per gateway (the channel's default geometry and weather), sampled as a time series. The HAP emulator shares
/// link time itself, so the downlink rate is taken at full time (the series' TDMA rate divided by its time share),
/// and the end-to-end CS-GN key of the trusted relay (XOR of the two link keys) cannot outrun either link: R_i(t) =
/// min(R_down,i(t), R_up(t) / terminals), the uplink's key split over the HAP's terminals.
/// </summary>
public sealed class ChannelLinkRates : IGatewayLinkRates
{
    /// <summary>The series' time step in ms: the turbulence coherence time (TimeSeriesOptions default 10 ms), enough for rates per 20 ms tick.</summary>
    public const double StepMilliseconds = 10;

    private readonly ChannelKeyRateSource _source;
    private readonly Dictionary<ushort, int> _nodes;
    private readonly double _share;
    private readonly int _terminals;
    private readonly NetworkOptions _network;
    private double _uplinkTime = double.NaN;
    private double _uplinkRate;

    /// <summary>Creates the rates for <paramref name="gatewayIds"/> (node i = the i-th id in order) with a seed.</summary>
    public ChannelLinkRates(IReadOnlyList<ushort> gatewayIds, int terminals, int seed)
    {
        ArgumentNullException.ThrowIfNull(gatewayIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(terminals, 1);
        _network = new NetworkOptions { NodeCount = gatewayIds.Count };
        _source = ChannelKeyRateSource.ForNetwork(_network, new TimeSeriesOptions { Seed = seed, StepMs = StepMilliseconds });
        _nodes = gatewayIds.Order().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i + 1);
        _share = _network.DownlinkTimeShare;
        _terminals = terminals;
    }

    /// <inheritdoc />
    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"channel model: HAP at {_network.Downlink.HapAltitudeKm:0.#} km, {_nodes.Count} downlinks at {_network.Downlink.DistanceKm:0.#} km, trusted relay");

    /// <inheritdoc />
    public LinkCondition At(ushort gatewayId, double emulatedSeconds)
    {
        if (!_nodes.TryGetValue(gatewayId, out var node))
        {
            throw new ArgumentOutOfRangeException(nameof(gatewayId), gatewayId, "This gateway has no link in the channel model.");
        }

        if (emulatedSeconds != _uplinkTime)
        {
            _uplinkTime = emulatedSeconds;
            _uplinkRate = _source.Sample(0, emulatedSeconds).KeyRateBitsPerSecond;
        }

        var downlink = _source.Sample(node, emulatedSeconds);
        var rate = TrustedRelay.KeyRate(downlink.KeyRateBitsPerSecond / _share, _uplinkRate / _terminals);
        return new LinkCondition(rate, downlink.Qber);
    }
}
