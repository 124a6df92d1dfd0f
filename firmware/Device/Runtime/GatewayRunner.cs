using System.Threading;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Runtime
{
    /// <summary>
    /// Runs the gateway service on the device's threads: M2Mqtt's dispatch thread (inbound messages), a 100 ms timer
    /// (slot ticks) and the button's timer (zeroize). The service is not thread-safe, so all three take one lock.
    /// The runner exists from power-on, before the settings are read or the network is up, so the zeroize button works
    /// at any time: with no service yet (or none at all, when the settings are bad) it erases the key store directly.
    /// A slot is served only when the bus can keep every message it may publish (<see cref="IOutboundFlow"/>).
    /// </summary>
    internal sealed class GatewayRunner
    {
        /// <summary>Tick period: 100 ms, a tenth of the default 1 s slot, so a slot's requests are served within 0.1 s of its end.</summary>
        private const int TickMilliseconds = 100;

        private readonly object _gate = new object();
        private readonly IKeyStorage _storage;
        private readonly IClock _clock;
        private readonly ILog _log;
        private GatewayService _service;
        private IOutboundFlow _flow;
        private int _peerCount;
        private long _heldTicks;
        private Timer _ticker;

        /// <summary>Creates a runner on the key store; the service comes with <see cref="Start"/>.</summary>
        public GatewayRunner(IKeyStorage storage, IClock clock, ILog log)
        {
            _storage = storage;
            _clock = clock;
            _log = log;
        }

        /// <summary>Gets the slot ticks held back because the bus could not have kept their messages.</summary>
        public long HeldTicks
        {
            get
            {
                lock (_gate)
                {
                    return _heldTicks;
                }
            }
        }

        /// <summary>
        /// Recovers the key pool and the replay state from the key store, starts the service (subscriptions, first
        /// status: both wait in the bus until it connects) and its slot timer. Returns false, after logging why, when the
        /// service cannot start.
        /// </summary>
        public bool Start(GatewayConfig config, ICryptoPrimitives crypto, IRandomSource random, IMessageBus bus, IOutboundFlow flow, IIndicator indicator)
        {
            lock (_gate)
            {
                try
                {
                    GatewayService service = new GatewayService(config, _storage, crypto, random, _clock, bus, indicator, _log);
                    service.Start();
                    _service = service;
                    _flow = flow;
                    _peerCount = config.Peers.Length;
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Gateway: cannot start: " + e.Message);
                    return false;
                }
            }

            _ticker = new Timer(Tick, null, TickMilliseconds, TickMilliseconds);
            return true;
        }

        /// <summary>Hands one inbound MQTT message to the service.</summary>
        public void HandleMessage(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (_service == null)
                {
                    // Program connects the bus only after Start, so this means a wiring fault: say so loudly.
                    _log.Write(LogLevel.Error, "Gateway: message on '" + topic + "' arrived before the service started; it is lost.");
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

        /// <summary>Erases the key pool (the zeroize button's action), with or without a running service.</summary>
        public void Zeroize()
        {
            lock (_gate)
            {
                try
                {
                    if (_service != null)
                    {
                        _service.Zeroize();
                        return;
                    }

                    // No service (still booting, or halted on bad settings): open the pool on the store and erase it.
                    long erased = KeyPool.Open(_storage).Zeroize();
                    _log.Write(LogLevel.Warning, "Pool zeroized before the gateway started: " + erased.ToString() + " key bits erased.");
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Zeroize failed: " + e.Message);
                }
            }
        }

        private void Tick(object state)
        {
            lock (_gate)
            {
                try
                {
                    _flow.Pump();

                    // A slot may answer every queued request, ask one supplement per peer and publish the status.
                    if (!_flow.HasRoomFor(_service.QueueLength + _peerCount + 1))
                    {
                        _heldTicks++;
                        return;
                    }

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
