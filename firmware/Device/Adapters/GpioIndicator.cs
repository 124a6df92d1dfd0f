using System.Device.Gpio;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Board;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The status LED and the pool-level LED. Show/ShowPoolLevel only pick a pattern (LedPattern); a timer redraws
    /// both LEDs every 50 ms from the clock, so callers never block on blinking. What each pattern means:
    /// hardware/README.md "LED states".
    /// </summary>
    internal sealed class GpioIndicator : IIndicator
    {
        private const int RefreshMilliseconds = 50;

        private readonly GpioPin _statusLed;
        private readonly GpioPin _poolLed;
        private readonly IClock _clock;
        private readonly Timer _timer;
        private LedPattern _status = LedPattern.ForState(IndicatorState.Booting);
        private LedPattern _pool = LedPattern.ForPoolLevel(0);

        /// <summary>Opens both LED pins as outputs and starts redrawing them.</summary>
        public GpioIndicator(GpioController gpio, IClock clock)
        {
            _clock = clock;
            _statusLed = gpio.OpenPin(BoardPins.StatusLed, PinMode.Output);
            _poolLed = gpio.OpenPin(BoardPins.PoolLed, PinMode.Output);
            _timer = new Timer(Redraw, null, 0, RefreshMilliseconds);
        }

        /// <inheritdoc />
        public void Show(IndicatorState state)
        {
            _status = LedPattern.ForState(state);
        }

        /// <inheritdoc />
        public void ShowPoolLevel(int percent)
        {
            _pool = LedPattern.ForPoolLevel(percent);
        }

        private void Redraw(object state)
        {
            long now = _clock.NowMilliseconds;
            _statusLed.Write(_status.IsOnAt(now) ? PinValue.High : PinValue.Low);
            _poolLed.Write(_pool.IsOnAt(now) ? PinValue.High : PinValue.Low);
        }
    }
}
