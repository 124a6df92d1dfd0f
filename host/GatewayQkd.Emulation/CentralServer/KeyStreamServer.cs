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
/// <remarks>
/// One process serves every gateway from the start. A worker of several (<see cref="CentralServerWorker"/>) is created
/// <c>leased</c>: it serves a gateway only between <see cref="Attach"/> (its lease was granted) and <see cref="Detach"/>,
/// and only while the lease's local deadline (moved by each <see cref="Attach"/>) has not passed, checked before every send, so a
/// worker whose renewals stall stops sending by its own clock before another worker can take the gateway over
/// (the fencing of <see cref="Kms.Cluster.LeaseKeeper"/>). Attaching loads the link's send counter and replay marks from
/// the shared <see cref="CentralServerServices.Storage"/> and pushes again what the shared store holds unacknowledged.
/// </remarks>
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
    private readonly Dictionary<ushort, long> _servedUntil = [];
    private readonly KeyStreamSettings _settings;
    private readonly CentralServerServices _services;
    private readonly bool _leased;
    private readonly long _pairCapacityBits;
    private readonly long _etsi014ReserveBytes;
    private readonly List<GatewayLink> _linksScratch = [];
    private readonly List<KeyBlock> _dueScratch = [];
    private readonly List<(ushort Peer, KeyBlock Block)> _duePairScratch = [];

    /// <summary>
    /// Creates the streams of <paramref name="settings"/>' gateways; refusals are tallied in <paramref name="refusals"/>.
    /// <paramref name="leased"/>: serve none until <see cref="Attach"/> (a worker of several; no gateway pairs).
    /// </summary>
    public KeyStreamServer(KeyStreamSettings settings, CentralServerServices services, FrameRefusals refusals, bool leased = false)
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
        _etsi014ReserveBytes = settings.Etsi014ReserveBytes;
        _settings = settings;
        _services = services;
        _leased = leased;
        GatewayIds = [.. settings.LinkKeys.Keys.Order()];
        Pairs = settings.Pairs ?? [];
        if (Pairs.Any(p => p.Lower >= p.Higher || !settings.LinkKeys.ContainsKey(p.Lower) || !settings.LinkKeys.ContainsKey(p.Higher)))
        {
            throw new ArgumentException($"Each gateway pair must name two served gateways, lower id first; got [{string.Join(", ", Pairs)}].", nameof(settings));
        }

        if (leased && Pairs.Count > 0)
        {
            // a pair's two gateways may be leased by different workers; relaying needs both links in one place
            throw new ArgumentException("A leased worker cannot relay gateway pairs (their two gateways may be served by different workers).", nameof(settings));
        }

        if (!leased)
        {
            foreach (var id in GatewayIds)
            {
                _links[id] = NewLink(id);
            }
        }

        _pairCapacityBits = settings.PairCapacityBits;
    }

    /// <inheritdoc />
    public IReadOnlyList<Options.GatewayPair> Pairs { get; }

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
                PushUnacknowledged(link);
            }

            foreach (var pair in Pairs)
            {
                foreach (var block in _store.GetUnacknowledgedBlocks(pair.Lower, pair.Higher))
                {
                    PushPair(_links[pair.Lower], pair.Higher, block);
                    PushPair(_links[pair.Higher], pair.Lower, block);
                    _counters.Add(RunCounter.BlocksResent, 2);
                }
            }
        }
    }

    /// <summary>Returns whether this server serves <paramref name="gatewayId"/> now (always, unless leased).</summary>
    public bool Serves(ushort gatewayId)
    {
        lock (_sync)
        {
            return Served(gatewayId) is not null;
        }
    }

    /// <summary>
    /// Serves <paramref name="gatewayId"/> for <paramref name="validFor"/> from now (its lease was granted or renewed).
    /// The first time, it loads the link's send counter and replay marks from storage, as the previous owner left them,
    /// and pushes again every block the store holds unacknowledged (the gateway acknowledges one it already has as a
    /// duplicate and stores it once); when already served it only moves the deadline. A zero time does nothing.
    /// </summary>
    public void Attach(ushort gatewayId, TimeSpan validFor)
    {
        if (!_settings.LinkKeys.ContainsKey(gatewayId))
        {
            throw new ArgumentException($"Gateway {gatewayId} is not one of this central server's gateways.", nameof(gatewayId));
        }

        if (validFor <= TimeSpan.Zero)
        {
            return;
        }

        lock (_sync)
        {
            _servedUntil[gatewayId] = Deadline(validFor);
            if (!_links.ContainsKey(gatewayId))
            {
                var link = NewLink(gatewayId);
                _links[gatewayId] = link;
                PushUnacknowledged(link);
            }
        }
    }

    /// <summary>Stops serving <paramref name="gatewayId"/> at once (its lease was lost): nothing more is sent to it; what is in flight stays unacknowledged in the store for the next owner.</summary>
    public void Detach(ushort gatewayId)
    {
        lock (_sync)
        {
            _links.Remove(gatewayId);
            _servedUntil.Remove(gatewayId);
        }
    }

    /// <summary>Stops serving every gateway at once (the worker stops).</summary>
    public void DetachAll()
    {
        lock (_sync)
        {
            _links.Clear();
            _servedUntil.Clear();
        }
    }

    /// <inheritdoc />
    public long RoomBits(ushort gatewayId)
    {
        lock (_sync)
        {
            return Served(gatewayId)?.RoomBits ?? 0;
        }
    }

    /// <inheritdoc />
    public GatewayView View(ushort gatewayId, TimeSpan recent)
    {
        lock (_sync)
        {
            if (Served(gatewayId) is not { } link)
            {
                return _leased ? new GatewayView(0, 0, 0, 0, 0, false) : throw new KeyNotFoundException($"Gateway {gatewayId} is not served here.");
            }

            var heard = link.LastHeardTicks != 0 && _time.GetElapsedTime(link.LastHeardTicks) < recent;
            return new GatewayView(link.ReportedAvailableBits, link.DeliveredBits, link.ReportedQueueLength, link.ReportedLostBits, link.InFlight.Count, heard);
        }
    }

    /// <inheritdoc />
    public KeyBlock? IssueBlock(ushort gatewayId, int bytes)
    {
        if (!Serves(gatewayId))
        {
            return null; // another worker's (or nobody's while a lease moves): the HAP's bits for it are not stored here
        }

        var material = new byte[bytes];
        _random.NextBytes(material);
        if (_etsi014ReserveBytes > 0
            && _store.GetCounts(gatewayId, AuthorityId, KeyStreamUse.Etsi014).AvailableBytes < _etsi014ReserveBytes)
        {
            // Set aside for ETSI 014 instead of pushed: a stream of its own, so it can never reach a sensor (docs/kms.md).
            return _store.ReserveForEtsi014(gatewayId, AuthorityId, material);
        }

        var block = _store.AppendBlock(gatewayId, AuthorityId, material); // durable before it leaves (docs/architecture.md data flow 2); the store has its own lock
        lock (_sync)
        {
            if (Served(gatewayId) is { } link)
            {
                Push(link, block);
            }

            // else the lease ended while the block was stored: it stays unacknowledged in the store and the next owner pushes it
            _counters.Add(RunCounter.KeyBitsGenerated, block.Bits);
            _counters.Add(RunCounter.BlocksPushed);
            return block;
        }
    }

    /// <inheritdoc />
    public long PairRoomBits(Options.GatewayPair pair)
    {
        lock (_sync)
        {
            var lower = _links[pair.Lower];
            var higher = _links[pair.Higher];
            return Math.Min(
                Math.Min(lower.RoomBits, higher.RoomBits),
                Math.Min(lower.PairRoomBits(pair.Higher, _pairCapacityBits), higher.PairRoomBits(pair.Lower, _pairCapacityBits)));
        }
    }

    /// <inheritdoc />
    public KeyBlock IssuePairBlock(Options.GatewayPair pair, int bytes)
    {
        if (!Pairs.Contains(pair))
        {
            throw new ArgumentException($"Gateways {pair} are not a relayed pair.", nameof(pair));
        }

        var material = new byte[bytes];
        _random.NextBytes(material);
        var block = _store.AppendBlock(pair.Lower, pair.Higher, material); // K1, durable before it leaves, on the lower gateway's stream
        lock (_sync)
        {
            PushPair(_links[pair.Lower], pair.Higher, block);
            PushPair(_links[pair.Higher], pair.Lower, block);
            _counters.Add(RunCounter.KeyBitsGenerated, block.Bits);
            _counters.Add(RunCounter.BlocksPushed, 2);
            return block;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The HAP loop calls this every 20 ms: it used to copy the links and every link's in-flight sets into new lists on
    /// each call (3,001 lists per call at 1,000 gateways, 50 calls a second, under the lock the upstream frames wait
    /// for); now it copies only the links (into a list it keeps, since a leased link whose deadline passed leaves
    /// <c>_links</c> in <see cref="Served"/>) and only the blocks that are due (usually none).
    /// </remarks>
    public int ResendOverdue(TimeSpan timeout)
    {
        var resent = 0;
        lock (_sync)
        {
            _linksScratch.Clear();
            _linksScratch.AddRange(_links.Values);
            foreach (var link in _linksScratch)
            {
                if ((link.InFlight.Count == 0 && link.PairInFlight.Count == 0) || Served(link.GatewayId) is null)
                {
                    continue; // nothing to resend (and a SortedDictionary's enumerator allocates even when it is empty)
                }

                _dueScratch.Clear();
                foreach (var item in link.InFlight.Values)
                {
                    if (item.IsDue(timeout, _time))
                    {
                        _dueScratch.Add(item.Block); // pushed below: Push replaces the entry, which must not happen while enumerating
                    }
                }

                foreach (var block in _dueScratch)
                {
                    Push(link, block);
                    resent++;
                }

                _duePairScratch.Clear();
                foreach (var ((peer, _), item) in link.PairInFlight)
                {
                    if (item.IsDue(timeout, _time))
                    {
                        _duePairScratch.Add((peer, item.Block));
                    }
                }

                foreach (var (peer, block) in _duePairScratch)
                {
                    PushPair(link, peer, block);
                    resent++;
                }
            }

            _linksScratch.Clear();
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
        if (Served(address.GatewayId) is not { } link)
        {
            // a leased worker leaves the frames of another worker's gateways unopened: not a refusal, nothing counted
            return _leased && _settings.LinkKeys.ContainsKey(address.GatewayId)
                ? FrameStatus.UnknownSender
                : _refusals.Refuse(FrameStatus.UnknownSender, $"gateway {address.GatewayId} is not served here");
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
            OnPairAck(link, ack);
            return;
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
            else if (link.PairLevels.ContainsKey(level.PeerId) || link.PairInFlight.Keys.Any(k => k.Peer == level.PeerId))
            {
                link.PairLevels[level.PeerId] = level.AvailableBits;
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

    // A pair block's acknowledgement: it leaves the in-flight set; the store's copy (the lower gateway's stream) counts
    // as acknowledged once the lower gateway has it; bits count as relayed once the higher one has it.
    private void OnPairAck(GatewayLink link, BlockAckMessage ack)
    {
        link.PairLevels[ack.PeerId] = ack.AvailableBits;
        if (ack.Result is not (BlockAckResult.Stored or BlockAckResult.Duplicate))
        {
            _counters.Add(RunCounter.BlocksRefused);
            _log.Write(LogLevel.Warning, $"Gateway {link.GatewayId} refused block {ack.BlockId} of its stream with gateway {ack.PeerId}: {ack.Result}.");
            return; // kept in flight: the overdue resend tries again
        }

        if (!link.PairInFlight.Remove((ack.PeerId, ack.BlockId), out var item))
        {
            return;
        }

        if (link.GatewayId < ack.PeerId)
        {
            _store.MarkAcknowledged(link.GatewayId, ack.PeerId, ack.BlockId);
        }
        else
        {
            _counters.Add(RunCounter.PairKeyBitsRelayed, item.Block.Bits);
        }
    }

    // Sends a pair block to one end: as an ordinary delivery to the lower gateway, as XOR forwarding to the higher one
    // (fresh K2 of the HAP's link with it, K1 xor K2; DDKA paper s2.3). A resend relays under a fresh K2.
    private void PushPair(GatewayLink link, ushort peer, KeyBlock block)
    {
        byte[] frame;
        if (link.GatewayId < peer)
        {
            frame = link.Authority.SealBlock(block);
        }
        else
        {
            var linkKey = new byte[block.Material.Length];
            _random.NextBytes(linkKey);
            frame = link.Authority.SealRelay(block, peer, linkKey);
            Array.Clear(linkKey);
        }

        var resends = link.PairInFlight.TryGetValue((peer, block.BlockId), out var previous) ? previous.Resends + 1 : 0;
        link.PairInFlight[(peer, block.BlockId)] = new InFlightBlock(block, _time.GetTimestamp(), resends);
        _bus.Publish(link.Authority.BlocksTopic, frame);
    }

    private GatewayLink NewLink(ushort id) =>
        new(new AuthorityLink(AuthorityId, id, _settings.LinkKeys[id], _services.Crypto, _services.Random, _services.Storage, 256), _settings.PoolCapacityBits);

    private long Deadline(TimeSpan validFor) => _time.GetTimestamp() + (long)(validFor.TotalSeconds * _time.TimestampFrequency);

    // The link of a gateway served now; a leased one whose deadline passed is detached here, before anything is sent.
    private GatewayLink? Served(ushort gatewayId)
    {
        if (!_links.TryGetValue(gatewayId, out var link))
        {
            return null;
        }

        if (_leased && _time.GetTimestamp() >= _servedUntil[gatewayId])
        {
            _links.Remove(gatewayId);
            _servedUntil.Remove(gatewayId);
            _log.Write(LogLevel.Warning, $"Stopped serving gateway {gatewayId}: its lease was not renewed in time.");
            return null;
        }

        return link;
    }

    private void PushUnacknowledged(GatewayLink link)
    {
        foreach (var block in _store.GetUnacknowledgedBlocks(link.GatewayId, AuthorityId))
        {
            Push(link, block);
            _counters.Add(RunCounter.BlocksResent);
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
