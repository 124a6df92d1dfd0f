namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The sensor's open key requests, in a fixed-size table (no allocation per request; parallel arrays because
    /// nanoFramework 1.x has no generic collections): id, K_sec and a caller tag per slot. When the table is full the
    /// oldest request is given up (its answer, should it still come, is then ignored), so requests the gateway never
    /// answers (lost while the broker was away) cannot block the sensor forever.
    /// </summary>
    public sealed class PendingKeyRequests
    {
        private readonly uint[] _ids;
        private readonly int[] _levels;
        private readonly long[] _tags;
        private readonly long[] _order;
        private long _next = 1;
        private int _count;

        /// <summary>Creates a table for at most <paramref name="capacity"/> open requests.</summary>
        public PendingKeyRequests(int capacity)
        {
            FieldCheck.InRange("pending request capacity", capacity, 1, 65535);
            _ids = new uint[capacity];
            _levels = new int[capacity];
            _tags = new long[capacity];
            _order = new long[capacity];
        }

        /// <summary>Gets the number of open requests.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Gets how many requests were given up because the table was full.</summary>
        public long Evicted { get; private set; }

        /// <summary>Records an open request (request id 0 is reserved for "none"); gives up the oldest when full.</summary>
        public void Add(uint requestId, int securityLevel, long tag)
        {
            if (requestId == 0)
            {
                throw new System.ArgumentOutOfRangeException("requestId", "request id 0 is reserved");
            }

            int slot = Find(requestId);
            if (slot < 0)
            {
                slot = FreeSlot();
            }

            if (slot < 0)
            {
                slot = Oldest();
                Evicted++;
                _count--;
            }

            _ids[slot] = requestId;
            _levels[slot] = securityLevel;
            _tags[slot] = tag;
            _order[slot] = _next++;
            _count++;
        }

        /// <summary>Returns the slot of an open request, or -1.</summary>
        public int Find(uint requestId)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_order[i] != 0 && _ids[i] == requestId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Gets the K_sec of the request in a slot.</summary>
        public int LevelAt(int slot)
        {
            return _levels[slot];
        }

        /// <summary>Gets the caller tag of the request in a slot.</summary>
        public long TagAt(int slot)
        {
            return _tags[slot];
        }

        /// <summary>Closes the request in a slot.</summary>
        public void RemoveAt(int slot)
        {
            if (_order[slot] != 0)
            {
                _order[slot] = 0;
                _count--;
            }
        }

        private int FreeSlot()
        {
            for (int i = 0; i < _order.Length; i++)
            {
                if (_order[i] == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private int Oldest()
        {
            int oldest = 0;
            for (int i = 1; i < _order.Length; i++)
            {
                if (_order[i] < _order[oldest])
                {
                    oldest = i;
                }
            }

            return oldest;
        }
    }
}
