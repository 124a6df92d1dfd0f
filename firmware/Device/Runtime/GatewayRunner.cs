using System.Threading;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Runtime
{
    /// <summary>
    /// Runs the gateway service on the device's threads: M2Mqtt's dispatch thread (inbound messages), a 100 ms timer
    /// (slot ticks) and the button's timer (zeroize). The service is not thread-safe, so all three take one lock.
    /// </summary>
    internal sealed class GatewayRunner
    {
        /// <summary>Tick period: 100 ms, a tenth of the default 1 s slot, so a slot's requests are served within 0.1 s of its end.</summary>
        private const int TickMilliseconds = 100;

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly ILog _log;
        private GatewayService _service;
        private Timer _ticker;

        /// <summary>Creates a runner; messages arriving before <see cref="Start"/> are dropped and logged.</summary>
        public GatewayRunner(IClock clock, ILog log)
        {
            _clock = clock;
            _log = log;
        }

        /// <summary>Starts the service (subscriptions, first status) and its slot timer.</summary>
        public void Start(GatewayService service)
        {
            lock (_gate)
            {
                _service = service;
                service.Start();
            }

            _ticker = new Timer(Tick, null, TickMilliseconds, TickMilliseconds);
        }

        /// <summary>Hands one inbound MQTT message to the service.</summary>
        public void HandleMessage(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (_service == null)
                {
                    _log.Write(LogLevel.Warning, "Gateway: not started yet; message on '" + topic + "' dropped.");
                    return;
                }

                try
                {
                    _service.HandleMessage(topic, payload);
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Gateway: message on '" + topic + "' failed: " + e.Message);
                }
            }
        }

        /// <summary>Erases the key pool (the zeroize button's action).</summary>
        public void Zeroize()
        {
            lock (_gate)
            {
                if (_service == null)
                {
                    _log.Write(LogLevel.Warning, "Gateway: zeroize pressed before start; nothing erased.");
                    return;
                }

                _service.Zeroize();
            }
        }

        private void Tick(object state)
        {
            lock (_gate)
            {
                try
                {
                    _service.Tick(_clock.NowMilliseconds);
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Gateway: slot tick failed: " + e.Message);
                }
            }
        }
    }
}
