using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.Verifier;

/// <summary>
/// The central server's telemetry verifier: reads a telemetry frame's key id, looks the key up in the central key
/// store, decrypts and authenticates (docs/protocol.md s7), and only then marks the key used, so a second frame under
/// the same key is a replay and is refused, and a forgery cannot burn a key. Thread-safe (one lock).
/// </summary>
public sealed class TelemetryVerifier : ITelemetryVerifier
{
    private readonly object _sync = new();
    private readonly CentralKeyStore _store;
    private readonly RunCounters _counters;
    private readonly TelemetryTracker _telemetry;
    private readonly TelemetryCodec _codec;
    private readonly FrameRefusals _refusals;
    private readonly HashSet<ushort> _gateways;
    private readonly HashSet<(ushort Gateway, ushort Peer)> _pairStreams;

    /// <summary>
    /// Creates the verifier for telemetry from sensors of <paramref name="gatewayIds"/>, under keys of the central
    /// server's stream or, for the lower gateway of each of <paramref name="pairs"/>, of the pair's stream (the HAP, a
    /// trusted node, stores K1 of every relayed block; docs/protocol.md s2.9).
    /// </summary>
    public TelemetryVerifier(IEnumerable<ushort> gatewayIds, IEnumerable<Options.GatewayPair> pairs, CentralServerServices services, FrameRefusals refusals)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _pairStreams = [.. pairs.Select(p => (p.Lower, p.Higher))];
        ArgumentNullException.ThrowIfNull(gatewayIds);
        ArgumentNullException.ThrowIfNull(services);
        services.ThrowIfIncomplete();
        _refusals = refusals ?? throw new ArgumentNullException(nameof(refusals));
        _gateways = [.. gatewayIds];
        _store = services.Store;
        _counters = services.Counters;
        _telemetry = services.Telemetry;
        _codec = new TelemetryCodec(services.Crypto);
    }

    /// <inheritdoc />
    public FrameStatus Verify(TopicAddress address, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(payload);
        return VerifyBatch([new TelemetryFrame(address, payload)])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<FrameStatus> VerifyBatch(IReadOnlyList<TelemetryFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        foreach (var frame in frames)
        {
            ArgumentNullException.ThrowIfNull(frame.Address, nameof(frames));
            ArgumentNullException.ThrowIfNull(frame.Payload, nameof(frames));
        }

        lock (_sync)
        {
            return Open(frames);
        }
    }

    // Headers and topics first (no store access); then one store call for every frame that names a key: it reads each
    // unused key, the codec decrypts and authenticates under it, and only an authentic frame's key is marked used (so a
    // forgery cannot burn a key), all in one commit (CentralKeyStore.UseKeysIf); the counters follow that commit.
    private FrameStatus[] Open(IReadOnlyList<TelemetryFrame> frames)
    {
        var statuses = new FrameStatus[frames.Count];
        var pending = new List<int>(frames.Count);
        var headers = new List<TelemetryHeader>(frames.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            var (address, payload) = frames[i];
            TelemetryHeader header;
            try
            {
                header = TelemetryCodec.ReadHeader(payload, 0, payload.Length);
            }
            catch (FrameFormatException e)
            {
                statuses[i] = RefuseTelemetry(e.Status, $"telemetry on gateway {address.GatewayId} sensor {address.SensorId}: {e.Message}");
                continue;
            }

            if (header.GatewayId != address.GatewayId || header.SensorId != address.SensorId || (header.Key.PeerId != CentralServerNode.AuthorityId && !_pairStreams.Contains((header.GatewayId, header.Key.PeerId))) || !_gateways.Contains(header.GatewayId))
            {
                statuses[i] = RefuseTelemetry(FrameStatus.BadTopic, $"telemetry header (gateway {header.GatewayId}, sensor {header.SensorId}, key {header.Key}) does not match its topic or the central server");
                continue;
            }

            pending.Add(i);
            headers.Add(header);
        }

        if (pending.Count == 0)
        {
            return statuses;
        }

        var opened = new TelemetryOpenResult?[pending.Count];
        var refusals = _store.UseKeysIf(
            [.. headers.Select(h => new GatewayKeyId(h.GatewayId, h.Key))],
            (j, key) =>
            {
                var payload = frames[pending[j]].Payload;
                var result = _codec.Open(payload, 0, payload.Length, key);
                opened[j] = result;
                return result.IsOk;
            });
        for (var j = 0; j < pending.Count; j++)
        {
            statuses[pending[j]] = Outcome(headers[j], refusals[j], opened[j]);
        }

        return statuses;
    }

    private FrameStatus Outcome(TelemetryHeader header, KeyStoreError? refusal, TelemetryOpenResult? opened)
    {
        if (refusal == KeyStoreError.AlreadyUsed)
        {
            _counters.Add(RunCounter.TelemetryReplayed);
            return _refusals.Refuse(FrameStatus.Replayed, $"telemetry key {header.Key} of gateway {header.GatewayId} was already used (replay)");
        }

        if (refusal is { } error)
        {
            return RefuseTelemetry(FrameStatus.MalformedBody, $"telemetry key {header.Key} of gateway {header.GatewayId}: {error}");
        }

        if (opened is not { IsOk: true } ok)
        {
            return RefuseTelemetry(opened!.Status, $"telemetry under key {header.Key} of gateway {header.GatewayId}: {opened.Message}");
        }

        _counters.Add(RunCounter.TelemetryVerified);
        _counters.Add(RunCounter.KeyBitsUsed, header.Key.Length * 8L);
        _telemetry.Verified(header.GatewayId, header.Key, ok.Plaintext);
        return FrameStatus.Ok;
    }

    private FrameStatus RefuseTelemetry(FrameStatus status, string message)
    {
        _counters.Add(RunCounter.TelemetryRejected);
        return _refusals.Refuse(status, message);
    }
}
