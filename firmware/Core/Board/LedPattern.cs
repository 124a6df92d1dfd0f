using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// A repeating LED pattern: on for <see cref="OnMilliseconds"/>, then off for <see cref="OffMilliseconds"/>.
    /// The table of what each gateway state and pool level looks like is hardware/README.md "LED states".
    /// </summary>
    public sealed class LedPattern
    {
        private static readonly LedPattern Off = new LedPattern(0, 1000);
        private static readonly LedPattern On = new LedPattern(1000, 0);

        /// <summary>Creates a pattern; both times are non-negative and at least one is positive.</summary>
        public LedPattern(int onMilliseconds, int offMilliseconds)
        {
            if (onMilliseconds < 0 || offMilliseconds < 0 || onMilliseconds + offMilliseconds == 0)
            {
                throw new System.ArgumentOutOfRangeException("onMilliseconds", "LED times must be non-negative with a positive period.");
            }

            OnMilliseconds = onMilliseconds;
            OffMilliseconds = offMilliseconds;
        }

        /// <summary>Gets how long the LED is lit in each period.</summary>
        public int OnMilliseconds { get; private set; }

        /// <summary>Gets how long the LED is dark in each period.</summary>
        public int OffMilliseconds { get; private set; }

        /// <summary>Returns the status LED's pattern for a gateway state.</summary>
        public static LedPattern ForState(IndicatorState state)
        {
            switch (state)
            {
                case IndicatorState.Booting:
                    return new LedPattern(100, 100);
                case IndicatorState.Connecting:
                    return new LedPattern(500, 500);
                case IndicatorState.Ready:
                    return On;
                case IndicatorState.PoolLow:
                    return new LedPattern(800, 200);
                case IndicatorState.PoolEmpty:
                    return new LedPattern(100, 900);
                case IndicatorState.Zeroized:
                    return Off;
                default:
                    return new LedPattern(50, 50);
            }
        }

        /// <summary>
        /// Returns the pool LED's pattern for a fill level in percent: steady at 75 % and above, slow blink from 25 %,
        /// short flashes below 25 %, dark when empty (thresholds at the quarters, like the default low threshold of
        /// docs/gateway-service.md: 1280 of 5120 bits).
        /// </summary>
        public static LedPattern ForPoolLevel(int percent)
        {
            if (percent <= 0)
            {
                return Off;
            }

            if (percent >= 75)
            {
                return On;
            }

            return percent >= 25 ? new LedPattern(500, 500) : new LedPattern(100, 900);
        }

        /// <summary>Returns whether the LED is lit at time <paramref name="nowMilliseconds"/> (non-negative).</summary>
        public bool IsOnAt(long nowMilliseconds)
        {
            long period = OnMilliseconds + OffMilliseconds;
            return nowMilliseconds % period < OnMilliseconds;
        }
    }
}
