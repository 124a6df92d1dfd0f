using System.Buffers;
using System.Threading.Channels;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Broker;
using MQTTnet;
using MQTTnet.Protocol;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// The core's <see cref="IMessageBus"/> port on an MQTTnet client: what the emulated gateways, sensors and the central
/// server talk through, and the host twin of the board's M2Mqtt adapter.
/// </summary>
/// <remarks>
/// Publish and Subscribe return at once and never throw for a lost connection: messages wait in an ordered outbox and
/// go out in order (QoS 1, never retained, up to <see cref="MaxInFlight"/> awaiting their acknowledgement at once)
/// and leave it when the broker acknowledges; a lost connection is re-established with every
/// subscription renewed, so a broker restart costs delay, not messages from this client. Inbound messages reach
/// <c>onMessage</c> on MQTTnet's thread, one at a time; payloads above <see cref="MaxPayloadBytes"/> are refused
/// and counted. Thread-safe.
/// </remarks>
public sealed class MqttMessageBus : IRunBus
{
    /// <summary>Most QoS 1 publishes of one connection on the wire awaiting their PUBACK at once (order is kept).</summary>
    public const int MaxInFlight = 16;

    /// <summary>Waits before each new try of a subscription the broker failed without a reason (MQTT 3.1.1's 0x80): 31.5 s in all.</summary>
    private static readonly TimeSpan[] SubscribeRetryDelays = [.. new[] { 0.5, 1, 2, 4, 8, 16 }.Select(TimeSpan.FromSeconds)];

    /// <summary>The largest inbound payload handed on (a key block frame of 64 KiB plus headers fits).</summary>
    public const int MaxPayloadBytes = 96 * 1024;

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(100);

    // How often the watchdog checks the connection when MQTTnet reported no loss: a safety net only, since a lost
    // connection wakes it at once (DisconnectedAsync). It polled every 100 ms before, 2,001 timers of 10 Hz at 1,000
    // gateways (20,000 wake-ups a second, a timer and a task each) for connections that were up.
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    private readonly BrokerEndpoint _endpoint;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions[] _options; // one per broker node: a clustered broker's client moves on when its node dies
    private readonly Action<string, byte[]> _onMessage;
    private readonly ILog _log;
    private readonly Channel<Outgoing> _outbox = System.Threading.Channels.Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _subscriptions = [];
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly SemaphoreSlim _disconnected = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _pump;
    private Task? _watchdog;
    private long _queued;
    private long _enqueued; // every publish and subscription ever queued: with _queued, says how many have settled
    private bool _everConnected;
    private Exception? _lastConnectError;
    private int _node;
    private int _connection; // successful connects so far: tells the window's publishes of a lost connection apart

    /// <summary>Creates a bus for <paramref name="clientId"/>; call <see cref="ConnectAsync"/> before use.</summary>
    public MqttMessageBus(BrokerEndpoint endpoint, string clientId, Action<string, byte[]> onMessage, ILog log)
    {
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _onMessage = onMessage ?? throw new ArgumentNullException(nameof(onMessage));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        ClientId = clientId;
        _options = [.. endpoint.Addresses.Select(address => MqttClientOptionsFactory.Create(endpoint, clientId, address))];
        _node = FirstNode(clientId, _options.Length);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnReceived;
        _client.DisconnectedAsync += OnDisconnected;
    }

    /// <summary>Gets the MQTT client id.</summary>
    public string ClientId { get; }

    /// <inheritdoc />
    public BusStatistics Statistics { get; } = new();

    /// <summary>Gets a value indicating whether the client is connected now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Gets the broker node this client uses (or tries next): one of the endpoint's <see cref="BrokerEndpoint.Addresses"/>.</summary>
    public BrokerAddress Node => _endpoint.Addresses[Volatile.Read(ref _node)];

    /// <inheritdoc />
    public long Pending => Interlocked.Read(ref _queued);

    // Queued ones that left the outbox: read _enqueued before _queued, so a publish between the reads counts as unsettled.
    private long Settled
    {
        get
        {
            var enqueued = Interlocked.Read(ref _enqueued);
            return enqueued - Interlocked.Read(ref _queued);
        }
    }

    /// <summary>
    /// Connects (retrying until <paramref name="cancellationToken"/> fires, so a broker that starts a little later is
    /// fine) and starts the outbox and the reconnect watchdog.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken) => ConnectAsync(null, cancellationToken);

