using System.Collections;
using System.Text;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Device.Runtime;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The core's message bus over MQTT with nanoFramework.M2Mqtt 5.1.218 (reference: its MqttClient.cs at tag v5.1.218).
    /// Publishes at QoS 1, never retained (IMessageBus contract), with a persistent session (cleanSession false, fixed
    /// client id) so the broker keeps QoS 1 key blocks while the gateway is away, and a last will ("offline", retained,
    /// on <c>&lt;status topic&gt;/online</c>; "online" is published there after each connect). What M2Mqtt does and
    /// how this adapter copes:
    /// <list type="bullet">
    /// <item>It resolves the broker's host name in its constructor and throws when the name does not resolve
    /// (MqttNetworkChannel.cs:120-135). The client is created inside the connect attempt, so a DNS failure is logged
    /// and retried with backoff like any other; a failed attempt drops the client so the next one resolves again.</item>
    /// <item>Its one in-flight queue (InflightQueueSize) holds our unacknowledged publishes and subscribes and the
    /// broker's deliveries waiting for their PUBACK; a delivery that finds it full is discarded with no ack and no
    /// event (MqttClient.cs:1108, :1366). So this adapter hands M2Mqtt at most <see cref="SendWindow"/> publishes at a
    /// time and sizes the queue with room for the broker's deliveries on top (<see cref="InflightCapacity"/>).</item>
    /// <item>Everything published waits in a bounded outbox until its PUBACK (MqttMsgPublished); a message the outbox
    /// has no room for is refused, counted in <see cref="Dropped"/> and logged - never an older one silently. The
    /// gateway runner asks <see cref="HasRoomFor"/> before it serves a slot, so key responses always have room.</item>
    /// </list>
    /// Lost connections are retried with exponential backoff (ReconnectBackoff) on a background thread; subscriptions
    /// are renewed and unacknowledged messages sent again.
    /// </summary>
    internal sealed class MqttMessageBus : IMessageBus, IOutboundFlow
    {
        /// <summary>Publishes handed to M2Mqtt before their PUBACK: 2.</summary>
        public const int SendWindow = 2;

        /// <summary>In-flight entries for the liveness publish and the subscribes waiting for SUBACK: 4.</summary>
        public const int ControlReserve = 4;

        /// <summary>In-flight entries left for the broker's deliveries waiting for their PUBACK: 16.</summary>
        public const int ReceiveReserve = 16;

        /// <summary>The M2Mqtt in-flight queue size: our window plus the reserves (M2Mqtt's default is unbounded, int.MaxValue).</summary>
        public const int InflightCapacity = SendWindow + ControlReserve + ReceiveReserve;

        /// <summary>Outbox room kept for the answers inbound messages cause (block acks, refused requests): 8.</summary>
        public const int AnswerReserve = 8;

        /// <summary>Keep-alive period in seconds (M2Mqtt's default).</summary>
        private const ushort KeepAliveSeconds = 60;

        private readonly object _gate = new object();
        private readonly DeviceSettings _settings;
        private readonly int _capacity;
        private readonly ILog _log;
        private readonly InboundMessageHandler _handler;
        private readonly string _livenessTopic;
        private readonly ArrayList _subscriptions = new ArrayList();
        private readonly ArrayList _outbox = new ArrayList();
        private readonly ReconnectBackoff _backoff = new ReconnectBackoff();
        private MqttClient _client;
        private int _sending;
        private long _dropped;
        private readonly ReconnectOnClose _reconnect;

        /// <summary>
        /// Creates the bus without touching the network (no name lookup, no connection); messages published before
        /// <see cref="Connect"/> wait in the outbox of <paramref name="outboxCapacity"/> messages.
        /// </summary>
        public MqttMessageBus(DeviceSettings settings, int outboxCapacity, ILog log, InboundMessageHandler handler)
        {
            if (outboxCapacity < 1)
            {
                throw new System.ArgumentOutOfRangeException("outboxCapacity", "The outbox must hold at least one message.");
            }

            _settings = settings;
            _capacity = outboxCapacity;
            _log = log;
            _handler = handler;
            _reconnect = new ReconnectOnClose(Connect, log);
            _livenessTopic = Topics.Status(settings.Gateway.GatewayId) + "/online";
        }

        /// <summary>
        /// Returns the outbox size a gateway needs: one slot's worst case (an answer per queued request, a supplement per
        /// peer, the status) plus <see cref="AnswerReserve"/>. With the default 64-request queue and one peer that is 74
        /// messages of about 150 bytes, held only while the broker is slow to acknowledge (hardware/memory-budget.md).
        /// </summary>
        public static int OutboxCapacityFor(GatewayQkd.Core.Gateway.GatewayConfig config)
        {
            return config.QueueCapacity + config.Peers.Length + 1 + AnswerReserve;
        }

        /// <summary>Gets the messages waiting in the outbox (not yet acknowledged by the broker).</summary>
        public int OutboxCount
        {
            get
            {
                lock (_gate)
                {
                    return _outbox.Count;
                }
            }
        }

        /// <summary>Gets the messages refused because the outbox was full.</summary>
        public long Dropped
        {
            get
            {
                lock (_gate)
                {
                    return _dropped;
                }
            }
        }

        /// <summary>Gets a value indicating whether the broker connection is up.</summary>
        public bool IsConnected
        {
            get
            {
                lock (_gate)
                {
                    return _client != null && _client.IsConnected;
                }
            }
        }

        /// <summary>Connects, retrying with backoff until the broker accepts; returns when connected.</summary>
        public void Connect()
        {
            while (!TryConnect())
            {
                int delay;
                int attempt;
                lock (_gate)
                {
                    delay = _backoff.NextDelay();
                    attempt = _backoff.Attempts;
                }

                _log.Write(LogLevel.Warning, "MQTT: attempt " + attempt.ToString() + " failed; next in " + delay.ToString() + " ms.");
                Thread.Sleep(delay);
            }
        }

        /// <inheritdoc />
        public void Publish(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (_outbox.Count >= _capacity)
                {
                    _dropped++;
                    _log.Write(LogLevel.Error, "MQTT: outbox full (" + _capacity.ToString() + " messages); message for '" + topic + "' refused (" + _dropped.ToString() + " refused so far).");
                    return;
                }

                _outbox.Add(new OutboxMessage(topic, payload));
                SendWaiting();
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

                if (_client == null || !_client.IsConnected)
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

        /// <inheritdoc />
        public bool HasRoomFor(int messages)
        {
            lock (_gate)
            {
                return _client != null && _client.IsConnected && _capacity - _outbox.Count >= messages;
            }
        }

        /// <inheritdoc />
        public void Pump()
        {
            lock (_gate)
            {
                SendWaiting();
            }
        }

        private bool TryConnect()
        {
            MqttClient client;
            lock (_gate)
            {
                client = _client;
            }

            if (client == null)
            {
                client = CreateClient();
                if (client == null)
                {
                    return false;
                }
            }

            // The blocking network connect runs outside the lock, so publishers meanwhile park in the outbox
            // instead of waiting (the gateway's slot timer and inbound messages share one lock upstream).
            MqttReasonCode code;
            try
            {
                code = client.Connect(
                    _settings.ClientId, _settings.BrokerUsername, _settings.BrokerPassword,
                    true, MqttQoSLevel.AtLeastOnce, true, _livenessTopic, "offline", false, KeepAliveSeconds);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, "MQTT: cannot reach " + _settings.BrokerHost + ":" + _settings.BrokerPort.ToString() + ": " + e.Message);
                Forget(client);
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
                    client.Publish(_livenessTopic, Encoding.UTF8.GetBytes("online"), null, null, MqttQoSLevel.AtLeastOnce, true);
                    for (int i = 0; i < _subscriptions.Count; i++)
                    {
                        client.Subscribe(new string[] { (string)_subscriptions[i] }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                    }
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Error, "MQTT: connected but could not subscribe: " + e.Message);
                    return false;
                }

                // Whatever was handed to the old connection and not acknowledged is sent again (receivers drop duplicates by their replay marks).
                for (int i = 0; i < _outbox.Count; i++)
                {
                    ((OutboxMessage)_outbox[i]).InFlight = false;
                }

                _sending = 0;
                _backoff.Reset();
                _log.Write(LogLevel.Info, "MQTT: connected to " + _settings.BrokerHost + ":" + _settings.BrokerPort.ToString() + " as " + _settings.ClientId + "; " + _outbox.Count.ToString() + " messages waiting.");
                SendWaiting();
                return true;
            }
        }

        // M2Mqtt resolves the host name here (MqttNetworkChannel.cs:120-135); a name that does not resolve throws.
        private MqttClient CreateClient()
        {
            MqttClient client;
            try
            {
                client = new MqttClient(_settings.BrokerHost, _settings.BrokerPort, false, null, null, MqttSslProtocols.None);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, "MQTT: cannot resolve broker host '" + _settings.BrokerHost + "' (" + e.Message + "); check mqtt.host in the settings file and the network's DNS.");
                return null;
            }

            client.Settings.InflightQueueSize = InflightCapacity;
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgPublished += OnPublished;
            client.ConnectionClosed += OnConnectionClosed;
            lock (_gate)
            {
                _client = client;
            }

            return client;
        }

        // A failed connect drops the client: the next attempt resolves the host name again (the address may have moved).
        private void Forget(MqttClient client)
        {
            lock (_gate)
            {
                if (_client == client)
                {
                    _client = null;
                }
            }

            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.MqttMsgPublished -= OnPublished;
            client.ConnectionClosed -= OnConnectionClosed;
            try
            {
                client.Close();
            }
            catch (System.Exception)
            {
                // nothing was open
            }
        }

        // Under _gate: hand waiting messages to M2Mqtt, in order, while the send window has room.
        private void SendWaiting()
        {
            if (_client == null || !_client.IsConnected)
            {
                return;
            }

            for (int i = 0; i < _outbox.Count && _sending < SendWindow; i++)
            {
                OutboxMessage message = (OutboxMessage)_outbox[i];
                if (message.InFlight)
                {
                    continue;
                }

                try
                {
                    message.MessageId = _client.Publish(message.Topic, message.Payload, null, null, MqttQoSLevel.AtLeastOnce, false);
                }
                catch (System.Exception e)
                {
                    _log.Write(LogLevel.Debug, "MQTT: publish to '" + message.Topic + "' deferred (" + e.Message + ").");
                    return; // in-flight queue full or connection going down: retried by the next Pump or PUBACK
                }

                message.InFlight = true;
                _sending++;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_gate)
            {
                for (int i = 0; i < _outbox.Count; i++)
                {
                    OutboxMessage message = (OutboxMessage)_outbox[i];
                    if (message.InFlight && message.MessageId == e.MessageId)
                    {
                        _sending--;
                        if (e.IsPublished)
                        {
                            _outbox.RemoveAt(i);
                        }
                        else
                        {
                            message.InFlight = false;
                        }

                        break;
                    }
                }

                SendWaiting();
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            _handler(e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, System.EventArgs e)
        {
            _reconnect.Start("MQTT: connection to " + _settings.BrokerHost + " lost; reconnecting.");
        }
    }
}
