using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Bus;

/// <summary>Counters of one bus connection, safe to read from any thread.</summary>
public sealed class BusStatistics
{
    private long _published;
    private long _received;
    private long _reconnects;
    private long _dropped;
    private long _failovers;
    private long _refusedSubscriptions;
    private long _flushTimeouts;
    private long _unrouted;
    private readonly long[] _publishedByKind = new long[(int)TopicKind.Resync + 1];

    /// <summary>Gets the number of messages the broker acknowledged (QoS 1 PUBACK).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Gets the number of messages received and handed to the handler.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Gets the number of connections after the first (each one follows a lost connection).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Gets the number of inbound messages refused before the handler (oversized) or that made the handler throw.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the number of times a failed connect moved this client on to another node of a clustered broker.</summary>
    public long Failovers => Interlocked.Read(ref _failovers);

    /// <summary>Gets the number of subscriptions the broker refused (e.g. an ACL): each is logged, and the filter is not retried.</summary>
    public long RefusedSubscriptions => Interlocked.Read(ref _refusedSubscriptions);

    /// <summary>Gets the number of flushes that timed out with messages still unacknowledged.</summary>
    public long FlushTimeouts => Interlocked.Read(ref _flushTimeouts);

    /// <summary>
    /// Returns the messages the broker acknowledged on topics of <paramref name="kind"/> (<see cref="TopicKind.Unknown"/>:
    /// topics outside the scheme, e.g. a benchmark's own): with <see cref="Published"/> it tells which messages a key costs.
    /// </summary>
    public long PublishedOf(TopicKind kind) => kind is >= TopicKind.Unknown and <= TopicKind.Resync ? Interlocked.Read(ref _publishedByKind[(int)kind]) : 0;

    internal void CountPublished(string topic)
    {
        Interlocked.Increment(ref _published);
        Interlocked.Increment(ref _publishedByKind[(int)(Topics.Parse(topic)?.Kind ?? TopicKind.Unknown)]);
    }

    /// <summary>
    /// Gets the messages the broker acknowledged with "no matching subscribers" (MQTT 5.0 s3.4.2.1, PUBACK reason 0x10):
    /// delivered to nobody, so lost for a receiver that had not subscribed yet.
    /// </summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    internal void CountUnrouted() => Interlocked.Increment(ref _unrouted);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountReconnect() => Interlocked.Increment(ref _reconnects);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);

    internal void CountFailover() => Interlocked.Increment(ref _failovers);
    internal void CountRefusedSubscription() => Interlocked.Increment(ref _refusedSubscriptions);

    internal void CountFlushTimeout() => Interlocked.Increment(ref _flushTimeouts);
}
