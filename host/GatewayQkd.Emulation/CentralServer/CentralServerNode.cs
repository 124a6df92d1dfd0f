using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The HAP/central-server side of the protocol (the key authority, node 0): stores each key block durably in the
/// central key store BEFORE pushing it to its gateway as an authenticated frame (material AES-CTR wrapped under the
/// link key), keeps blocks in flight until acknowledged and pushes them again when overdue or after a restart,
/// tracks each gateway's pool from acknowledgements and status frames, hands supplement requests to the HAP, and
/// verifies telemetry: looks the key id up, decrypts and authenticates, then marks the key used (a second use is a
/// replay and is refused). Frames to and from gateways go through the core's <see cref="AuthorityLink"/> (one per
/// gateway: sealing, length, authentication, replay), so nothing changes before a frame passed every check.
/// Thread-safe (one lock).
/// </summary>
public sealed class CentralServerNode
{
    /// <summary>The authority's node id (the central server's stream id).</summary>
    public const ushort AuthorityId = 0;

    private readonly object _sync = new();
    private readonly CentralKeyStore _store;
    private readonly IMessageBus _bus;
    private readonly ILog _log;
    private readonly RunCounters _counters;
    private readonly TelemetryTracker _telemetry;
    private readonly IRandomSource _random;
    private readonly TelemetryCodec _codec;
    private readonly Dictionary<ushort, GatewayLink> _links = [];
    private readonly Dictionary<FrameStatus, long> _rejections = [];
    private readonly TimeProvider _time;

    /// <summary>Creates the node for <paramref name="gatewayLinkKeys"/> (gateway id to 32-byte link key).</summary>
    public CentralServerNode(
        IReadOnlyDictionary<ushort, byte[]> gatewayLinkKeys,
        long poolCapacityBits,
        CentralKeyStore store,
        IKeyStorage storage,
        ICryptoPrimitives crypto,
        IRandomSource random,
        IMessageBus bus,
        ILog log,
        RunCounters counters,
        TelemetryTracker telemetry,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(gatewayLinkKeys);
        ArgumentNullException.ThrowIfNull(crypto);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _codec = new TelemetryCodec(crypto);
        foreach (var (id, key) in gatewayLinkKeys)
        {
            _links[id] = new GatewayLink(new AuthorityLink(AuthorityId, id, key, crypto, random, storage, 256), poolCapacityBits);
        }
    }

    /// <summary>Raised (under the node's lock) for each accepted supplement request: gateway, frame counter, message.</summary>
    public event Action<ushort, uint, SupplementMessage>? SupplementReceived;

    /// <summary>Gets the gateway ids this node serves.</summary>
    public IReadOnlyList<ushort> GatewayIds => [.. _links.Keys.Order()];

    /// <summary>Returns how many inbound frames were refused with <paramref name="status"/>.</summary>
    public long Rejections(FrameStatus status)
    {
        lock (_sync)
        {
            return _rejections.GetValueOrDefault(status);
        }
    }

    /// <summary>Subscribes to the gateways' upstream topics and telemetry, and pushes again every block the store holds unacknowledged (a resumed run).</summary>
    public void Start()
    {
        _bus.Subscribe(Topics.GatewayPrefix + "+/ack");
        _bus.Subscribe(Topics.GatewayPrefix + "+/supplement");
        _bus.Subscribe(Topics.GatewayPrefix + "+/status");
        _bus.Subscribe(Topics.GatewayPrefix + "+/resync");
        _bus.Subscribe(Topics.TelemetryPrefix + "#");
        lock (_sync)
        {
            foreach (var link in _links.Values)
            {
                foreach (var block in _store.GetUnacknowledgedBlocks(link.GatewayId, AuthorityId))
                {
                    Push(link, block);
                    _counters.Add(RunCounter.BlocksResent);
                }
            }
        }
    }

    /// <summary>Returns the bits the HAP may still send to <paramref name="gatewayId"/> (capacity minus reported level minus in flight).</summary>
    public long RoomBits(ushort gatewayId)
    {
        lock (_sync)
        {
            return _links.TryGetValue(gatewayId, out var link) ? link.RoomBits : 0;
        }
    }

    /// <summary>Returns what the node knows of a gateway: reported pool level, delivered bits, queue length, lost bits, and whether it was heard from recently.</summary>
    public GatewayView View(ushort gatewayId, TimeSpan recent)
    {
        lock (_sync)
        {
            var link = _links[gatewayId];
            var heard = link.LastHeardTicks != 0 && _time.GetElapsedTime(link.LastHeardTicks) < recent;
            return new GatewayView(link.ReportedAvailableBits, link.DeliveredBits, link.ReportedQueueLength, link.ReportedLostBits, link.InFlight.Count, heard);
        }
    }

