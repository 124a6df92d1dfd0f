namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// The DDKA response order (paper s3.3 and s3.5): first the arrival slot floor(t_arr / t_slot), then est(K) of
    /// eq. (5) ascending, then the deterministic tie-break arrival time, sender id, sequence number (all ascending).
    /// Within a slot, plaintext items (K_qua 0) come before keyed ones because they use no key and no link time.
    /// </summary>
    /// <remarks>Immutable and stateless apart from its two parameters, so one instance may be shared.</remarks>
    public sealed class DdkaOrderComparer : System.Collections.IComparer
    {
        /// <summary>Creates the order for a slot length t_slot (positive, unit of the arrival times) and a trade-off w in [0, 1].</summary>
        public DdkaOrderComparer(long slotLength, double w)
        {
            if (slotLength <= 0)
            {
                throw new System.ArgumentOutOfRangeException("slotLength", "The slot length t_slot must be positive.");
            }

            if (!ResponseWeight.IsValidTradeOff(w))
            {
                throw new System.ArgumentOutOfRangeException("w", "The trade-off w must lie in [0, 1].");
            }

            SlotLength = slotLength;
            TradeOff = w;
        }

        /// <summary>Gets the slot length t_slot.</summary>
        public long SlotLength { get; private set; }

        /// <summary>Gets the trade-off w between quantity and security.</summary>
        public double TradeOff { get; private set; }

        /// <summary>Returns the slot index floor(arrival / t_slot) of a non-negative arrival time.</summary>
        public long SlotOf(long arrivalTime)
        {
            return arrivalTime / SlotLength;
        }

        /// <summary>Returns est(K) of an item under this order's w, or 0 for a plaintext item.</summary>
        public double WeightOf(IDdkaOrderable item)
        {
            return item.WeightQuantityBits == 0 ? 0.0 : ResponseWeight.Estimate(item.WeightQuantityBits, item.WeightSecurityLevel, TradeOff);
        }

        /// <summary>Compares two <see cref="IDdkaOrderable"/> items; negative when x is served first.</summary>
        public int Compare(object x, object y)
        {
            IDdkaOrderable a = (IDdkaOrderable)x;
            IDdkaOrderable b = (IDdkaOrderable)y;
            if (ReferenceEquals(a, b))
            {
                return 0;
            }

            // Highest priority: the arrival slot (DDKA s3.3 rule 1).
            int c = CompareLong(SlotOf(a.ArrivalTime), SlotOf(b.ArrivalTime));
            if (c != 0)
            {
                return c;
            }

            // Plaintext first, then est(K) ascending (DDKA s3.3 rule 2, eq. (5)).
            bool aKeyed = a.WeightQuantityBits != 0;
            bool bKeyed = b.WeightQuantityBits != 0;
            if (aKeyed != bKeyed)
            {
                return aKeyed ? 1 : -1;
            }

            // Equal K_qua and K_sec give equal est(K): skip the two logarithms (the common case of uniform requests,
            // where they cost more than the rest of the comparison).
            if (aKeyed && (a.WeightQuantityBits != b.WeightQuantityBits || a.WeightSecurityLevel != b.WeightSecurityLevel))
            {
                double ea = WeightOf(a);
                double eb = WeightOf(b);
                if (ea < eb)
                {
                    return -1;
                }

                if (ea > eb)
                {
                    return 1;
                }
            }

            // Tie-break (ours, the paper leaves it open): earlier arrival, then lower sender id, then lower sequence number.
            c = CompareLong(a.ArrivalTime, b.ArrivalTime);
            if (c != 0)
            {
                return c;
            }

            c = CompareLong(a.SenderId, b.SenderId);
            return c != 0 ? c : CompareLong(a.SequenceNumber, b.SequenceNumber);
        }

        private static int CompareLong(long a, long b)
        {
            return a < b ? -1 : (a > b ? 1 : 0);
        }
    }
}
