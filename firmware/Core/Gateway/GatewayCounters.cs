namespace GatewayQkd.Core.Gateway
{
    /// <summary>The gateway's event counters, indexed by <see cref="GatewayCounter"/> (saturating at 2^32 - 1).</summary>
    public sealed class GatewayCounters
    {
        /// <summary>The number of counters (one past the last <see cref="GatewayCounter"/>).</summary>
        public const int Count = 16;

        private readonly uint[] _values = new uint[Count];

        /// <summary>Returns a counter's value.</summary>
        public uint this[GatewayCounter counter]
        {
            get { return _values[(int)counter]; }
        }

        /// <summary>Adds one to a counter.</summary>
        public void Increment(GatewayCounter counter)
        {
            Add(counter, 1);
        }

        /// <summary>Adds <paramref name="amount"/> to a counter, stopping at the largest value.</summary>
        public void Add(GatewayCounter counter, uint amount)
        {
            uint value = _values[(int)counter];
            _values[(int)counter] = value > 0xFFFFFFFFu - amount ? 0xFFFFFFFFu : value + amount;
        }

        /// <summary>Returns a copy of all counters in index order.</summary>
        public uint[] Snapshot()
        {
            uint[] copy = new uint[Count];
            System.Array.Copy(_values, copy, Count);
            return copy;
        }
    }
}