    /// <summary>
    /// Connects as <see cref="ConnectAsync(CancellationToken)"/>, but gives up after <paramref name="timeout"/> (null =
    /// never) with a <see cref="BrokerUnreachableException"/> naming the address and the last error; a host name that
    /// does not resolve fails at once, since retrying cannot help.
    /// </summary>
    public async Task ConnectAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        if (timeout is { } limit)
        {
            linked.CancelAfter(limit);
        }

        try
        {
            await EnsureConnectedAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout is not null && !cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            throw new BrokerUnreachableException(_endpoint, timeout.Value, _lastConnectError);
        }

        _pump ??= Task.Run(PumpAsync);
        _watchdog ??= Task.Run(WatchAsync);
    }

    /// <inheritdoc />
    public void Publish(string topic, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        Interlocked.Increment(ref _queued);
        Interlocked.Increment(ref _enqueued); // after _queued, so a flush never counts this message as settled early
        _outbox.Writer.TryWrite(new Outgoing(topic, (byte[])payload.Clone()));
    }

    /// <inheritdoc />
    public void Subscribe(string topicFilter)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        lock (_subscriptions)
        {
            if (_subscriptions.Contains(topicFilter))
            {
                return;
            }

            _subscriptions.Add(topicFilter);
        }

        Interlocked.Increment(ref _queued);
        Interlocked.Increment(ref _enqueued);
        _outbox.Writer.TryWrite(new Outgoing(topicFilter, null));
    }

    /// <summary>
    /// Waits until every message published before the call was acknowledged by the broker (or the timeout passes);
    /// messages published meanwhile are not waited for, so a busy connection's flush ends too. The outbox settles in
    /// order (see <see cref="PumpAsync"/>), so once as many messages settled as had been queued at the call, those did.
    /// </summary>
    public async Task<bool> FlushAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var target = Interlocked.Read(ref _enqueued);
        while (Settled < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                Statistics.CountFlushTimeout();
                return false;
            }

            await Task.Delay(5).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _pump, _watchdog })
        {
            if (task is not null)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionFailure(ex))
                {
                    // stopping: a publish or connect cut short by the stop is not an error
                }
            }
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
        {
            // the connection was already gone
        }

        _client.DisconnectedAsync -= OnDisconnected;
        _client.Dispose();
        _connectLock.Dispose();
        _disconnected.Dispose();
        _stop.Dispose();
    }

    // The outbox in order: up to MaxInFlight publishes are on the wire at once (MQTTnet writes them in call order:
    // its channel adapter sends under a FIFO AsyncLock, dotnet/MQTTnet Source/MQTTnet/Internal/AsyncLock.cs, and the
    // broker forwards one client's QoS 1 messages in order, MQTT 5.0 s4.6), each leaving the window when its PUBACK
    // came; a subscription first waits for the publishes before it. A failed publish is sent again, in order, once
    // the connection is back.
    private async Task PumpAsync()
    {
        var token = _stop.Token;
        var reader = _outbox.Reader;
        var window = new Queue<InFlight>(MaxInFlight);
        while (true)
        {
            if (window.Count < MaxInFlight && reader.TryRead(out var item))
            {
                if (item.Payload is null)
                {
                    await SettleAllAsync(window, token).ConfigureAwait(false);
                    await SubscribeWithRetryAsync(item.Topic, token).ConfigureAwait(false);
                    Interlocked.Decrement(ref _queued);
                    continue;
                }

                // The window is in send order and connection numbers only grow, so its oldest publish tells whether
                // any went out on a lost connection (no scan of the window per publish).
                if (!_client.IsConnected || (window.Count > 0 && window.Peek().Connection != Volatile.Read(ref _connection)))
                {
                    // The connection was lost (the watchdog may have connected again already): publishes still in the
                    // window went out on the old one and are sent again once they fail; settle them first, so nothing
                    // newer overtakes them (a receiver's replay guard would refuse them as stale: seen after a NATS node died).
                    await SettleAllAsync(window, token).ConfigureAwait(false);
                    if (!_client.IsConnected)
                    {
                        await ReconnectAsync(token).ConfigureAwait(false);
                    }
                }

                window.Enqueue(new InFlight(item, StartPublish(item, token), Volatile.Read(ref _connection)));
            }
            else if (window.Count > 0)
            {
                await SettleOldestAsync(window, token).ConfigureAwait(false);
            }
            else if (!await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                return; // completed: disposed
            }
        }
    }

    // Waits for the oldest publish's PUBACK; when the connection failed, waits for the rest of the window, reconnects
    // and sends again, in order, every publish that was not acknowledged.
    private async Task SettleOldestAsync(Queue<InFlight> window, CancellationToken token)
    {
        var oldest = window.Peek();
        try
        {
            Acknowledged(oldest.Item, await oldest.Ack.ConfigureAwait(false));
            window.Dequeue();
            return;
        }
        catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
        {
            // fall through to the resend
        }

        var unacknowledged = new List<Outgoing>();
        while (window.Count > 0)
        {
            var next = window.Dequeue();
            try
            {
                Acknowledged(next.Item, await next.Ack.ConfigureAwait(false));
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
            {
                unacknowledged.Add(next.Item);
            }
        }

        await Task.Delay(ReconnectDelay, token).ConfigureAwait(false);
        await ReconnectAsync(token).ConfigureAwait(false);
        foreach (var again in unacknowledged)
        {
            window.Enqueue(new InFlight(again, StartPublish(again, token), Volatile.Read(ref _connection)));
        }
    }

    private async Task SettleAllAsync(Queue<InFlight> window, CancellationToken token)
    {
        while (window.Count > 0)
        {
            await SettleOldestAsync(window, token).ConfigureAwait(false);
        }
    }

    private async Task ReconnectAsync(CancellationToken token)
    {
        while (true)
        {
            try
            {
                await EnsureConnectedAsync(token).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
            {
                await Task.Delay(ReconnectDelay, token).ConfigureAwait(false);
            }
        }
    }

    private async Task SubscribeWithRetryAsync(string filter, CancellationToken token)
    {
        while (true)
        {
            try
            {
                await EnsureConnectedAsync(token).ConfigureAwait(false);
                await TrySubscribeAsync(filter, token).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
            {
                await Task.Delay(ReconnectDelay, token).ConfigureAwait(false);
            }
        }
    }

    // Reconnects when MQTTnet reports the connection lost (or, as a safety net, when a periodic check finds it down);
    // EnsureConnectedAsync retries every ReconnectDelay until it is back.
    private async Task WatchAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            await _disconnected.WaitAsync(WatchInterval, token).ConfigureAwait(false);
            try
            {
                await EnsureConnectedAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
            {
                // the next round retries
            }
        }
    }

    private async Task EnsureConnectedAsync(CancellationToken token)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _connectLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            while (!_client.IsConnected)
            {
                token.ThrowIfCancellationRequested();
                MqttClientConnectResult result;
                try
                {
                    result = await _client.ConnectAsync(_options[_node], token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsConnectionFailure(ex) && !token.IsCancellationRequested)
                {
                    _lastConnectError = ex;
                    if (!_everConnected && BrokerUnreachableException.IsUnknownHost(ex))
                    {
                        throw new BrokerUnreachableException(_endpoint, null, ex);
                    }

                    if (_options.Length > 1)
                    {
                        // a cluster: the next attempt goes to the next node (round robin, so a node that comes back is used again)
                        _node = (_node + 1) % _options.Length;
                        Statistics.CountFailover();
                    }

                    await Task.Delay(ReconnectDelay, token).ConfigureAwait(false);
                    continue;
                }

                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    // refused at login (credentials, client id): on the first connect retrying cannot help, so say why
                    var password = _endpoint.PasswordSource is { } source ? $"the password in {source}" : "the password";
                    // a 3.1.1-only broker answers an MQTT 5 CONNECT with 3.1.1 return code 1, "unacceptable protocol version"
                    // (MQTT 3.1.1 s3.2.2.3), which MQTTnet hands on as the raw value 1; MQTT 5 brokers say 0x84
                    var reason = result.ResultCode is MqttClientConnectResultCode.UnsupportedProtocolVersion or (MqttClientConnectResultCode)1
                        ? $"{ClientId}: the broker at {_endpoint} does not speak MQTT {(_endpoint.ProtocolVersion == MqttProtocol.V311 ? "3.1.1" : "5")} (NATS, for one, speaks 3.1.1 only). Connect with the version it speaks."
                        : $"{ClientId}: the broker at {_endpoint} refused the connection ({result.ResultCode}). " +
                            $"Check the user name ({_endpoint.Username ?? "none given"}), {password} and the TLS options.";
                    if (!_everConnected)
                    {
                        throw new InvalidOperationException(reason);
                    }

                    _log.Write(LogLevel.Error, reason);
                    await Task.Delay(ReconnectDelay, token).ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref _connection);
                if (_everConnected)
                {
                    Statistics.CountReconnect();
                    _log.Write(LogLevel.Warning, $"{ClientId}: reconnected to the broker at {_endpoint.Addresses[_node]}.");
                }

                _everConnected = true;
                string[] filters;
                lock (_subscriptions)
                {
                    filters = [.. _subscriptions];
                }

                foreach (var filter in filters)
                {
                    await TrySubscribeAsync(filter, token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    // A refusal (SUBACK reason code 0x80 or above, MQTT 5.0 s3.9.3, e.g. an ACL) is an answer, not a lost connection:
    // retrying cannot change it, so it is logged, counted and the filter dropped (a reconnect does not re-send it).
    // The unspecified failure is the exception: it is all MQTT 3.1.1 can say (0x80, s3.9.3), and NATS answers it when
    // JetStream could not create the session's consumer in time (nats-io/nats-server server/mqtt.go, mqttProcessSubs:
    // a failed mqttProcessJSConsumer sets mqttSubAckFailure), which a cluster under load does during a start-up storm;
    // it is tried again after each of SubscribeRetryDelays before it counts as a refusal.
    // Transport failures still throw to the caller's reconnect loop.
    private async Task TrySubscribeAsync(string filter, CancellationToken token)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        for (var attempt = 0; ; attempt++)
        {
            var result = await _client.SubscribeAsync(options, token).ConfigureAwait(false);
            var refused = result.Items.FirstOrDefault(item => (int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2);
            if (refused is null)
            {
                return;
            }

            if (refused.ResultCode == MqttClientSubscribeResultCode.UnspecifiedError && attempt < SubscribeRetryDelays.Length)
            {
                _log.Write(LogLevel.Warning, $"{ClientId}: the broker failed the subscription to '{filter}' ({refused.ResultCode}); trying again in {SubscribeRetryDelays[attempt].TotalSeconds:0.#} s.");
                await Task.Delay(SubscribeRetryDelays[attempt], token).ConfigureAwait(false);
                continue;
            }

            lock (_subscriptions)
            {
                _subscriptions.Remove(filter);
            }

            Statistics.CountRefusedSubscription();
            _log.Write(LogLevel.Error, $"{ClientId}: the broker refused the subscription to '{filter}' ({refused.ResultCode}); messages on it will not arrive. Check the broker's ACL for this client.");
            return;
        }
    }

    // Starts one QoS 1 publish; a client that is not connected fails the task (MQTTnet throws before its first await).
    private Task<MqttClientPublishResult> StartPublish(Outgoing item, CancellationToken token)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(item.Topic)
            .WithPayload(item.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();
        try
        {
            return _client.PublishAsync(message, token);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            return Task.FromException<MqttClientPublishResult>(ex);
        }
    }

    private void Acknowledged(Outgoing item, MqttClientPublishResult result)
    {
        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            _log.Write(LogLevel.Error, $"{ClientId}: the broker refused a message on '{item.Topic}' ({result.ReasonCode}).");
        }

        if (result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            Statistics.CountUnrouted();
        }

        Statistics.CountPublished(item.Topic);
        Interlocked.Decrement(ref _queued);
    }

    private Task OnDisconnected(MqttClientDisconnectedEventArgs args)
    {
        if (!_stop.IsCancellationRequested && _disconnected.CurrentCount == 0) // stopping: nothing to wake
        {
            _disconnected.Release(); // wakes the watchdog; one pending wake-up is enough however many losses were reported
        }

        return Task.CompletedTask;
    }

    private Task OnReceived(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (message.Payload.Length > MaxPayloadBytes)
        {
            Statistics.CountDropped();
            _log.Write(LogLevel.Warning, $"{ClientId}: refused a {message.Payload.Length}-byte message on '{message.Topic}' (limit {MaxPayloadBytes}).");
            return Task.CompletedTask;
        }

        Statistics.CountReceived();
        try
        {
            _onMessage(message.Topic, message.Payload.ToArray());
        }
#pragma warning disable CA1031 // a handler bug must not kill MQTTnet's receive loop; it is counted and logged
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Statistics.CountDropped();
            _log.Write(LogLevel.Error, $"{ClientId}: handler failed on '{message.Topic}': {ex.Message}");
        }

        return Task.CompletedTask;
    }

    // Clients of a cluster start on different nodes (a stable hash of the client id, FNV-1a), as DNS round robin or a
    // load balancer would spread them, so losing one node moves about a third of them, not all.
    private static int FirstNode(string clientId, int nodes)
    {
        var hash = 2166136261u;
        foreach (var c in clientId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)nodes);
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException
            or InvalidOperationException or System.Net.Sockets.SocketException or IOException or TimeoutException;

    private readonly record struct Outgoing(string Topic, byte[]? Payload);

    // Connection: which connection (the count of successful connects when it was sent) the publish went out on.
    private readonly record struct InFlight(Outgoing Item, Task<MqttClientPublishResult> Ack, int Connection);
}
