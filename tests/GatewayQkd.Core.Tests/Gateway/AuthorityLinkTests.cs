using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>The HAP/CS end of a link accepts each gateway frame once, and only from its own gateway.</summary>
public sealed class AuthorityLinkTests
{
    [Fact]
    public void Opens_An_Ack_Once_And_Rejects_Its_Replay()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(1);
        var ack = Assert.Single(h.Bus.PublishedOn(Topics.Ack(GatewayHarness.GatewayId))).Payload;

        Assert.IsType<BlockAckMessage>(h.Hap.Open(ack).Body);
        Assert.Equal(FrameStatus.Replayed, h.Hap.Open(ack).Status);
    }

    [Fact]
    public void Rejects_A_Frame_Of_Another_Gateway_Sealed_With_The_Same_Link_Key()
    {
        var h = new GatewayHarness();
        var ack = new FrameSealer(h.Crypto).Seal(
            new BlockAckMessage(0, 0, BlockAckResult.Stored, 1, 512), 8, GatewayHarness.Authority, 1, FrameKeys.Derive(h.Crypto, h.Config.LinkKey));

        Assert.Equal(FrameStatus.BadTopic, h.Hap.Open(ack).Status);
    }

    [Fact]
    public void Blocks_It_Seals_Are_Stored_By_The_Gateway()
    {
        var h = new GatewayHarness();

        h.DeliverBlocks(3);

        Assert.Equal(3u, h.Service.Counters[GatewayCounter.BlocksStored]);
        Assert.Equal(3u * GatewayHarness.BlockBytes * 8, (uint)h.Service.Pool.AvailableBits(0));
    }
}
