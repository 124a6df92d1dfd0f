using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// The broker of a virtual-time run (docs/emulation.md s1b): messages published by its <see cref="InProcessBus"/>
/// clients wait in one first-in first-out queue, and <see cref="Pump"/> hands each to every client with a matching
/// subscription (MQTT topic filters with + and #), in the order the clients connected, on the caller's thread. With
/// one thread pumping between the run's steps, every message reaches every node in the same order on every run: what
/// makes a virtual-time run repeat bit for bit. Like the MQTT broker, nothing is retained: a message with no
/// subscriber is dropped.
/// </summary>
public sealed class InProcessBroker
{
    private readonly object _sync = new();
    private readonly Queue<(string Topic, byte[] Payload)> _queue = new();
    private readonly List<InProcessBus> _clients = [];

    /// <summary>Gets the number of messages waiting for <see cref="Pump"/>.</summary>
    public int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Delivers queued messages, including those the handlers publish meanwhile, until the queue is empty or
    /// <paramref name="limit"/> messages went out; returns how many went out.
    /// </summary>
    public int Pump(int limit = 1_000_000)
    {
        var delivered = 0;
        while (delivered < limit)
        {
            (string Topic, byte[] Payload) message;
            InProcessBus[] clients;
            lock (_sync)
            {
                if (!_queue.TryDequeue(out message))
                {
                    break;
                }

                clients = [.. _clients];
            }

            foreach (var client in clients)
            {
                client.Offer(message.Topic, message.Payload);
            }

            delivered++;
        }

        return delivered;
    }

    internal void Connect(InProcessBus client)
    {
        lock (_sync)
        {
            if (!_clients.Contains(client))
            {
                _clients.Add(client);
            }
        }
    }

    internal void Disconnect(InProcessBus client)
    {
        lock (_sync)
        {
            _clients.Remove(client);
        }
    }

    internal void Enqueue(string topic, byte[] payload)
    {
        lock (_sync)
        {
            _queue.Enqueue((topic, payload));
        }
    }
}
