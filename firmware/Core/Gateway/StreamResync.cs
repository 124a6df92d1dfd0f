using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The gateway's half of the resynchronisation (docs/protocol.md s2.7): tells the HAP/CS what the pool holds of each
    /// peer's stream - after start-up recovery, and once a slot while the pool has holes or refused a block as out of
    /// order - so the authority sends again what is missing; and writes off the first hole of a stream when none of its
    /// blocks arrived for <see cref="HoleWaitSlots"/> slots and it stands in the way (the takes have reached it, or
    /// requests are waiting), so the gateway serves again from the blocks after it.
    /// </summary>
    internal sealed class StreamResync
    {
        /// <summary>Slots a hole at the front of a stream may wait for its blocks before it is written off.</summary>
        public const int HoleWaitSlots = 3;

        private readonly GatewayConfig _config;
        private readonly KeyPool _pool;
        private readonly GatewayOutbox _outbox;
        private readonly FrameKeys _linkKeys;
        private readonly GatewayCounters _counters;
        private readonly ILog _log;
        private readonly int[] _waited;
        private readonly uint[] _waitedFor;
        private bool _due;

        public StreamResync(GatewayConfig config, KeyPool pool, GatewayOutbox outbox, FrameKeys linkKeys, GatewayCounters counters, ILog log)
        {
            _config = config;
            _pool = pool;
            _outbox = outbox;
            _linkKeys = linkKeys;
            _counters = counters;
            _log = log;
            _waited = new int[config.Peers.Length];
            _waitedFor = new uint[config.Peers.Length];
            _due = true; // the first slot after start-up reports what recovery found
        }

        /// <summary>Asks for a report at the next slot (a block arrived out of order: the authority's view is behind).</summary>
        public void MarkDue()
        {
            _due = true;
        }

        /// <summary>Sends a report for every served peer now.</summary>
        public void SendAll()
        {
            ushort[] peers = _config.Peers;
            for (int i = 0; i < peers.Length; i++)
            {
                Send(peers[i]);
            }

            _due = false;
        }

        /// <summary>Once per ended slot: writes off holes that waited long enough, then reports when due or while holes remain.</summary>
        public void OnSlot(bool requestsWaiting)
        {
            ushort[] peers = _config.Peers;
            bool holes = false;
            for (int i = 0; i < peers.Length; i++)
            {
                WriteOffIfOverdue(i, peers[i], requestsWaiting);
                holes = holes || _pool.Holes(peers[i]).Length > 0;
            }

            if (_due || holes)
            {
                SendAll();
            }
        }

        private void WriteOffIfOverdue(int index, ushort peer, bool requestsWaiting)
        {
            MissingBlocks[] holes = _pool.Holes(peer);
            if (holes.Length == 0)
            {
                _waited[index] = 0;
                return;
            }

            // The wait restarts whenever a resent block shrank the hole: the authority is working on it.
            _waited[index] = holes[0].FirstBlockId == _waitedFor[index] ? _waited[index] + 1 : 1;
            _waitedFor[index] = holes[0].FirstBlockId;
            bool blocking = holes[0].Start == _pool.ConsumedEnd(peer) || requestsWaiting;
            if (_waited[index] < HoleWaitSlots || !blocking)
            {
                return;
            }

            long bits = _pool.WriteOffFirstHole(peer);
            _counters.Add(GatewayCounter.KeyBytesLost, StatusSnapshot.Bits(bits / 8));
            _waited[index] = 0;
            _due = true;
            _log.Write(LogLevel.Warning, "Stream " + peer.ToString() + ": blocks " + holes[0].FirstBlockId.ToString() + ".." + (holes[0].EndBlockId - 1).ToString()
                + " not resent within " + HoleWaitSlots.ToString() + " slots; " + bits.ToString() + " key bits written off.");
        }

        private void Send(ushort peer)
        {
            MissingBlocks[] holes = _pool.Holes(peer);
            int count = holes.Length < PoolResyncMessage.MaxHoles ? holes.Length : PoolResyncMessage.MaxHoles;
            uint[] first = new uint[count];
            uint[] end = new uint[count];
            for (int i = 0; i < count; i++)
            {
                first[i] = holes[i].FirstBlockId;
                end[i] = holes[i].EndBlockId;
            }

            PoolResyncMessage message = new PoolResyncMessage(
                peer, _pool.NextBlockId(peer), StatusSnapshot.Bits(_pool.StreamEnd(peer)), StatusSnapshot.Bits(_pool.ConsumedEnd(peer)), StatusSnapshot.Bits(_pool.LostBits(peer)), first, end);
            _outbox.Send(Topics.Resync(_config.GatewayId), _config.AuthorityId, _linkKeys, message);
        }
    }
}
