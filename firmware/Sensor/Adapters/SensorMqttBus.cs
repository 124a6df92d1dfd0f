using System.Collections;
using System.Threading;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Adapters;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace GatewayQkd.Sensor.Adapters
{
    /// <summary>
    /// The sensor's message bus over MQTT with nanoFramework.M2Mqtt (QoS 1, never retained: the IMessageBus contract).
    /// A sensor keeps nothing precious on the broker, so it differs from the gateway's bus on purpose:
    /// a clean session (a response missed while away is not replayed: the request is given up by the core's
    /// PendingKeyRequests and the next period asks again), no last will, and no outbox (a publish while disconnected is
    /// dropped, counted and logged: the reading is taken again next period).
    /// The M2Mqtt client is created inside each connect attempt, because its constructor resolves the broker's host name
    /// and throws when the name does not resolve (nanoframework/nanoFramework.m2mqtt v5.1.218 M2Mqtt/MqttClient.cs:347,
    /// M2Mqtt/Net/MqttNetworkChannel.cs:123 Dns.GetHostEntry): a DNS failure is retried with backoff and logged.
    /// </summary>
    internal sealed class SensorMqttBus : IMessageBus
    {
        /// <summary>
        /// QoS 1 messages M2Mqtt may hold unacknowledged: 8, twice the default open requests, so responses are not
        /// discarded by a full in-flight queue (M2Mqtt v5.1.218 drops an incoming QoS 1 message silently then:
        /// M2Mqtt/MqttClient.cs:1108 bounds the queue, :1366 ignores EnqueueInflight's result).
        /// </summary>
        public const int InflightCapacity = 8;

        /// <summary>Keep-alive period in seconds (M2Mqtt's default).</summary>
        private const ushort KeepAliveSeconds = 60;

        private readonly object _gate = new object();
        private readonly NetworkSettings _network;
        private readonly string _clientId;
        private readonly ILog _log;
        private readonly InboundMessageHandler _handler;
        private readonly ArrayList _subscriptions = new ArrayList();
        private readonly ReconnectBackoff _backoff = new ReconnectBackoff();
        private MqttClient _client;
        private readonly ReconnectOnClose _reconnect;

        /// <summary>Creates the bus (not yet connected); inbound messages go to <paramref name="handler"/>.</summary>
        public SensorMqttBus(NetworkSettings network, string clientId, ILog log, InboundMessageHandler handler)
        {
            _network = network;
            _clientId = clientId;
            _log = log;
            _handler = handler;
            _reconnect = new ReconnectOnClose(Connect, log);
        }

        /// <summary>Gets how many messages were dropped because the broker was away or the publish failed.</summary>
        public long Dropped { get; private set; }

        /// <summary>Connects, retrying with backoff until the broker accepts; returns when connected.</summary>
        public void Connect()
        {
            while (!TryConnect())
            {
                int delay = _backoff.NextDelay();
                _log.Write(LogLevel.Warning, "MQTT: attempt " + _backoff.Attempts.ToString() + " failed; next in " + delay.ToString() + " ms.");
                Thread.Sleep(delay);
            }
        }

        /// <inheritdoc />
        public void Publish(string topic, byte[] payload)
        {
            lock (_gate)
            {
                if (_client == null || !_client.IsConnected)
                {
                    Drop(topic, "not connected");
                    return;
                }

                try
                {
                    _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, false);
                }
                catch (System.Exception e)
                {
                    Drop(topic, e.Message);
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

                if (_client != null && _client.IsConnected)
                {
                    SubscribeAll();
                }
            }
        }

        private bool TryConnect()
        {
            MqttClient client;
            try
            {
                client = new MqttClient(_network.BrokerHost, _network.BrokerPort, false, null, null, MqttSslProtocols.None);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, "MQTT: cannot resolve broker '" + _network.BrokerHost + "': " + e.Message);
                return false;
            }

            client.Settings.InflightQueueSize = InflightCapacity;
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.ConnectionClosed += OnConnectionClosed;
            MqttReasonCode code;
            try
            {
                code = client.Connect(_clientId, _network.BrokerUsername, _network.BrokerPassword, true, KeepAliveSeconds);
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Error, "MQTT: cannot reach " + _network.BrokerHost + ":" + _network.BrokerPort.ToString() + ": " + e.Message);
                return false;
            }

            if (code != MqttReasonCode.Success)
            {
                _log.Write(LogLevel.Error, "MQTT: broker " + _network.BrokerHost + " refused the connection, reason code " + ((int)code).ToString() + ".");
                return false;
            }

            lock (_gate)
            {
                _client = client;
                _backoff.Reset();
                SubscribeAll();
            }

            _log.Write(LogLevel.Info, "MQTT: connected to " + _network.BrokerHost + ":" + _network.BrokerPort.ToString() + " as " + _clientId + ".");
            return true;
        }

        private void SubscribeAll()
        {
            try
            {
                for (int i = 0; i < _subscriptions.Count; i++)
                {
                    _client.Subscribe(new string[] { (string)_subscriptions[i] }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                }
            }
            catch (System.Exception e)
            {
                _log.Write(LogLevel.Warning, "MQTT: subscribe failed (" + e.Message + "); renewed on reconnect.");
            }
        }

        private void Drop(string topic, string why)
        {
            Dropped++;
            _log.Write(LogLevel.Warning, "MQTT: dropped a message for '" + topic + "' (" + why + "); " + Dropped.ToString() + " dropped so far.");
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            _handler(e.Topic, e.Message);
        }

        private void OnConnectionClosed(object sender, System.EventArgs e)
        {
            _reconnect.Start("MQTT: connection to " + _network.BrokerHost + " lost; reconnecting.");
        }
    }
}
