namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// A key supplement request K_Supplement = (QKP, K_Request) that a gateway sends to the HAP (DDKA s3.5): which pool,
    /// its level, the pending demand, the bits asked for, and the K_qua and K_sec that weigh it (eq. (2)).
    /// </summary>
    /// <remarks>Immutable. Built by <see cref="SupplementPolicy.Decide"/>; ordered at the HAP by <see cref="DdkaOrderComparer"/>.</remarks>
    public sealed class SupplementRequest : IDdkaOrderable
    {
        internal SupplementRequest(int gatewayId, int peerId, long sequence, long arrivalTime, SupplementReason reason, long poolLevelBits,
            long pendingDemandBits, long requestedBits, int weightKQuaBits, int weightKSec, double weight)
        {
            GatewayId = gatewayId;
            PeerId = peerId;
            SequenceNumber = sequence;
            ArrivalTime = arrivalTime;
            Reason = reason;
            PoolLevelBits = poolLevelBits;
            PendingDemandBits = pendingDemandBits;
            RequestedBits = requestedBits;
            WeightQuantityBits = weightKQuaBits;
            WeightSecurityLevel = weightKSec;
            Weight = weight;
        }

        /// <summary>Gets the gateway that asks.</summary>
        public int GatewayId { get; private set; }

        /// <summary>Gets the peer of the virtual key pool to fill (0 = central server).</summary>
        public int PeerId { get; private set; }

        /// <summary>Gets the gateway's supplement request counter.</summary>
        public long SequenceNumber { get; private set; }

        /// <summary>Gets the time T_arr the request was issued.</summary>
        public long ArrivalTime { get; private set; }

        /// <summary>Gets why the supplement is asked for.</summary>
        public SupplementReason Reason { get; private set; }

        /// <summary>Gets the pool level K_sur in bits when the request was issued.</summary>
        public long PoolLevelBits { get; private set; }

        /// <summary>Gets the bits the queued key requests of this pool need in total.</summary>
        public long PendingDemandBits { get; private set; }

        /// <summary>Gets the bits asked for (to reach K_threshold_high, or the pending demand if larger, within capacity).</summary>
        public long RequestedBits { get; private set; }

        /// <summary>Gets the K_qua that enters est(K): the triggering request's, or the requested bits when none.</summary>
        public int WeightQuantityBits { get; private set; }

        /// <summary>Gets the K_sec that enters est(K): the triggering request's, or 0 for plain replenishment.</summary>
        public int WeightSecurityLevel { get; private set; }

        /// <summary>Gets est(K) of eq. (2) for this request.</summary>
        public double Weight { get; private set; }

        /// <inheritdoc />
        public int SenderId
        {
            get { return GatewayId; }
        }
    }
}
