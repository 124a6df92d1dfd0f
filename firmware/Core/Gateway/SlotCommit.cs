using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The gateway's group commit (docs/gateway-service.md, "Durability order"): the key ranges reserved for the
    /// requests of a slot and the sensor replay marks staged since the last commit go to storage in one pool snapshot
    /// write (<see cref="KeyPool.Commit"/>); only after it returns may any reserved key byte or any answer to those
    /// frames be published. So a slot costs one state commit however many requests it serves, a key is never handed
    /// out twice and a frame whose effect anyone could see is never accepted again, across power cuts.
    /// </summary>
    internal sealed class SlotCommit
    {
        private readonly KeyPool _pool;
        private readonly ReplayGuard _sensorMarks;

        public SlotCommit(KeyPool pool, ReplayGuard sensorMarks)
        {
            _pool = pool;
            _sensorMarks = sensorMarks;
        }

        /// <summary>Gets a value indicating whether anything waits to be committed (reserved ranges or staged marks).</summary>
        public bool IsDue
        {
            get { return _pool.ReservedCount > 0 || _sensorMarks.HasStagedMarks; }
        }

        /// <summary>Commits the reserved ranges and the staged marks in one write, when there are any; throws what the storage throws.</summary>
        public void CommitIfDue()
        {
            if (!IsDue)
            {
                return;
            }

            _pool.Commit(_sensorMarks.Table());
            _sensorMarks.MarkCommitted();
        }
    }
}