    /// <summary>
    /// Generates a block of <paramref name="bytes"/> fresh key bytes for <paramref name="gatewayId"/>, stores it durably
    /// in the central key store, then pushes it. Returns the block.
    /// </summary>
    public KeyBlock IssueBlock(ushort gatewayId, int bytes)
    {
        var material = new byte[bytes];
        _random.NextBytes(material);
        var block = _store.AppendBlock(gatewayId, AuthorityId, material); // durable before it leaves (docs/architecture.md, invariants); the store has its own lock
        lock (_sync)
        {
            Push(_links[gatewayId], block);
            _counters.Add(RunCounter.KeyBitsGenerated, block.Bits);
            _counters.Add(RunCounter.BlocksPushed);
            return block;
        }
    }

    /// <summary>Pushes again every block in flight longer than <paramref name="timeout"/> and its backoff (lost frames, gateway restarts).</summary>
    public int ResendOverdue(TimeSpan timeout)
    {
        var resent = 0;
        lock (_sync)
        {
            foreach (var link in _links.Values)
            {
                foreach (var item in link.InFlight.Values.ToList())
                {
                    if (item.IsDue(timeout, _time))
                    {
                        Push(link, item.Block);
                        resent++;
                    }
                }
            }
        }

        _counters.Add(RunCounter.BlocksResent, resent);
        return resent;
    }

    /// <summary>
    /// Handles one inbound MQTT message (acknowledgement, supplement, status or telemetry). Returns
    /// <see cref="FrameStatus.Ok"/> when accepted; anything else was refused, counted and logged, and changed nothing.
    /// </summary>
    public FrameStatus HandleMessage(string topic, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var address = Topics.Parse(topic);
        lock (_sync)
        {
            var status = address?.Kind switch
            {
                TopicKind.Ack or TopicKind.Supplement or TopicKind.Status or TopicKind.Resync => HandleUpstream(address, payload),
                TopicKind.Telemetry => HandleTelemetry(address, payload),
                _ => Refuse(FrameStatus.BadTopic, $"topic '{topic}' is not an inbound topic of the central server"),
            };
            return status;
        }
    }

    private FrameStatus HandleUpstream(TopicAddress address, byte[] payload)
    {
        if (!_links.TryGetValue(address.GatewayId, out var link))
        {
            return Refuse(FrameStatus.UnknownSender, $"gateway {address.GatewayId} is not served here");
        }

        var opened = link.Authority.Open(payload);
        if (!opened.IsOk)
        {
            return Refuse(opened.Status, $"{address.Kind} frame of gateway {address.GatewayId}: {opened.Message}");
        }

        var expected = address.Kind switch
        {
            TopicKind.Ack => FrameType.BlockAck,
            TopicKind.Supplement => FrameType.SupplementRequest,
            TopicKind.Resync => FrameType.PoolResync,
            _ => FrameType.GatewayStatus,
        };
        if (opened.Header.Type != expected)
        {
            return Refuse(FrameStatus.BadTopic, $"a {opened.Header.Type} frame on a {address.Kind} topic");
        }

        link.LastHeardTicks = _time.GetTimestamp();
        switch (opened.Body)
        {
            case BlockAckMessage ack:
                OnAck(link, ack);
                break;
            case SupplementMessage supplement:
                link.ReportedAvailableBits = supplement.AvailableBits;
                _counters.Add(RunCounter.SupplementsReceived);
                SupplementReceived?.Invoke(link.GatewayId, opened.Header.Counter, supplement);
                break;
            case GatewayStatusMessage status:
                OnStatus(link, status);
                break;
            case PoolResyncMessage resync:
                OnResync(link, resync);
                break;
        }

        return FrameStatus.Ok;
    }

