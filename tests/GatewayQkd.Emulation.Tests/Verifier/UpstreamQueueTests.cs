using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Verifier;

/// <summary>
/// The central server's upstream queue: frames are handled once, in arrival order, off the receive loop; a status
/// frame still queued when a newer status of the same gateway arrives is skipped; closing handles what is queued.
/// </summary>
public sealed class UpstreamQueueTests
{
    [Fact]
    public async Task Frames_Are_Handled_Once_In_Arrival_Order()
    {
        var handled = new List<(TopicKind, byte)>();
        var queue = new UpstreamQueue((a, p) => Record(handled, a, p), new ListLog());
        await using (queue.ConfigureAwait(true))
        {
            for (byte i = 0; i < 100; i++)
            {
                queue.Post(Topics.Parse(i % 2 == 0 ? Topics.Ack(1) : Topics.Supplement(1)), [i]);
            }
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), handled.Select(h => h.Item2));
        Assert.Equal(100, queue.Handled);
    }

    [Fact]
    public async Task A_Queued_Status_Is_Skipped_When_A_Newer_Status_Of_Its_Gateway_Follows()
    {
        using var gate = new ManualResetEventSlim();
        var handled = new List<(TopicKind, byte)>();
        var queue = new UpstreamQueue(
            (a, p) =>
            {
                gate.Wait();
                return Record(handled, a, p);
            },
            new ListLog());
        await using (queue.ConfigureAwait(true))
        {
            queue.Post(Topics.Parse(Topics.Ack(1)), [0]); // held in the handler while the rest queue up
            Assert.True(await Eventually.TrueAsync(() => queue.Pending == 0));
            queue.Post(Topics.Parse(Topics.Status(1)), [1]); // stale: gateway 1's status 4 follows
            queue.Post(Topics.Parse(Topics.Status(2)), [2]);
            queue.Post(Topics.Parse(Topics.Ack(1)), [3]);
            queue.Post(Topics.Parse(Topics.Status(1)), [4]);
            gate.Set();
        }

        Assert.Equal([0, 2, 3, 4], handled.Select(h => h.Item2));
        Assert.Equal(1, queue.Coalesced);
    }

    [Fact]
    public async Task Closing_Handles_The_Frames_Still_Queued_And_Refuses_New_Ones()
    {
        var handled = new List<(TopicKind, byte)>();
        var queue = new UpstreamQueue((a, p) => Record(handled, a, p), new ListLog());
        queue.Post(Topics.Parse(Topics.Ack(1)), [0]);
        queue.Post(Topics.Parse(Topics.Status(1)), [1]);

        await queue.DisposeAsync();

        Assert.Equal([0, 1], handled.Select(h => h.Item2));
        Assert.Throws<ObjectDisposedException>(() => queue.Post(Topics.Parse(Topics.Ack(1)), [2]));
    }

    private static FrameStatus Record(List<(TopicKind, byte)> handled, TopicAddress address, byte[] payload)
    {
        lock (handled)
        {
            handled.Add((address.Kind, payload[0]));
        }

        return FrameStatus.Ok;
    }
}
