using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.TestSupport;

/// <summary>
/// An in-process MQTT stand-in: clients connect with a message handler and get an <see cref="IMessageBus"/>;
/// publications are recorded and queued, and <see cref="DeliverPending"/> hands each to every client whose
/// subscription filter (MQTT + and # wildcards) matches, in publication order. Queuing instead of calling handlers
/// inside Publish keeps the message flow free of re-entrancy, as with a real broker.
/// </summary>
public sealed class LoopbackMessageBus
{
    private readonly List<Client> _clients = [];
    private readonly List<PublishedMessage> _published = [];
    private readonly Queue<PublishedMessage> _pending = new();

    /// <summary>Gets every message published so far, in order.</summary>
    public IReadOnlyList<PublishedMessage> Published => _published;

    /// <summary>Gets the number of messages not yet delivered.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Connects a client; <paramref name="onMessage"/> (may be null) receives the messages it subscribed to.</summary>
    public IMessageBus Connect(string name, Action<string, byte[]>? onMessage)
    {
        var client = new Client(this, name, onMessage);
        _clients.Add(client);
        return client;
    }

    /// <summary>Returns the messages published on topics matching <paramref name="filter"/>.</summary>
    public IReadOnlyList<PublishedMessage> PublishedOn(string filter) => _published.Where(m => TopicFilter.Matches(filter, m.Topic)).ToList();

    /// <summary>Delivers queued messages (including ones published while delivering) until none is left; returns how many.</summary>
    public int DeliverPending(int limit = 100_000)
    {
        var delivered = 0;
        while (_pending.Count > 0)
        {
            if (delivered++ >= limit)
            {
                throw new InvalidOperationException($"More than {limit} deliveries: a message loop?");
            }

            var message = _pending.Dequeue();
            foreach (var client in _clients.ToArray())
            {
                if (client.OnMessage is not null && client.Filters.Any(f => TopicFilter.Matches(f, message.Topic)))
                {
                    client.OnMessage(message.Topic, (byte[])message.Payload.Clone());
                }
            }
        }

        return delivered;
    }

    private sealed class Client(LoopbackMessageBus bus, string name, Action<string, byte[]>? onMessage) : IMessageBus
    {
        public Action<string, byte[]>? OnMessage { get; } = onMessage;

        public List<string> Filters { get; } = [];

        public void Publish(string topic, byte[] payload)
        {
            ArgumentNullException.ThrowIfNull(topic);
            ArgumentNullException.ThrowIfNull(payload);
            var message = new PublishedMessage(name, topic, (byte[])payload.Clone());
            bus._published.Add(message);
            bus._pending.Enqueue(message);
        }

        public void Subscribe(string topicFilter)
        {
            ArgumentNullException.ThrowIfNull(topicFilter);
            Filters.Add(topicFilter);
        }
    }
}
