using System.Collections;
using System.Text;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The core's message bus over MQTT with nanoFramework.M2Mqtt 5.1 (reference/nanoframework-facts.md section 1).
    /// Publishes at QoS 1, never retained (IMessageBus contract). Connects with a persistent session (cleanSession
    /// false, fixed client id) so the broker keeps QoS 1 key blocks for the gateway while it is away, and with a last
    /// will: the broker publishes "offline" (retained) on the liveness topic <c>&lt;status topic&gt;/online</c> when the
    /// connection drops; the adapter publishes "online" there after each connect. Lost connections are retried with
    /// exponential backoff (ReconnectBackoff) on a background thread, subscriptions are renewed, and messages
    /// published meanwhile wait in a bounded outbox (oldest dropped, and logged, when full).
    /// </summary>
    internal sealed class MqttMessageBus : IMessageBus
    {
        /// <summary>Messages kept while disconnected: 8 (sized by hardware/memory-budget.md).</summary>
        public const int OutboxCapacity = 8;

        /// <summary>
        /// QoS 1 messages M2Mqtt may hold unacknowledged: 4. Its default is int.MaxValue (MqttSettings
        /// DefaultInflightQueueSize), i.e. unbounded memory; beyond 4, Publish throws and the message waits in the
        /// outbox (sized by hardware/memory-budget.md).
        /// </summary>
        public const int InflightCapacity = 4;

        /// <summary>Keep-alive period in seconds (M2Mqtt's default).</summary>
        private const ushort KeepAliveSeconds = 60;

        private readonly object _gate = new object();
        private readonly MqttClient _client;
        private readonly DeviceSettings _settings;
        private readonly ILog _log;
        private readonly InboundMessageHandler _handler;
        private readonly string _livenessTopic;
        private readonly ArrayList _subscriptions = new ArrayList();
        private readonly Queue _outboxTopics = new Queue();
        private readonly Queue _outboxPayloads = new Queue();
        private readonly ReconnectBackoff _backoff = new ReconnectBackoff();
        private bool _reconnecting;

        /// <summary>Creates the bus (not yet connected); inbound messages go to <paramref name="handler"/>.</summary>
        public MqttMessageBus(DeviceSettings settings, ILog log, InboundMessageHandler handler)
        {
            _settings = settings;
            _log = log;
            _handler = handler;
            _livenessTopic = Topics.Status(settings.Gateway.GatewayId) + "/online";
            _client = new MqttClient(settings.BrokerHost, settings.BrokerPort, false, null, null, MqttSslProtocols.None);
            _client.Settings.InflightQueueSize = InflightCapacity;
            _client.MqttMsgPublishReceived += OnPublishReceived;
            _client.ConnectionClosed += OnConnectionClosed;
        }

        /// <summary>Connects, retrying with backoff until the broker accepts; returns when connected.</summary>
        public void Connect()
        {
            while (!TryConnect())
            {
                int delay;
                lock (_gate)
                {
                    delay = _backoff.NextDelay();
                }

                _log.Write(LogLevel.Warning, "MQTT: connect attempt failed; next in " + delay.ToString() + " ms.");
                Thread.Sleep(delay);
            }
        }

        /// <inheritdoc />
        public void Publish(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (!_client.IsConnected || !TrySend(topic, payload))
                {
                    Park(topic, payload);
                }
            }
        }

        /// <inheritdoc />
        public void Subscribe(string topicFilter)
        {
            lock (_gate)
            {
                if (!_subscriptions.Contains(topicFilter))
                {
                    _subscriptions.Add(topicFilter);
                }

                if (!_client.IsConnected)
                {
                    return; // subscribed on the next connect
                }

                try
                {
                    _client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Warning, "MQTT: subscribe to '" + topicFilter + "' failed (" + e.Message + "); renewed on reconnect.");
                }
            }
        }

        private bool TryConnect()
        {
            // The blocking network connect runs outside the lock, so publishers meanwhile park in the outbox
            // instead of waiting (the gateway's slot timer and inbound messages share one lock upstream).
            MqttReasonCode code;
            try
            {
                code = _client.Connect(
                    _settings.ClientId, _settings.BrokerUsername, _settings.BrokerPassword,
                    true, MqttQoSLevel.AtLeastOnce, true, _livenessTopic, "offline", false, KeepAliveSeconds);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, "MQTT: cannot reach " + _settings.BrokerHost + ":" + _settings.BrokerPort.ToString() + ": " + e.Message);
                return false;
            }

            if (code != MqttReasonCode.Success)
            {
                _log.Write(LogLevel.Error, "MQTT: broker " + _settings.BrokerHost + " refused the connection, reason code " + ((int)code).ToString() + ".");
                return false;
            }

            lock (_gate)
            {
                try
                {
                    _client.Publish(_livenessTopic, Encoding.UTF8.GetBytes("online"), null, null, MqttQoSLevel.AtLeastOnce, true);
                    for (int i = 0; i < _subscriptions.Count; i++)
                    {
                        _client.Subscribe(new string[] { (string)_subscriptions[i] }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                    }
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "MQTT: connected but could not subscribe: " + e.Message);
                    return false;
                }

                _backoff.Reset();
                _log.Write(LogLevel.Info, "MQTT: connected to " + _settings.BrokerHost + ":" + _settings.BrokerPort.ToString() + " as " + _settings.ClientId + ".");
                FlushOutbox();
                return true;
            }
        }

        private bool TrySend(string topic, byte[] payload)
        {
            try
            {
                _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, false);
                return true;
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Warning, "MQTT: publish to '" + topic + "' failed (" + e.Message + "); kept for resending.");
                return false;
            }
        }

        private void Park(string topic, byte[] payload)
        {
            if (_outboxTopics.Count == OutboxCapacity)
            {
                _log.Write(LogLevel.Warning, "MQTT: outbox full; dropped the oldest message, for '" + (string)_outboxTopics.Dequeue() + "'.");
                _outboxPayloads.Dequeue();
            }

            _outboxTopics.Enqueue(topic);
            _outboxPayloads.Enqueue(payload);
        }

        private void FlushOutbox()
        {
            while (_outboxTopics.Count > 0 && TrySend((string)_outboxTopics.Peek(), (byte[])_outboxPayloads.Peek()))
            {
                _outboxTopics.Dequeue();
                _outboxPayloads.Dequeue();
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            _handler(e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, System.EventArgs e)
        {
            lock (_gate)
            {
                if (_reconnecting)
                {
                    return;
                }

                _reconnecting = true;
            }

            _log.Write(LogLevel.Warning, "MQTT: connection to " + _settings.BrokerHost + " lost; reconnecting.");
            new Thread(Reconnect).Start();
        }

        private void Reconnect()
        {
            Connect();
            lock (_gate)
            {
                _reconnecting = false;
            }
        }
    }
}
