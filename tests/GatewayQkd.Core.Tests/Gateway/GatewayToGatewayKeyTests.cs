using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// Gateway-to-gateway keys (docs/protocol.md s2.9): gateway 7 holds a pair stream with gateway 3 (7 is the higher id:
/// it only serves by key id what 3 handed out) and one with gateway 9 (7 initiates). The HAP relays the pair's
/// blocks to 7 by XOR forwarding (DDKA paper s2.3): K2 wrapped, K1 xor K2 in the open.
/// </summary>
public sealed class GatewayToGatewayKeyTests
{
    private const ushort Lower = 3;
    private const ushort Higher = 9;
    private const ushort Partner = 55;
    private readonly GatewayHarness _h = new(c => c.Peers = [0, Lower, Higher]);

    [Fact]
    public void Relayed_Block_Is_Stored_As_K1_Recovered_From_K2_And_K1_Xor_K2()
    {
        var k1 = Material(0x11, 64);
        Relay(0, 0, k1);

        var ack = (BlockAckMessage)_h.Hap.Open(_h.Bus.PublishedOn(Topics.Ack(GatewayHarness.GatewayId))[^1].Payload).Body;
        Assert.Equal((Lower, 0u, BlockAckResult.Stored), (ack.PeerId, ack.BlockId, ack.Result));
        var served = Fetch(101, 1, 0, 64);
        Assert.True(served.HasKey, served.Response.Reason.ToString());
        Assert.Equal(new KeyRange(Lower, 0, 64), served.Range);
        Assert.Equal(k1, served.Key);
    }

    [Fact]
    public void Relay_Frame_Never_Carries_K1_Or_K2_In_Clear()
    {
        var k1 = Material(0x21, 64);
        var k2 = Material(0x5A, 64);
        var frame = _h.Hap.SealRelay(new KeyBlock(GatewayHarness.GatewayId, 0, 0, k1), Lower, k2);

        Assert.False(Contains(frame, k1[..16]), "K1 appears in the relay frame");
        Assert.False(Contains(frame, k2[..16]), "K2 appears in the relay frame");
        Assert.True(Contains(frame, Xor(k1, k2)), "K1 xor K2 is not what the HAP published");
    }

    [Fact]
    public void Shared_Key_Is_Served_Once()
    {
        Relay(0, 0, Material(0x31, 64));
        Assert.True(Fetch(101, 1, 0, 32).HasKey);

        var again = Fetch(102, 2, 0, 32);

        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.KeyGone), (again.Response.Status, again.Response.Reason));
    }

    [Fact]
    public void Fetch_Passes_Over_Unfetched_Bytes_And_Never_Serves_Them_Later()
    {
        var k1 = Material(0x41, 64);
        Relay(0, 0, k1);

        var later = Fetch(101, 1, 32, 32);
        var earlier = Fetch(102, 2, 0, 32);

        Assert.Equal(k1[32..], later.Key);
        Assert.Equal(KeyResponseReason.KeyGone, earlier.Response.Reason);
        Assert.Equal(32u, _h.Service.Counters[GatewayCounter.KeyBytesLost]);
    }

    [Fact]
    public void Fetch_Before_The_Relay_Arrived_Is_Insufficient_And_Takes_Nothing()
    {
        Relay(0, 0, Material(0x51, 64));

        var early = Fetch(101, 1, 64, 32);

        Assert.Equal((KeyResponseStatus.Insufficient, KeyResponseReason.NotRelayedYet), (early.Response.Status, early.Response.Reason));
        Assert.Equal(0, _h.Service.Pool.ConsumedEnd(Lower));
        Assert.Equal(512, _h.Service.Pool.AvailableBits(Lower));
    }

    [Fact]
    public void Higher_Id_Gateway_Refuses_New_Keys_On_The_Pair_Stream()
    {
        Relay(0, 0, Material(0x61, 64));
        _h.Request(101, 9, 3, 256, Lower);
        _h.Bus.DeliverPending();

        var answer = Assert.Single(_h.Received[101]);

        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.FetchOnly), (answer.Response.Status, answer.Response.Reason));
        Assert.Equal(512, _h.Service.Pool.AvailableBits(Lower));
    }

    [Fact]
    public void Lower_Id_Gateway_Hands_Out_Pair_Keys_In_Ddka_Order_And_Refuses_Fetches()
    {
        _h.DeliverBlocks(1, Higher);
        _h.Request(101, 9, 3, 256, Higher);
        _h.EndSlot();
        var fetch = Fetch(102, 2, 0, 16, peerGateway: Higher, peerOfRange: GatewayHarness.GatewayId);

        Assert.Equal(new KeyRange(Higher, 0, 32), Assert.Single(_h.Received[101]).Range);
        Assert.Equal(KeyResponseReason.UnknownDestination, fetch.Response.Reason);
    }

    private void Relay(uint blockId, uint offset, byte[] k1)
    {
        var frame = _h.Hap.SealRelay(new KeyBlock(GatewayHarness.GatewayId, blockId, offset, k1), Lower, Material(0x99, k1.Length));
        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Blocks(GatewayHarness.GatewayId), frame));
        _h.Bus.DeliverPending();
    }

    private SensorKeyResult Fetch(ushort sensor, uint requestId, uint offset, int length, ushort peerGateway = Lower, ushort peerOfRange = GatewayHarness.GatewayId)
    {
        var frame = _h.Sensors[sensor].BuildSharedKeyRequest(requestId, peerGateway, Partner, 4, new KeyRange(peerOfRange, offset, length));
        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame));
        _h.Bus.DeliverPending();
        return _h.Received[sensor][^1];
    }

    private static byte[] Material(byte seed, int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed + (i * 31)))];

    private static byte[] Xor(byte[] a, byte[] b) => [.. a.Zip(b, (x, y) => (byte)(x ^ y))];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
