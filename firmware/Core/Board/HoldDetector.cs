namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// Detects a button held down for a minimum time (the zeroize button: 5 s, so a brush against it erases nothing).
    /// Fed with press and release edges and polled with the clock; reports each long hold exactly once.
    /// </summary>
    public sealed class HoldDetector
    {
        /// <summary>The zeroize button's hold time: 5 s.</summary>
        public const long ZeroizeHoldMilliseconds = 5000;

        private readonly long _hold;
        private long _pressedAt;
        private bool _pressed;
        private bool _reported;

        /// <summary>Creates a detector for holds of at least <paramref name="holdMilliseconds"/> (positive).</summary>
        public HoldDetector(long holdMilliseconds)
        {
            if (holdMilliseconds <= 0)
            {
                throw new System.ArgumentOutOfRangeException("holdMilliseconds", "The hold time must be positive.");
            }

            _hold = holdMilliseconds;
        }

        /// <summary>Gets whether the button is currently down.</summary>
        public bool IsPressed
        {
            get { return _pressed; }
        }

        /// <summary>Records that the button went down at <paramref name="now"/> (repeated presses while down are ignored).</summary>
        public void Press(long now)
        {
            if (!_pressed)
            {
                _pressed = true;
                _reported = false;
                _pressedAt = now;
            }
        }

        /// <summary>Records that the button went up.</summary>
        public void Release()
        {
            _pressed = false;
        }

        /// <summary>Returns true once per press, at the first poll when the button has been down for the hold time.</summary>
        public bool Poll(long now)
        {
            if (!_pressed || _reported || now - _pressedAt < _hold)
            {
                return false;
            }

            _reported = true;
            return true;
        }
    }
}
