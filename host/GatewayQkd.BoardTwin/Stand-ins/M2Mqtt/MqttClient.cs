using System;
using System.Threading;
using System.Threading.Tasks;
using System.Buffers;
using System.Linq;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt;

/// <summary>
/// nanoFramework.M2Mqtt 5.1.218's MqttClient, the members the device uses, over MQTTnet (MQTT 3.1.1 as M2Mqtt's
/// default). It reproduces the library behaviour the device depends on, read from its sources at tag v5.1.218:
/// <list type="bullet">
/// <item>The host name is resolved once, in the constructor (MqttClient.cs:293 -> :347 -> MqttNetworkChannel.cs:120-135,
/// Dns.GetHostEntry): an unresolvable name throws there, and the address stays fixed for the client's lifetime.</item>
/// <item>One in-flight queue of <see cref="MqttSettings.InflightQueueSize"/> entries holds publishes waiting for PUBACK,
/// subscribes waiting for SUBACK and received publishes waiting to be acknowledged (MqttClient.cs:1108). Publish
/// throws InflightQueueFull when it is full (:788); a received publish that finds it full is discarded with no PUBACK
/// and no event (:1366 ignores the result); so is a Subscribe (:652).</item>
/// <item>A received QoS 1 publish is acknowledged (PUBACK sent) by the in-flight thread before the dispatch thread raises
/// MqttMsgPublishReceived (:1842-1853), so a handler that drops it loses it for good.</item>
/// <item>Events are raised on one dispatch thread, one at a time: MqttMsgPublishReceived, MqttMsgPublished (on the
/// PUBACK of a QoS 1 publish, :1630) and ConnectionClosed.</item>
/// </list>
/// </summary>
public sealed class MqttClient : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private readonly object _gate = new();
    private readonly IPAddress _address;
    private readonly int _port;
    private readonly IMqttClient _mqtt;
    private readonly BlockingCollection<MqttApplicationMessageReceivedEventArgs> _toAcknowledge = [];
    private readonly BlockingCollection<Action> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private int _inflight;
    private ushort _nextMessageId;
    private long _droppedIncoming;
    private long _droppedSubscribes;

    public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
    {
        if (secure || sslProtocol != MqttSslProtocols.None)
        {
            throw new NotSupportedException("The board twin's M2Mqtt stand-in speaks plain TCP only.");
        }

        _ = (caCert, clientCert);

        // MqttNetworkChannel.cs:120-135: resolved here, not at Connect; throws when the name does not resolve.
        var entry = Dns.GetHostEntry(brokerHostName);
        _address = entry.AddressList.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? entry.AddressList.FirstOrDefault()
            ?? throw new InvalidOperationException("No address found for the remote host name");
        _port = brokerPort;
        _mqtt = new MqttClientFactory().CreateMqttClient();
        _mqtt.ApplicationMessageReceivedAsync += OnReceived;
        _mqtt.DisconnectedAsync += OnDisconnected;
        new Thread(ProcessInflight) { IsBackground = true, Name = "M2Mqtt inflight" }.Start();
        new Thread(DispatchEvents) { IsBackground = true, Name = "M2Mqtt dispatch" }.Start();
    }

    public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

    public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

    public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

    public event MqttMsgPublishEventHandler MqttMsgPublishReceived;

    public event MqttMsgPublishedEventHandler MqttMsgPublished;

    public event ConnectionClosedEventHandler ConnectionClosed;

    public MqttSettings Settings { get; } = new();

    public bool IsConnected { get; private set; }

    /// <summary>Gets the address the constructor resolved (fixed for the client's lifetime).</summary>
    public IPAddress BrokerAddress => _address;

    /// <summary>Gets the entries now in the in-flight queue (stand-in diagnostics).</summary>
    public int InflightCount
    {
        get
        {
            lock (_gate)
            {
                return _inflight;
            }
        }
    }

    /// <summary>Gets the received publishes discarded unacknowledged because the in-flight queue was full (diagnostics).</summary>
    public long DroppedIncoming => Interlocked.Read(ref _droppedIncoming);

    /// <summary>Gets the subscribes discarded because the in-flight queue was full (diagnostics).</summary>
    public long DroppedSubscribes => Interlocked.Read(ref _droppedSubscribes);

    public MqttReasonCode Connect(
        string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag,
        string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_address.ToString(), _port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession(cleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAlivePeriod))
            .WithTimeout(ConnectTimeout);
        if (username is not null)
        {
            builder.WithCredentials(username, password ?? string.Empty);
        }

        if (willFlag)
        {
            builder.WithWillTopic(willTopic)
                .WithWillPayload(System.Text.Encoding.UTF8.GetBytes(willMessage))
                .WithWillRetain(willRetain)
                .WithWillQualityOfServiceLevel((MqttQualityOfServiceLevel)willQosLevel);
        }

        try
        {
            var result = _mqtt.ConnectAsync(builder.Build(), _stop.Token).GetAwaiter().GetResult();
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return (MqttReasonCode)(byte)result.ResultCode;
            }
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            // MQTTnet 5 names the CONNACK code only in the message
            return e.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal) ? MqttReasonCode.BadUserNameOrPassword
                : e.Message.Contains("NotAuthorized", StringComparison.Ordinal) ? MqttReasonCode.NotAuthorized
                : MqttReasonCode.UnspecifiedError;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            throw new MqttConnectionException("Exception connecting to the broker", e);
        }

        lock (_gate)
        {
            _inflight = 0; // a new connection: the old one's queue went with it
            IsConnected = true;
        }

        return MqttReasonCode.Success;
    }

    public ushort Publish(string topic, byte[] message, string contentType, System.Collections.ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
    {
        _ = (contentType, userProperties);
        ushort id;
        lock (_gate)
        {
            if (_inflight >= Settings.InflightQueueSize)
            {
                throw new MqttClientException(MqttClientErrorCode.InflightQueueFull); // MqttClient.cs:788
            }

            _inflight++;
            id = NextId();
        }

        var publish = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(message)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qosLevel)
            .WithRetainFlag(retain)
            .Build();
        _ = SendAsync(id, publish, qosLevel != MqttQoSLevel.AtMostOnce);
        return id;
    }

    public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
    {
        ushort id;
        lock (_gate)
        {
            id = NextId();
            if (_inflight >= Settings.InflightQueueSize)
            {
                Interlocked.Increment(ref _droppedSubscribes); // MqttClient.cs:652 ignores EnqueueInflight's result
                return id;
            }

            _inflight++;
        }

        var options = new MqttClientSubscribeOptionsBuilder();
        for (var i = 0; i < topics.Length; i++)
        {
            var (topic, qos) = (topics[i], (MqttQualityOfServiceLevel)qosLevels[i]);
            options.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(qos));
        }

        _ = SubscribeAsync(options.Build());
        return id;
    }

    public void Disconnect() => _mqtt.DisconnectAsync().GetAwaiter().GetResult();

    public void Close() => Dispose();

    public void Dispose()
    {
        _stop.Cancel();
        _toAcknowledge.CompleteAdding();
        _events.CompleteAdding();
        _mqtt.Dispose();
    }

    private ushort NextId()
    {
        _nextMessageId = (ushort)(_nextMessageId == ushort.MaxValue ? 1 : _nextMessageId + 1);
        return _nextMessageId;
    }

    private async Task SendAsync(ushort id, MqttApplicationMessage message, bool acknowledged)
    {
        var published = false;
        try
        {
            published = (await _mqtt.PublishAsync(message, _stop.Token).ConfigureAwait(false)).IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // the connection went away: the entry leaves the queue unacknowledged
        }

        Leave();
        if (acknowledged)
        {
            Raise(() => MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs(id, published)));
        }
    }

    private async Task SubscribeAsync(MqttClientSubscribeOptions options)
    {
        try
        {
            await _mqtt.SubscribeAsync(options, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // as M2Mqtt: no SUBACK, no event
        }

        Leave();
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (_inflight > 0)
            {
                _inflight--;
            }
        }
    }

    // MQTTnet's receive loop: the PUBLISH goes into the in-flight queue (or is discarded when it is full, :1366).
    private Task OnReceived(MqttApplicationMessageReceivedEventArgs args)
    {
        args.AutoAcknowledge = false;
        lock (_gate)
        {
            if (_inflight >= Settings.InflightQueueSize)
            {
                Interlocked.Increment(ref _droppedIncoming);
                return Task.CompletedTask;
            }

            _inflight++;
        }

        try
        {
            _toAcknowledge.Add(args);
        }
        catch (InvalidOperationException)
        {
            // disposed
        }

        return Task.CompletedTask;
    }

    // The in-flight thread: PUBACK first, then hand the message to the dispatch thread (MqttClient.cs:1842-1853).
    private void ProcessInflight()
    {
        try
        {
            foreach (var args in _toAcknowledge.GetConsumingEnumerable(_stop.Token))
            {
                try
                {
                    args.AcknowledgeAsync(_stop.Token).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
                {
                    // the connection is gone; M2Mqtt would still raise the event for the message it holds
                }

                Leave();
                var message = args.ApplicationMessage;
                var payload = message.Payload.ToArray();
                Raise(() => MqttMsgPublishReceived?.Invoke(this, new MqttMsgPublishEventArgs(
                    message.Topic, payload, message.Dup, (MqttQoSLevel)message.QualityOfServiceLevel, message.Retain)));
            }
        }
        catch (OperationCanceledException)
        {
            // closed
        }
    }

    private void DispatchEvents()
    {
        try
        {
            foreach (var raise in _events.GetConsumingEnumerable(_stop.Token))
            {
                raise();
            }
        }
        catch (OperationCanceledException)
        {
            // closed
        }
    }

    private void Raise(Action raise)
    {
        try
        {
            _events.Add(raise);
        }
        catch (InvalidOperationException)
        {
            // disposed
        }
    }

    private Task OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        bool wasConnected;
        lock (_gate)
        {
            wasConnected = IsConnected;
            IsConnected = false;
        }

        if (wasConnected)
        {
            Raise(() => ConnectionClosed?.Invoke(this, EventArgs.Empty));
        }

        return Task.CompletedTask;
    }
}
