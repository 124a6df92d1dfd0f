using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// One client of an <see cref="InProcessBroker"/>: what the nodes of a virtual-time run talk through instead of
/// <see cref="MqttMessageBus"/>. Publish queues the message at the broker (a copy); inbound messages reach the
/// handler when the broker pumps, with the same size limit and handler-failure counting as the MQTT bus.
/// </summary>
public sealed class InProcessBus : IRunBus
{
    private readonly InProcessBroker _broker;
    private readonly Action<string, byte[]> _onMessage;
    private readonly ILog _log;
    private readonly List<string> _filters = [];

    /// <summary>Creates the client <paramref name="clientId"/> of <paramref name="broker"/>; <see cref="ConnectAsync(CancellationToken)"/> joins it.</summary>
    public InProcessBus(InProcessBroker broker, string clientId, Action<string, byte[]> onMessage, ILog log)
    {
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _onMessage = onMessage ?? throw new ArgumentNullException(nameof(onMessage));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        ClientId = clientId;
    }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; }

    /// <inheritdoc />
    public BusStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public Task ConnectAsync(TimeSpan? timeout, CancellationToken cancellationToken) => ConnectAsync(cancellationToken);

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _broker.Connect(this);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> FlushAsync(TimeSpan timeout) => Task.FromResult(true); // queued at the broker already

    /// <inheritdoc />
    public long Pending => 0; // the broker's queue takes every publish at once

    /// <inheritdoc />
    public void Publish(string topic, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        _broker.Enqueue(topic, (byte[])payload.Clone());
        Statistics.CountPublished(topic);
    }

    /// <inheritdoc />
    public void Subscribe(string topicFilter)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        lock (_filters)
        {
            if (!_filters.Contains(topicFilter))
            {
                _filters.Add(topicFilter);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _broker.Disconnect(this);
        return ValueTask.CompletedTask;
    }

    // Called by the broker's pump for every message: hands it on once when any subscription matches.
    internal void Offer(string topic, byte[] payload)
    {
        bool subscribed;
        lock (_filters)
        {
            subscribed = _filters.Exists(f => TopicFilter.Matches(f, topic));
        }

        if (!subscribed)
        {
            return;
        }

        if (payload.Length > MqttMessageBus.MaxPayloadBytes)
        {
            Statistics.CountDropped();
            _log.Write(LogLevel.Warning, $"{ClientId}: refused a {payload.Length}-byte message on '{topic}' (limit {MqttMessageBus.MaxPayloadBytes}).");
            return;
        }

        Statistics.CountReceived();
        try
        {
            _onMessage(topic, (byte[])payload.Clone());
        }
#pragma warning disable CA1031 // as on MQTTnet's receive loop: a handler bug is counted and logged, the run goes on
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Statistics.CountDropped();
            _log.Write(LogLevel.Error, $"{ClientId}: handler failed on '{topic}': {ex.Message}");
        }
    }
}
