using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>Delivered blocks are unwrapped, stored durably, then acknowledged with what happened.</summary>
public sealed class BlockIngestTests
{
    private readonly GatewayHarness _h = new();

    [Fact]
    public void Stored_Block_Is_Acknowledged_With_Next_Id_And_Level()
    {
        _h.DeliverBlocks(1);

        var ack = Acks().Single();
        Assert.Equal((BlockAckResult.Stored, 0u, 1u, (uint)GatewayHarness.BlockBytes * 8), (ack.Result, ack.BlockId, ack.NextBlockId, ack.AvailableBits));
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.BlocksStored]);
    }

    [Fact]
    public void Block_Is_On_Flash_Before_Its_Ack_Is_Published()
    {
        InMemoryKeyStorage? flashAtAck = null;
        _h.Bus.Connect("spy", (_, _) => flashAtAck ??= _h.Memory.Clone()).Subscribe(Topics.Ack(GatewayHarness.GatewayId));

        _h.DeliverBlocks(1);

        Assert.NotNull(flashAtAck);
        Assert.Equal(GatewayHarness.BlockBytes * 8, KeyPool.Open(flashAtAck, _h.Config.CapacityBits, _h.Config.MaxBlocks).AvailableBits(0));
    }

    [Fact]
    public void Unwrapped_Block_Holds_The_Stream_Bytes()
    {
        _h.DeliverBlocks(2);
        _h.Request(101, 1, 4, 1024);

        _h.EndSlot();

        var served = Assert.Single(_h.AllKeys());
        Assert.Equal(KeyStreamModel.Bytes(0, 0, 128), served.Key);
    }

    [Fact]
    public void Redelivered_Block_Is_Acknowledged_As_Duplicate()
    {
        var material = KeyStreamModel.Bytes(0, 0, GatewayHarness.BlockBytes);
        Deliver(_h.BlockFrame(0, 0, 0, material));
        Deliver(_h.BlockFrame(0, 0, 0, material)); // same block, new frame (lost ack)

        Assert.Equal([BlockAckResult.Stored, BlockAckResult.Duplicate], Acks().Select(a => a.Result));
        Assert.Equal(GatewayHarness.BlockBytes * 8, _h.Service.Pool.AvailableBits(0));
    }

    [Fact]
    public void Block_After_A_Gap_Is_Acknowledged_Out_Of_Order_And_Not_Stored()
    {
        Deliver(_h.BlockFrame(0, 1, GatewayHarness.BlockBytes, KeyStreamModel.Bytes(0, GatewayHarness.BlockBytes, GatewayHarness.BlockBytes)));

        var ack = Acks().Single();
        Assert.Equal((BlockAckResult.OutOfOrder, 0u), (ack.Result, ack.NextBlockId));
        Assert.Equal(0, _h.Service.Pool.AvailableBits(0));
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.BlocksRefused]);
    }

    [Fact]
    public void Stored_Blocks_Survive_A_Restart()
    {
        _h.DeliverBlocks(3);

        _h.Boot();

        Assert.Equal(3 * GatewayHarness.BlockBytes * 8, _h.Service.Pool.AvailableBits(0));
    }

    private void Deliver(byte[] frame)
    {
        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Blocks(GatewayHarness.GatewayId), frame));
        _h.Bus.DeliverPending();
    }

    private List<BlockAckMessage> Acks()
    {
        return _h.Bus.PublishedOn(Topics.Ack(GatewayHarness.GatewayId))
            .Select(m => _h.Hap.Open(m.Payload))
            .Select(r => Assert.IsType<BlockAckMessage>(r.Body))
            .ToList();
    }
}
