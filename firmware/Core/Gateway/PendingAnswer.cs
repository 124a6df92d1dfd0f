using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// An answer to a key request decided during a slot but held back until the slot's group commit is durable
    /// (<see cref="SlotCommit"/>): a served key (its reserved range and bytes) or a not-served status.
    /// </summary>
    internal sealed class PendingAnswer
    {
        private PendingAnswer(ushort sensorId, uint requestId, TakeResult taken, KeyResponseStatus status, KeyResponseReason reason)
        {
            SensorId = sensorId;
            RequestId = requestId;
            Taken = taken;
            Status = status;
            Reason = reason;
        }

        public ushort SensorId { get; private set; }

        public uint RequestId { get; private set; }

        /// <summary>Gets the reserved key (null for a not-served answer).</summary>
        public TakeResult Taken { get; private set; }

        public KeyResponseStatus Status { get; private set; }

        public KeyResponseReason Reason { get; private set; }

        public static PendingAnswer Served(ushort sensorId, uint requestId, TakeResult taken)
        {
            return new PendingAnswer(sensorId, requestId, taken, KeyResponseStatus.Ok, KeyResponseReason.None);
        }

        public static PendingAnswer NotServed(ushort sensorId, uint requestId, KeyResponseStatus status, KeyResponseReason reason)
        {
            return new PendingAnswer(sensorId, requestId, null, status, reason);
        }
    }
}
