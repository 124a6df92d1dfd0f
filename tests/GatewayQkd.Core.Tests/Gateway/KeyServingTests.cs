using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>Requests are served slot by slot with the stream's bytes, never twice, and key bits never cross the bus in clear.</summary>
public sealed class KeyServingTests
{
    [Fact]
    public void Served_Key_Unwraps_To_The_Stream_Bytes_Of_Its_Range()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);

        Assert.Equal(FrameStatus.Ok, h.Request(101, 1, 2, 256));
        h.EndSlot();

        var result = Assert.Single(h.Received[101]);
        Assert.True(result.HasKey, result.Message);
        Assert.Equal(1u, result.Response.RequestId);
        Assert.Equal(32, result.Range.Length);
        Assert.Equal(KeyStreamModel.Bytes(0, result.Range.Offset, 32), result.Key);
    }

    [Fact]
    public void Request_Is_Not_Answered_Before_Its_Slot_Ends()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(2);

        h.Request(101, 1, 1, 128);
        h.Service.Tick(h.Clock.Advance(h.Config.SlotMilliseconds - 1));
        h.Bus.DeliverPending();

        Assert.Empty(h.Received[101]);
        Assert.Equal(1, h.Service.QueueLength);
    }

    [Fact]
    public void No_Key_Range_Is_Issued_Twice_Across_Slots_And_Restarts()
    {
        var h = new GatewayHarness(c => c.CapacityBits = 64 * 1024);
        h.DeliverBlocks(40);
        uint id = 0;
        for (var round = 0; round < 6; round++)
        {
            foreach (var sensor in GatewayHarness.SensorIds)
            {
                h.Request(sensor, ++id, 1 + (int)(id % 5), 128 * (1 + (int)(id % 3)));
            }

            h.EndSlot();
            if (round % 2 == 1)
            {
                h.Boot(); // restart on the same flash
            }
        }

        var ranges = h.AllKeys().Select(r => r.Range).ToList();
        Assert.Equal(24, ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                Assert.False(ranges[i].Overlaps(ranges[j]), $"{ranges[i]} overlaps {ranges[j]}");
            }
        }

        Assert.All(h.AllKeys(), r => Assert.Equal(KeyStreamModel.Bytes(0, r.Range.Offset, r.Range.Length), r.Key));
    }

    [Fact]
    public void Key_Bytes_Never_Appear_On_The_Bus()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);
        h.Request(101, 1, 3, 512);
        h.Request(102, 2, 1, 128);
        h.EndSlot();

        var keys = h.AllKeys().Select(r => r.Key).ToList();
        Assert.Equal(2, keys.Count);
        var streamWindows = Enumerable.Range(0, 4 * GatewayHarness.BlockBytes - 8).Select(o => KeyStreamModel.Bytes(0, o, 8)).ToList();
        foreach (var message in h.Bus.Published)
        {
            foreach (var window in streamWindows)
            {
                Assert.False(Contains(message.Payload, window), $"8 key bytes in clear on {message.Topic}");
            }
        }
    }

    [Fact]
    public void Consumption_Is_Durable_Before_The_Response_Is_Published()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(2);
        h.Request(101, 1, 2, 256);
        var flashAtPublish = (GatewayQkd.TestSupport.InMemoryKeyStorage?)null;
        h.Bus.Connect("spy", (_, _) => flashAtPublish ??= h.Memory.Clone()).Subscribe(Topics.Response(GatewayHarness.GatewayId, 101));

        h.EndSlot();

        Assert.NotNull(flashAtPublish);
        var recovered = KeyPool.Open(flashAtPublish, h.Config.CapacityBits, h.Config.MaxBlocks);
        var served = Assert.Single(h.AllKeys());
        Assert.True((ulong)recovered.ConsumedEnd(0) >= served.Range.End, "the served range was not yet durably consumed when it went out");
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return true;
            }
        }

        return false;
    }
}
