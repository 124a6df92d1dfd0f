using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The central server's key streams (the key authority, node 0): stores each key block durably in the central key
/// store BEFORE pushing it to its gateway as an authenticated frame (material AES-CTR wrapped under the link key),
/// keeps blocks in flight until acknowledged and pushes them again when overdue, after a restart or when a gateway
/// resynchronises, tracks each gateway's pool from acknowledgements and status frames, and raises supplement requests
/// for the HAP. Frames to and from gateways go through the core's <see cref="AuthorityLink"/> (one per gateway:
/// sealing, length, authentication, replay), so nothing changes before a frame passed every check. Thread-safe (one lock).
/// </summary>
public sealed class KeyStreamServer : IKeyStreams
{
    private readonly object _sync = new();
    private readonly CentralKeyStore _store;
    private readonly IMessageBus _bus;
    private readonly ILog _log;
    private readonly RunCounters _counters;
    private readonly IRandomSource _random;
    private readonly TimeProvider _time;
    private readonly FrameRefusals _refusals;
    private readonly Dictionary<ushort, GatewayLink> _links = [];

    /// <summary>Creates the streams of <paramref name="settings"/>' gateways; refusals are tallied in <paramref name="refusals"/>.</summary>
    public KeyStreamServer(KeyStreamSettings settings, CentralServerServices services, FrameRefusals refusals)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(settings.LinkKeys);
        ArgumentNullException.ThrowIfNull(services);
        services.ThrowIfIncomplete();
        _refusals = refusals ?? throw new ArgumentNullException(nameof(refusals));
        _store = services.Store;
        _bus = services.Bus;
        _log = services.Log;
        _counters = services.Counters;
        _random = services.Random;
        _time = services.Time;
        foreach (var (id, key) in settings.LinkKeys)
        {
            _links[id] = new GatewayLink(new AuthorityLink(CentralServerNode.AuthorityId, id, key, services.Crypto, services.Random, services.Storage, 256), settings.PoolCapacityBits);
        }

        GatewayIds = [.. _links.Keys.Order()];
    }

    /// <inheritdoc />
    public event EventHandler<SupplementReceivedEventArgs>? SupplementReceived;

    /// <inheritdoc />
    public IReadOnlyList<ushort> GatewayIds { get; }

    /// <summary>Pushes again every block the store holds unacknowledged (a resumed run).</summary>
    public void PushUnacknowledged()
    {
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

    /// <inheritdoc />
    public long RoomBits(ushort gatewayId)
    {
        lock (_sync)
        {
            return _links.TryGetValue(gatewayId, out var link) ? link.RoomBits : 0;
        }
    }

    /// <inheritdoc />
    public GatewayView View(ushort gatewayId, TimeSpan recent)
    {
        lock (_sync)
        {
            var link = _links[gatewayId];
            var heard = link.LastHeardTicks != 0 && _time.GetElapsedTime(link.LastHeardTicks) < recent;
            return new GatewayView(link.ReportedAvailableBits, link.DeliveredBits, link.ReportedQueueLength, link.ReportedLostBits, link.InFlight.Count, heard);
        }
    }

    /// <inheritdoc />
    public KeyBlock IssueBlock(ushort gatewayId, int bytes)
    {
        var material = new byte[bytes];
        _random.NextBytes(material);
        var block = _store.AppendBlock(gatewayId, AuthorityId, material); // durable before it leaves (docs/architecture.md data flow 2); the store has its own lock
        lock (_sync)
        {
            Push(_links[gatewayId], block);
            _counters.Add(RunCounter.KeyBitsGenerated, block.Bits);
            _counters.Add(RunCounter.BlocksPushed);
            return block;
        }
    }

    /// <inheritdoc />
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
    /// Handles one frame from a gateway's upstream topic (acknowledgement, supplement, status, resync). Returns
    /// <see cref="FrameStatus.Ok"/> when accepted; anything else was refused, counted and logged, and changed nothing.
    /// </summary>
    public FrameStatus HandleUpstream(TopicAddress address, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(payload);
        lock (_sync)
        {
            return Upstream(address, payload);
        }
    }

    private FrameStatus Upstream(TopicAddress address, byte[] payload)
    {
        if (!_links.TryGetValue(address.GatewayId, out var link))
        {
            return _refusals.Refuse(FrameStatus.UnknownSender, $"gateway {address.GatewayId} is not served here");
        }

        var opened = link.Authority.Open(payload);
        if (!opened.IsOk)
        {
            return _refusals.Refuse(opened.Status, $"{address.Kind} frame of gateway {address.GatewayId}: {opened.Message}");
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
            return _refusals.Refuse(FrameStatus.BadTopic, $"a {opened.Header.Type} frame on a {address.Kind} topic");
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
                SupplementReceived?.Invoke(this, new SupplementReceivedEventArgs(link.GatewayId, opened.Header.Counter, supplement));
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

    private void Push(GatewayLink link, KeyBlock block)
    {
        var frame = link.Authority.SealBlock(block);
        var resends = link.InFlight.TryGetValue(block.BlockId, out var previous) ? previous.Resends + 1 : 0;
        link.InFlight[block.BlockId] = new InFlightBlock(block, _time.GetTimestamp(), resends);
        _bus.Publish(link.Authority.BlocksTopic, frame);
    }

    private const ushort AuthorityId = CentralServerNode.AuthorityId;
}
