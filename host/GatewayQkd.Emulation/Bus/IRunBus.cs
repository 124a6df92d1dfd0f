using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// A run's connection to its message broker: the core's <see cref="IMessageBus"/> plus connecting, flushing and
/// counters. <see cref="MqttMessageBus"/> (MQTT, real time) and <see cref="InProcessBus"/> (virtual time) are the two.
/// </summary>
public interface IRunBus : IMessageBus, IAsyncDisposable
{
    /// <summary>Gets the connection's counters.</summary>
    BusStatistics Statistics { get; }

    /// <summary>Connects, giving up after <paramref name="timeout"/> (null = only when <paramref name="cancellationToken"/> fires).</summary>
    Task ConnectAsync(TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>Connects, retrying until <paramref name="cancellationToken"/> fires.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Waits until every message published so far has left (or the timeout passes); returns whether it did.</summary>
    Task<bool> FlushAsync(TimeSpan timeout);

    /// <summary>Gets the messages published and not yet acknowledged by the broker (0 where the broker takes them at once).</summary>
    long Pending { get; }
}

/// <summary>Creates the bus of one client (client id, inbound message handler).</summary>
public delegate IRunBus BusFactory(string clientId, Action<string, byte[]> onMessage);
