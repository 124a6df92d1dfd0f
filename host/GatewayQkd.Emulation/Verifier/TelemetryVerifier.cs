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

    /// <summary>Creates the verifier for telemetry from sensors of <paramref name="gatewayIds"/>.</summary>
    public TelemetryVerifier(IEnumerable<ushort> gatewayIds, CentralServerServices services, FrameRefusals refusals)
    {
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
        lock (_sync)
        {
            return Open(address, payload);
        }
    }

    private FrameStatus Open(TopicAddress address, byte[] payload)
    {
        TelemetryHeader header;
        try
        {
            header = TelemetryCodec.ReadHeader(payload, 0, payload.Length);
        }
        catch (FrameFormatException e)
        {
            return RefuseTelemetry(e.Status, $"telemetry on gateway {address.GatewayId} sensor {address.SensorId}: {e.Message}");
        }

        if (header.GatewayId != address.GatewayId || header.SensorId != address.SensorId || header.Key.PeerId != CentralServerNode.AuthorityId || !_gateways.Contains(header.GatewayId))
        {
            return RefuseTelemetry(FrameStatus.BadTopic, $"telemetry header (gateway {header.GatewayId}, sensor {header.SensorId}, key {header.Key}) does not match its topic or the central server");
        }

        byte[] key;
        try
        {
            key = _store.GetKey(header.GatewayId, header.Key);
        }
        catch (KeyStoreException e) when (e.Error == KeyStoreError.AlreadyUsed)
        {
            _counters.Add(RunCounter.TelemetryReplayed);
            return _refusals.Refuse(FrameStatus.Replayed, $"telemetry key {header.Key} of gateway {header.GatewayId} was already used (replay)");
        }
        catch (KeyStoreException e)
        {
            return RefuseTelemetry(FrameStatus.MalformedBody, $"telemetry key {header.Key} of gateway {header.GatewayId}: {e.Message}");
        }

        var opened = _codec.Open(payload, 0, payload.Length, key);
        if (!opened.IsOk)
        {
            return RefuseTelemetry(opened.Status, $"telemetry under key {header.Key} of gateway {header.GatewayId}: {opened.Message}");
        }

        _store.MarkUsed(header.GatewayId, header.Key); // after authentication, so a forgery cannot burn a key
        _counters.Add(RunCounter.TelemetryVerified);
        _counters.Add(RunCounter.KeyBitsUsed, header.Key.Length * 8L);
        _telemetry.Verified(header.GatewayId, header.Key, opened.Plaintext);
        return FrameStatus.Ok;
    }

    private FrameStatus RefuseTelemetry(FrameStatus status, string message)
    {
        _counters.Add(RunCounter.TelemetryRejected);
        return _refusals.Refuse(status, message);
    }
}