    private void OnAck(GatewayLink link, BlockAckMessage ack)
    {
        if (ack.PeerId != AuthorityId)
        {
            return; // a gateway-to-gateway stream: not the central server's to track
        }

        link.ReportedAvailableBits = ack.AvailableBits;
        switch (ack.Result)
        {
            case BlockAckResult.Stored:
            case BlockAckResult.Duplicate:
                link.InFlight.Remove(ack.BlockId, out var item);
                if (_store.MarkAcknowledged(link.GatewayId, AuthorityId, ack.BlockId))
                {
                    // Counted once, when first acknowledged: a block sent again after a resynchronisation was delivered before.
                    var bits = item?.Block.Bits ?? 0;
                    link.DeliveredBits += bits;
                    _counters.Add(RunCounter.KeyBitsDelivered, bits);
                }

                break;
            case BlockAckResult.OutOfOrder:
                // The gateway expects another block first: push from there on, in order, each within its backoff.
                foreach (var waiting in link.InFlight.Values.Where(b => b.Block.BlockId >= ack.NextBlockId && b.IsDue(TimeSpan.Zero, _time)).ToList())
                {
                    Push(link, waiting.Block);
                    _counters.Add(RunCounter.BlocksResent);
                }

                _counters.Add(RunCounter.BlocksRefused);
                break;
            default:
                // PoolFull or Invalid: keep it in flight; the overdue resend tries again once there is room.
                _counters.Add(RunCounter.BlocksRefused);
                _log.Write(LogLevel.Warning, $"Gateway {link.GatewayId} refused block {ack.BlockId}: {ack.Result}.");
                break;
        }
    }

    private static void OnStatus(GatewayLink link, GatewayStatusMessage status)
    {
        foreach (var level in status.Levels)
        {
            if (level.PeerId == AuthorityId)
            {
                link.ReportedAvailableBits = level.AvailableBits;
                link.CapacityBits = level.CapacityBits;
            }
        }

        link.ReportedQueueLength = status.QueueLength;
        if (status.Counters.Length > (int)GatewayCounter.KeyBytesLost)
        {
            link.ReportedLostBits = status.Counters[(int)GatewayCounter.KeyBytesLost] * 8L;
        }
    }

    // The resynchronisation (docs/protocol.md s2.7): blocks below the gateway's next id and outside its holes are held,
    // consumed or written off there, so they leave the in-flight set; every intact block of a hole, and every block from
    // the next id on, is sent again within its backoff; a hole block the store cannot send intact is left for the
    // gateway to write off.
    private void OnResync(GatewayLink link, PoolResyncMessage resync)
    {
        if (resync.PeerId != AuthorityId)
        {
            return;
        }

        link.ReportedLostBits = resync.LostBits;
        foreach (var passed in link.InFlight.Keys.Where(id => id < resync.NextBlockId && !resync.IsMissing(id)).ToList())
        {
            link.InFlight.Remove(passed);
            _store.MarkAcknowledged(link.GatewayId, AuthorityId, passed);
        }

        var wanted = new List<(uint First, uint End)>();
        for (var i = 0; i < resync.HoleFirstIds.Length; i++)
        {
            wanted.Add((resync.HoleFirstIds[i], resync.HoleEndIds[i]));
        }

        wanted.Add((resync.NextBlockId, uint.MaxValue));
        foreach (var (first, end) in wanted)
        {
            var blocks = _store.GetIntactBlocks(link.GatewayId, AuthorityId, first, end);
            foreach (var block in blocks.Where(b => !link.InFlight.TryGetValue(b.BlockId, out var sent) || sent.IsDue(TimeSpan.Zero, _time)))
            {
                Push(link, block);
                _counters.Add(RunCounter.BlocksResent);
            }

            if (end != uint.MaxValue && blocks.Count < end - first)
            {
                _log.Write(LogLevel.Warning, $"Gateway {link.GatewayId} misses blocks {first}..{end - 1}; {end - first - blocks.Count} of them cannot be sent intact again and are left to be written off.");
            }
        }
    }

    private FrameStatus HandleTelemetry(TopicAddress address, byte[] payload)
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

        if (header.GatewayId != address.GatewayId || header.SensorId != address.SensorId || header.Key.PeerId != AuthorityId || !_links.ContainsKey(header.GatewayId))
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
            return Refuse(FrameStatus.Replayed, $"telemetry key {header.Key} of gateway {header.GatewayId} was already used (replay)");
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

    private void Push(GatewayLink link, KeyBlock block)
    {
        var frame = link.Authority.SealBlock(block);
        var resends = link.InFlight.TryGetValue(block.BlockId, out var previous) ? previous.Resends + 1 : 0;
        link.InFlight[block.BlockId] = new InFlightBlock(block, _time.GetTimestamp(), resends);
        _bus.Publish(link.Authority.BlocksTopic, frame);
    }

    private FrameStatus RefuseTelemetry(FrameStatus status, string message)
    {
        _counters.Add(RunCounter.TelemetryRejected);
        return Refuse(status, message);
    }

    private FrameStatus Refuse(FrameStatus status, string message)
    {
        _rejections[status] = _rejections.GetValueOrDefault(status) + 1;
        _counters.Add(RunCounter.FramesRejected);
        _log.Write(LogLevel.Warning, "Central server refused: " + message + ".");
        return status;
    }
}
