namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// Delays between reconnection attempts (Wi-Fi, MQTT broker): exponential backoff, doubling from the first delay up
    /// to a cap, so a gateway retries quickly after a short outage but does not hammer a broker that is down
    /// (the "exponential backoff" of the MQTT reconnect practice; the cap bounds the wait once the broker is back).
    /// </summary>
    public sealed class ReconnectBackoff
    {
        /// <summary>Default first delay: 1 s.</summary>
        public const int DefaultFirstMilliseconds = 1000;

        /// <summary>Default cap: 60 s, the MQTT keep-alive period the device uses (a retry at most once per keep-alive).</summary>
        public const int DefaultMaxMilliseconds = 60000;

        private readonly int _first;
        private readonly int _max;
        private int _next;

        /// <summary>Creates a backoff with the defaults (1 s doubling up to 60 s).</summary>
        public ReconnectBackoff()
            : this(DefaultFirstMilliseconds, DefaultMaxMilliseconds)
        {
        }

        /// <summary>Creates a backoff; the first delay must be positive and not above the cap.</summary>
        public ReconnectBackoff(int firstMilliseconds, int maxMilliseconds)
        {
            if (firstMilliseconds <= 0 || maxMilliseconds < firstMilliseconds)
            {
                throw new System.ArgumentOutOfRangeException("firstMilliseconds", "The first delay must be positive and not above the cap.");
            }

            _first = firstMilliseconds;
            _max = maxMilliseconds;
            _next = firstMilliseconds;
        }

        /// <summary>Gets the number of delays handed out since the last success.</summary>
        public int Attempts { get; private set; }

        /// <summary>Returns the delay before the next attempt and doubles the following one, up to the cap.</summary>
        public int NextDelay()
        {
            int delay = _next;
            _next = delay > _max / 2 ? _max : delay * 2;
            Attempts++;
            return delay;
        }

        /// <summary>Starts over after a successful connection.</summary>
        public void Reset()
        {
            _next = _first;
            Attempts = 0;
        }
    }
}
