using System.Device.Gpio;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Board;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The zeroize push button: held down for 5 s (HoldDetector.ZeroizeHoldMilliseconds) it erases the key pool.
    /// The pin is polled every 100 ms rather than watched for edges, so contact bounce cannot start or end a hold
    /// (a bounce lasts a few ms; the hold needs 50 consecutive Low readings' worth of time).
    /// </summary>
    internal sealed class ZeroizeButton
    {
        private const int PollMilliseconds = 100;

        private readonly GpioPin _pin;
        private readonly IClock _clock;
        private readonly HoldDetector _hold = new HoldDetector(HoldDetector.ZeroizeHoldMilliseconds);
        private readonly ThreadStart _onHeld;
        private readonly Timer _timer;

        /// <summary>Opens the button pin (input with pull-up) and calls <paramref name="onHeld"/> once per 5 s hold.</summary>
        public ZeroizeButton(GpioController gpio, IClock clock, ThreadStart onHeld)
        {
            _clock = clock;
            _onHeld = onHeld;
            _pin = gpio.OpenPin(BoardPins.ZeroizeButton, PinMode.InputPullUp);
            _timer = new Timer(Poll, null, PollMilliseconds, PollMilliseconds);
        }

        /// <summary>Gets the GPIO number of the button.</summary>
        public int Pin
        {
            get { return _pin.PinNumber; }
        }

        private void Poll(object state)
        {
            long now = _clock.NowMilliseconds;
            if (_pin.Read() == PinValue.Low)
            {
                _hold.Press(now);
            }
            else
            {
                _hold.Release();
            }

            if (_hold.Poll(now))
            {
                _onHeld();
            }
        }
    }
}
