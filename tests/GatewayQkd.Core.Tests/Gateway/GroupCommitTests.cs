using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// The gateway's group commit: requests of one slot share one pool snapshot write, which also carries the sensors'
/// replay marks; nothing of the slot is published before that write.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public void Admitting_A_Request_Writes_Nothing()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);
        var commits = h.Memory.Commits;

        foreach (var sensor in GatewayHarness.SensorIds)
        {
            Assert.Equal(FrameStatus.Ok, h.Request(sensor, 1, 1, 64));
        }

        Assert.Equal(commits, h.Memory.Commits);
    }

    [Fact]
    public void A_Slot_Of_Twelve_Requests_Costs_One_Snapshot_Write_One_Block_Rewrite_And_A_Delete_Per_Emptied_Block()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4); // 64-byte blocks
        uint id = 1;
        for (var round = 0; round < 3; round++)
        {
            foreach (var sensor in GatewayHarness.SensorIds)
            {
                h.Request(sensor, id++, 1, 64); // 12 x 8 bytes = 96: block 0 emptied, block 1 half used
            }
        }

        var (writes, deletes) = (h.Memory.Writes, h.Memory.Deletes);
        h.EndSlot();

        Assert.Equal(12, h.AllKeys().Count());
        Assert.Equal(2, h.Memory.Writes - writes);
        Assert.Equal(1, h.Memory.Deletes - deletes);
    }

    [Fact]
    public void A_Slot_Reserves_The_Counters_Of_Its_Answers_In_Its_Snapshot_Not_In_The_Counter_File()
    {
        var h = new GatewayHarness(c => c.CounterChunk = 4); // 12 answers need three chunks
        h.DeliverBlocks(4);
        RequestRounds(h, 3, 1);
        var counterFile = h.Memory.Read(GatewayService.SendCounterFile);
        var writes = h.Memory.Writes;

        h.EndSlot();

        Assert.Equal(12, h.AllKeys().Count());
        Assert.Equal(counterFile, h.Memory.Read(GatewayService.SendCounterFile));
        Assert.Equal(2, h.Memory.Writes - writes); // the snapshot and the rewrite of the half-used block
    }

    [Fact]
    public void A_Slot_That_Uses_Its_Whole_Reservation_Also_Reserves_The_Counter_Of_The_Supplement_Request_After_It()
    {
        var h = new GatewayHarness(c => c.CounterChunk = 4); // 12 answers: more than a chunk, so the slot reserves what it needs
        h.DeliverBlocks(3);
        RequestRounds(h, 3, 1); // 96 of 192 bytes: the slot leaves the pool below its low threshold
        var supplements = 0;
        h.Bus.Connect("spy", (_, _) => supplements++).Subscribe(Topics.Supplement(GatewayHarness.GatewayId));
        var counterFile = h.Memory.Read(GatewayService.SendCounterFile);
        var writes = h.Memory.Writes;

        h.EndSlot();

        Assert.Equal(1, supplements);
        Assert.Equal(counterFile, h.Memory.Read(GatewayService.SendCounterFile)); // no counter-file commit for the supplement
        Assert.Equal(2, h.Memory.Writes - writes); // the snapshot and the rewrite of the half-used block
    }

    [Fact]
    public void After_A_Restart_The_Gateway_Numbers_Its_Frames_Above_The_Counters_Its_Last_Slot_Committed()
    {
        var h = new GatewayHarness(c => c.CounterChunk = 4);
        h.DeliverBlocks(8);
        RequestRounds(h, 3, 1);
        h.EndSlot();

        h.Reboot(h.Memory.Clone()); // the counter file holds less than the slot's answers used
        RequestRounds(h, 1, 13);
        h.EndSlot();

        Assert.All(h.Received.Values.SelectMany(r => r), r => Assert.Equal(FrameStatus.Ok, r.Status)); // a reused counter is refused as a replay
        Assert.Equal(16, h.AllKeys().Count());
    }

    [Fact]
    public void A_Gateway_Whose_Snapshot_Carries_A_Corrupt_Slot_Record_Refuses_To_Start()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(1);
        KeyPool.Open(h.Memory).Commit([(byte)'G', (byte)'S', 1, 0, 0]); // the counter reservation cut short

        var error = Assert.Throws<InvalidOperationException>(h.Boot);

        Assert.Contains("slot record is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Sensors_Replay_Marks_Ride_In_The_Pool_Snapshot()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(2);
        h.Request(101, 1, 1, 64);

        h.EndSlot();

        Assert.False(h.Memory.Exists(GatewayService.SensorReplayFile));
        Assert.NotNull(KeyPool.Open(h.Memory.Clone()).Attachment);
    }

    [Fact]
    public void Every_Key_Of_A_Slot_Is_Durably_Consumed_Before_Its_First_Response_Is_Published()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);
        uint id = 1;
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            h.Request(sensor, id++, 2, 256);
        }

        InMemoryKeyStorage? flashAtFirstPublish = null;
        h.Bus.Connect("spy", (_, _) => flashAtFirstPublish ??= h.Memory.Clone()).Subscribe(Topics.RequestFilter(GatewayHarness.GatewayId).Replace("/req/", "/resp/", StringComparison.Ordinal));

        h.EndSlot();

        Assert.NotNull(flashAtFirstPublish);
        var keys = h.AllKeys().ToList();
        Assert.Equal(4, keys.Count);
        var recovered = KeyPool.Open(flashAtFirstPublish, h.Config.CapacityBits, h.Config.MaxBlocks);
        Assert.True(keys.All(k => (ulong)recovered.ConsumedEnd(0) >= k.Range.End), "a key of the slot was not durably consumed when the first response went out");
    }

    [Fact]
    public void A_Slot_With_Nothing_Admitted_Writes_Nothing()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(2);
        var commits = h.Memory.Commits;

        h.EndSlot();

        Assert.Equal(commits, h.Memory.Commits);
    }

    // Each sensor asks for a 64-bit key per round, request ids from firstId on.
    private static void RequestRounds(GatewayHarness h, int rounds, uint firstId)
    {
        var id = firstId;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var sensor in GatewayHarness.SensorIds)
            {
                Assert.Equal(FrameStatus.Ok, h.Request(sensor, id++, 1, 64));
            }
        }
    }
}
