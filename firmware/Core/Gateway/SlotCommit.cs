using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The gateway's group commit (docs/gateway-service.md, "Durability order"): the key ranges reserved for the
    /// requests of a slot, the sensor replay marks staged since the last commit and the send counters of the slot's
    /// answers go to storage in one pool snapshot write (<see cref="KeyPool.Commit"/>, <see cref="SlotAttachment"/>);
    /// only after it returns may any reserved key byte or any answer to those frames be published. So a slot costs
    /// one state commit however many requests it serves, a key is never handed out twice, a frame whose effect anyone
    /// could see is never accepted again and no counter is used twice, across power cuts.
    /// </summary>
    internal sealed class SlotCommit
    {
        private readonly KeyPool _pool;
        private readonly ReplayGuard _sensorMarks;
        private readonly SendCounter _counter;

        public SlotCommit(KeyPool pool, ReplayGuard sensorMarks, SendCounter counter)
        {
            _pool = pool;
            _sensorMarks = sensorMarks;
            _counter = counter;
        }

        /// <summary>Gets a value indicating whether anything waits to be committed (reserved ranges or staged marks).</summary>
        public bool IsDue
        {
            get { return _pool.ReservedCount > 0 || _sensorMarks.HasStagedMarks; }
        }

        /// <summary>
        /// Commits the reserved ranges, the staged marks and a counter reservation covering the next
        /// <paramref name="frames"/> frames in one write, when any of them needs it; throws what the storage throws
        /// (then nothing of it counts as committed but the ranges, which the pool counts lost).
        /// </summary>
        public void CommitIfDue(int frames)
        {
            uint counterEnd = _counter.ReservationFor(frames);
            if (!IsDue && counterEnd == _counter.Reserved)
            {
                return;
            }

            _pool.Commit(SlotAttachment.Build(counterEnd, _sensorMarks.Table()));
            _sensorMarks.MarkCommitted();
            _counter.Committed(counterEnd);
        }
    }
}
