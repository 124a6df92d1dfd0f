namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// The DDKA supplement policy of one quantum key pool (paper s3.4, eqs. (6) and (7)): below K_threshold_low the
    /// gateway asks for keys up to K_threshold_high; when queued requests need more than the pool holds it asks on
    /// demand; otherwise (K_sur at or above the low threshold and enough keys) it asks for nothing.
    /// </summary>
    /// <remarks>Immutable and pure: the caller supplies the level and demand and sends the request it gets back.</remarks>
    public sealed class SupplementPolicy
    {
        /// <summary>Creates the policy; thresholds must satisfy 0 &lt;= low &lt;= high &lt;= capacity, capacity positive, w in [0, 1].</summary>
        public SupplementPolicy(long capacityBits, long lowThresholdBits, long highThresholdBits, double w)
        {
            if (capacityBits <= 0)
            {
                throw new System.ArgumentOutOfRangeException("capacityBits", "The pool capacity must be positive.");
            }

            if (lowThresholdBits < 0 || lowThresholdBits > highThresholdBits)
            {
                throw new System.ArgumentOutOfRangeException("lowThresholdBits", "K_threshold_low must lie in [0, K_threshold_high].");
            }

            if (highThresholdBits > capacityBits)
            {
                throw new System.ArgumentOutOfRangeException("highThresholdBits", "K_threshold_high must not exceed the pool capacity.");
            }

            if (!ResponseWeight.IsValidTradeOff(w))
            {
                throw new System.ArgumentOutOfRangeException("w", "The trade-off w must lie in [0, 1].");
            }

            CapacityBits = capacityBits;
            LowThresholdBits = lowThresholdBits;
            HighThresholdBits = highThresholdBits;
            TradeOff = w;
        }

        /// <summary>Gets the pool capacity in bits.</summary>
        public long CapacityBits { get; private set; }

        /// <summary>Gets K_threshold_low in bits.</summary>
        public long LowThresholdBits { get; private set; }

        /// <summary>Gets K_threshold_high in bits.</summary>
        public long HighThresholdBits { get; private set; }

        /// <summary>Gets the trade-off w used to weigh supplement requests.</summary>
        public double TradeOff { get; private set; }

        /// <summary>Returns true when the level is below K_threshold_low (eq. (6) applies).</summary>
        public bool IsBelowLow(long levelBits)
        {
            return levelBits < LowThresholdBits;
        }

        /// <summary>
        /// Returns the bits to ask for at this level and demand: 0 when no supplement is due (eq. (7)); otherwise enough
        /// to reach K_threshold_high, or the pending demand when that is larger, never beyond the capacity.
        /// </summary>
        public long RequiredBits(long levelBits, long pendingDemandBits)
        {
            if (levelBits < 0 || pendingDemandBits < 0)
            {
                throw new System.ArgumentOutOfRangeException("levelBits", "Pool level and demand must not be negative.");
            }

            bool shortOfKeys = pendingDemandBits > levelBits;
            if (!shortOfKeys && !IsBelowLow(levelBits))
            {
                return 0;
            }

            long target = HighThresholdBits;
            if (pendingDemandBits > target)
            {
                target = pendingDemandBits;
            }

            if (target > CapacityBits)
            {
                target = CapacityBits;
            }

            return target > levelBits ? target - levelBits : 0;
        }

        /// <summary>
        /// Decides whether to send a supplement request and builds it, or returns null when none is due. The trigger is
        /// the first queued request that the pool cannot serve (K_qua and K_sec; pass 0 and 0 when there is none).
        /// </summary>
        public SupplementRequest Decide(int gatewayId, int peerId, long sequence, long now, long levelBits, long pendingDemandBits,
            int triggerKQuaBits, int triggerKSec)
        {
            long required = RequiredBits(levelBits, pendingDemandBits);
            if (required == 0)
            {
                return null;
            }

            SupplementReason reason = pendingDemandBits > levelBits ? SupplementReason.InsufficientKeys : SupplementReason.BelowLowThreshold;

            // DDKA eq. (2): an on-demand supplement carries the weight of the request that triggered it; a plain
            // replenishment is weighed by its own size at K_sec 0, the least urgent level.
            int weightKQua = triggerKQuaBits;
            int weightKSec = triggerKSec;
            if (triggerKQuaBits <= 0)
            {
                weightKQua = required > int.MaxValue ? int.MaxValue : (int)required;
                weightKSec = SecurityLevel.Plaintext;
            }

            double weight = ResponseWeight.Estimate(weightKQua, weightKSec, TradeOff);
            return new SupplementRequest(gatewayId, peerId, sequence, now, reason, levelBits, pendingDemandBits, required, weightKQua, weightKSec, weight);
        }
    }
}
