using System.Threading;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Sensor.Runtime
{
    /// <summary>
    /// Runs the core's sensor state machine (<see cref="SensorClient"/>) on the board: a timer asks for one key per
    /// telemetry period, at the configured levels in turn; inbound messages go to SensorClient.HandleMessage. One lock
    /// serialises the timer and M2Mqtt's dispatch thread (SensorClient is not thread-safe).
    /// </summary>
    internal sealed class SensorRunner
    {
        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IIndicator _indicator;
        private readonly int[] _levels;
        private SensorClient _client;
        private Timer _timer;
        private int _nextLevel;

        /// <summary>Creates the runner; <see cref="Start"/> attaches the client.</summary>
        public SensorRunner(int[] levels, IClock clock, ILog log, IIndicator indicator)
        {
            _levels = levels;
            _clock = clock;
            _log = log;
            _indicator = indicator;
        }

        /// <summary>Subscribes the client's response topic and starts asking every <paramref name="periodMilliseconds"/>.</summary>
        public void Start(SensorClient client, IMessageBus bus, long periodMilliseconds)
        {
            lock (_gate)
            {
                _client = client;
            }

            bus.Subscribe(client.ResponseTopic);
            _indicator.Show(IndicatorState.Ready);
            _timer = new Timer(OnPeriod, null, 0, (int)periodMilliseconds);
        }

        /// <summary>Hands one inbound message to the state machine and logs what it did (M2Mqtt's dispatch thread).</summary>
        public void HandleMessage(string topic, byte[] payload)
        {
            SensorOutcome outcome;
            lock (_gate)
            {
                if (_client == null)
                {
                    return; // not started yet; a clean session has nothing queued for us
                }

                try
                {
                    outcome = _client.HandleMessage(topic, payload);
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Sensor: message on '" + topic + "' failed: " + e.Message);
                    return;
                }
            }

            Report(outcome);
        }

        private void OnPeriod(object state)
        {
            lock (_gate)
            {
                int level = _levels[_nextLevel];
                _nextLevel = (_nextLevel + 1) % _levels.Length;
                try
                {
                    uint id = _client.RequestKey(level, _clock.NowMilliseconds);
                    _log.Write(LogLevel.Info, "Sensor: requested key " + id.ToString() + " at K_sec " + level.ToString() + " (" + _client.Pending.Count.ToString() + " open, " + _client.Pending.Evicted.ToString() + " given up).");
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "Sensor: key request failed: " + e.Message);
                }
            }
        }

        private void Report(SensorOutcome outcome)
        {
            switch (outcome.Kind)
            {
                case SensorOutcomeKind.Served:
                    long latency = _clock.NowMilliseconds - outcome.Tag;
                    _log.Write(LogLevel.Info, "Sensor: key " + outcome.RequestId.ToString() + " served after " + latency.ToString() + " ms; sent " + outcome.Reading.Length.ToString() + " bytes of telemetry at K_sec " + outcome.KSec.ToString() + ".");
                    break;
                case SensorOutcomeKind.Waiting:
                    _log.Write(LogLevel.Info, "Sensor: request " + outcome.RequestId.ToString() + " queued by the gateway.");
                    break;
                case SensorOutcomeKind.Refused:
                    _log.Write(LogLevel.Warning, "Sensor: request " + outcome.RequestId.ToString() + " refused by the gateway.");
                    break;
                case SensorOutcomeKind.NotForThisSensor:
                    break;
                default:
                    _log.Write(LogLevel.Warning, "Sensor: ignored a message: " + outcome.Message);
                    break;
            }
        }
    }
}
