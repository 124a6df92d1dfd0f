using FsCheck.Xunit;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>Every frame type decodes to the fields it was encoded from.</summary>
public sealed class FrameRoundTripTests : IDisposable
{
    private readonly ProtocolFixture _fx = new();
    private uint _counter;

    public void Dispose() => _fx.Dispose();

    [Property]
    public bool KeyRequest_RoundTrips(uint requestId, ushort destination, byte level, ushort bytes)
    {
        var sent = new KeyRequestMessage(requestId, destination, level % 6, ((bytes % FrameLimits.MaxKeyBytes) + 1) * 8);
        var got = (KeyRequestMessage)OpenOk(sent);
        return got.RequestId == sent.RequestId && got.Destination == destination
            && got.KSec == sent.KSec && got.KQuaBits == sent.KQuaBits;
    }

    [Property]
    public bool Served_KeyResponse_RoundTrips(uint requestId, ushort peer, uint offset, byte[] key)
    {
        var wrapped = Clip(key, FrameLimits.MaxKeyBytes);
        offset = (uint)Math.Min(offset, 0x100000000UL - (ulong)wrapped.Length);
        var salt = Salt(requestId);
        var got = (KeyResponseMessage)OpenOk(KeyResponseMessage.Served(requestId, peer, offset, salt, wrapped));
        return got.Status == KeyResponseStatus.Ok && got.Reason == KeyResponseReason.None && got.RequestId == requestId
            && got.KeyPeer == peer && got.KeyOffset == offset && got.WrapSalt.SequenceEqual(salt) && got.WrappedKey.SequenceEqual(wrapped);
    }

    [Property]
    public bool Unserved_KeyResponse_RoundTrips(uint requestId, byte status, byte reason)
    {
        var s = (KeyResponseStatus)(1 + (status % 3));
        var r = (KeyResponseReason)(1 + (reason % 7));
        var got = (KeyResponseMessage)OpenOk(KeyResponseMessage.NotServed(requestId, s, r));
        return got.Status == s && got.Reason == r && got.RequestId == requestId && got.WrappedKey is null;
    }

    [Property]
    public bool KeyBlockDelivery_RoundTrips(ushort peer, uint blockId, uint offset, byte[] material)
    {
        var wrapped = Clip(material, FrameLimits.MaxBlockBytes);
        offset = (uint)Math.Min(offset, 0x100000000UL - (ulong)wrapped.Length);
        var salt = Salt(blockId);
        var got = (KeyBlockMessage)OpenOk(new KeyBlockMessage(peer, blockId, offset, salt, wrapped));
        return got.PeerId == peer && got.BlockId == blockId && got.Offset == offset
            && got.WrapSalt.SequenceEqual(salt) && got.WrappedMaterial.SequenceEqual(wrapped);
    }

    [Property]
    public bool BlockAck_RoundTrips(ushort peer, uint blockId, byte result, uint next, uint available)
    {
        var r = (BlockAckResult)(result % 5);
        var got = (BlockAckMessage)OpenOk(new BlockAckMessage(peer, blockId, r, next, available));
        return got.PeerId == peer && got.BlockId == blockId && got.Result == r && got.NextBlockId == next && got.AvailableBits == available;
    }

    [Property]
    public bool SupplementMessage_RoundTrips(ushort peer, bool onDemand, uint available, uint demand, uint requested, uint weightBits, byte level, ushort weightMillis)
    {
        var reason = onDemand ? SupplementMessage.ReasonInsufficientKeys : SupplementMessage.ReasonBelowLowThreshold;
        var bits = Math.Max(1u, weightBits);
        var weight = weightMillis / 1000.0;
        var got = (SupplementMessage)OpenOk(new SupplementMessage(peer, reason, available, demand, requested, bits, level % 6, weight));
        return got.PeerId == peer && got.Reason == reason && got.AvailableBits == available && got.PendingDemandBits == demand
            && got.RequestedBits == requested && got.WeightQuantityBits == bits && got.WeightSecurityLevel == level % 6
            && Math.Abs(got.Weight - weight) < 1e-6;
    }

    [Property]
    public bool GatewayStatus_RoundTrips(uint clock, byte state, ushort queue, ushort[] peers, uint[] counters)
    {
        var levels = (peers ?? []).Take(FrameLimits.MaxStatusPeers).Select(p => new PeerLevel(p, (uint)p * 3, (uint)p * 5 + 1)).ToArray();
        var counts = (counters ?? []).Take(FrameLimits.MaxStatusCounters).ToArray();
        var got = (GatewayStatusMessage)OpenOk(new GatewayStatusMessage(clock, state, queue, levels, counts));
        return got.ClockMilliseconds == clock && got.State == state && got.QueueLength == queue && got.Counters.SequenceEqual(counts)
            && got.Levels.Select(l => (l.PeerId, l.AvailableBits, l.CapacityBits)).SequenceEqual(levels.Select(l => (l.PeerId, l.AvailableBits, l.CapacityBits)));
    }

    [Fact]
    public void Opened_Header_Names_Sender_Recipient_And_Counter()
    {
        var result = _fx.Open(_fx.Seal(new KeyRequestMessage(1, 2, 3, 128), 77));

        Assert.True(result.IsOk, result.Message);
        Assert.Equal((FrameType.KeyRequest, ProtocolFixture.SenderId, ProtocolFixture.ReceiverId, 77u),
            (result.Header.Type, result.Header.SenderId, result.Header.RecipientId, result.Header.Counter));
    }

    // A wrap salt that differs with the property's input (its value does not matter to the codec).
    private static byte[] Salt(uint seed) => Enumerable.Range(0, KeyWrap.SaltLength).Select(i => (byte)(seed >> (i % 4 * 8) ^ i)).ToArray();

    private static byte[] Clip(byte[]? bytes, int max)
    {
        var b = bytes is { Length: > 0 } ? bytes : [0x5A];
        return b.Length > max ? b[..max] : b;
    }

    private FrameBody OpenOk(FrameBody body)
    {
        var result = _fx.Open(_fx.Seal(body, ++_counter));
        Assert.True(result.IsOk, result.Message);
        Assert.Equal(body.Type, result.Body.Type);
        return result.Body;
    }
}
