using System.Collections.Concurrent;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>Collects received messages so a test can wait for them (bounded waits, never timed assertions).</summary>
internal sealed class MessageInbox
{
    private readonly ConcurrentQueue<(string Topic, byte[] Payload)> _messages = new();

    public int Count => _messages.Count;

    public (string Topic, byte[] Payload)[] Messages => [.. _messages];

    public void Add(string topic, byte[] payload) => _messages.Enqueue((topic, payload));

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or 15 s passed; returns whether they did.</summary>
    public async Task<bool> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return _messages.Count >= count;
    }
}
