using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// After a restart that found a corrupt block file, the gateway tells the HAP/CS what it holds (PoolResync), takes
/// the missing block when it is sent again, and if it is not, writes the hole off within a few slots and serves again.
/// </summary>
public sealed class ResyncTests
{
    private readonly GatewayHarness _h = new();
    private readonly HashSet<byte[]> _seen = new(ReferenceEqualityComparer.Instance);
    private readonly List<PoolResyncMessage> _opened = [];

    [Fact]
    public void Start_Reports_The_Stream_Position_Of_Every_Served_Peer()
    {
        var resync = Assert.Single(Resyncs());

        Assert.Equal((0, 0u, 0u, 0u), (resync.PeerId, resync.NextBlockId, resync.StreamEnd, resync.ConsumedEnd));
        Assert.Empty(resync.HoleFirstIds);
    }

    [Fact]
    public void A_Corrupt_Block_File_Is_Reported_As_A_Hole_And_The_Resent_Block_Serves_Again()
    {
        CorruptAndReboot(1);

        var resync = Resyncs().Last();
        Assert.Equal((4u, 1u, 2u), (resync.NextBlockId, resync.HoleFirstIds.Single(), resync.HoleEndIds.Single()));
        Assert.Equal(FrameStatus.Ok, _h.Request(102, 2, 5, 1024)); // 128 bytes: more than the 48 before the hole
        _h.EndSlot();
        Assert.DoesNotContain(_h.Received[102], r => r.HasKey);

        Deliver(_h.BlockFrame(0, 1, 64, KeyStreamModel.Bytes(0, 64, 64)));
        _h.EndSlot();

        var key = Assert.Single(_h.Received[102], r => r.HasKey);
        Assert.Equal((16u, 128), (key.Range.Offset, key.Range.Length));
        Assert.Equal(KeyStreamModel.Bytes(0, 16, 128), key.Key);
        Assert.Empty(_h.Service.Pool.Holes(0));
    }

    [Fact]
    public void A_Hole_Not_Resent_Is_Written_Off_Within_A_Few_Slots_And_The_Blocks_After_It_Serve()
    {
        CorruptAndReboot(1);
        var lostBefore = _h.Service.Pool.TotalLostBits;
        _h.Request(102, 2, 5, 1024);

        for (var slot = 0; slot < GatewayService.HoleWaitSlots; slot++)
        {
            _h.EndSlot();
        }

        var key = Assert.Single(_h.Received[102], r => r.HasKey);
        Assert.Equal((128u, 128), (key.Range.Offset, key.Range.Length));
        Assert.Equal(KeyStreamModel.Bytes(0, 128, 128), key.Key);
        Assert.Equal((128L - 16) * 8, _h.Service.Pool.TotalLostBits - lostBefore); // the 48 bytes before the hole and the hole itself, exactly
        Assert.Empty(Resyncs().Last().HoleFirstIds);
    }

    [Fact]
    public void A_Block_Out_Of_Order_Makes_The_Gateway_Report_At_The_Next_Slot()
    {
        var before = Resyncs().Count;
        Deliver(_h.BlockFrame(0, 5, 320, KeyStreamModel.Bytes(0, 320, 64)));

        _h.EndSlot();
        _h.EndSlot();

        Assert.Equal(before + 1, Resyncs().Count);
    }

    // Four 64-byte blocks, one 16-byte key issued, then block file kb0_<id> damaged and the gateway restarted.
    private void CorruptAndReboot(int blockId)
    {
        _h.DeliverBlocks(4);
        _h.Request(101, 1, 1, 128);
        _h.EndSlot();
        Assert.Single(_h.Received[101], r => r.HasKey);
        var name = $"kb0_{blockId}";
        var file = _h.Memory.Read(name);
        file[40] ^= 0x01;
        _h.Memory.SetRaw(name, file);
        _h.Reboot(_h.Memory);
    }

    private void Deliver(byte[] frame)
    {
        _h.Bus.Connect("hap", null).Publish(Topics.Blocks(GatewayHarness.GatewayId), frame);
        _h.Bus.DeliverPending();
    }

    // Opens each published report once (the authority's replay guard refuses a second opening), across reboots.
    private List<PoolResyncMessage> Resyncs()
    {
        foreach (var message in _h.Bus.PublishedOn(Topics.Resync(GatewayHarness.GatewayId)).Where(m => _seen.Add(m.Payload)))
        {
            _opened.Add(Assert.IsType<PoolResyncMessage>(_h.Hap.Open(message.Payload).Body));
        }

        return _opened;
    }
}
