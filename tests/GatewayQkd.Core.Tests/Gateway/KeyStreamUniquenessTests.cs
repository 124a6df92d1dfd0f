using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// A sender that lost its send counter file (re-flash or reformat of I:\, deleted run state) with its pairwise key kept
/// reuses frame counters, but never a key stream: every wrap's message key also binds a fresh random salt
/// (docs/crypto.md s2.2). Without the salt, wrapped1 xor wrapped2 == key1 xor key2 for two wraps under one counter.
/// </summary>
public sealed class KeyStreamUniquenessTests
{
    [Fact]
    public void Gateway_That_Lost_Its_Send_Counter_File_Repeats_The_Counter_But_Not_The_Key_Stream()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);
        var first = ServeOne(h, requestId: 1);

        LoseCounterState(h);
        h.Boot();
        h.DeliverBlocks(4); // the same frames as before the loss (status, four acks), so the response gets the same counter
        var second = ServeOne(h, requestId: 2);

        Assert.Equal(first.Header.Counter, second.Header.Counter); // the counter did repeat: the lost-state case is real
        Assert.NotEqual(first.Body.KeyOffset, second.Body.KeyOffset); // two different keys
        AssertNoRepeatedKeyStream(Key(first.Body), first.Body.WrappedKey, Key(second.Body), second.Body.WrappedKey);
    }

    [Fact]
    public void Authority_That_Lost_Its_State_Repeats_The_Counter_But_Not_The_Key_Stream()
    {
        var crypto = new BoardCryptoPrimitives();
        var linkKey = GatewayHarness.Key(0xA0);
        var block1 = new KeyBlock(0, 0, 0, KeyStreamModel.Bytes(0, 0, 64));
        var block2 = new KeyBlock(0, 1, 64, KeyStreamModel.Bytes(0, 64, 64));

        var before = Parse<KeyBlockMessage>(new AuthorityLink(0, 7, linkKey, crypto, new CryptoRandomSource(), new InMemoryKeyStorage(), 16).SealBlock(block1));
        var after = Parse<KeyBlockMessage>(new AuthorityLink(0, 7, linkKey, crypto, new CryptoRandomSource(), new InMemoryKeyStorage(), 16).SealBlock(block2));

        Assert.Equal(before.Header.Counter, after.Header.Counter);
        AssertNoRepeatedKeyStream(block1.Material, before.Body.WrappedMaterial, block2.Material, after.Body.WrappedMaterial);
    }

    [Fact]
    public void Same_Header_With_Another_Salt_Gives_Another_Key_Stream()
    {
        var crypto = new BoardCryptoPrimitives();
        var keys = FrameKeys.Derive(crypto, GatewayHarness.Key(1));
        var wrap = new KeyWrap(crypto);
        var zeros = new byte[48];

        var a = wrap.Apply(keys, FrameType.KeyResponse, 7, 101, 1, new byte[16], zeros);
        var b = wrap.Apply(keys, FrameType.KeyResponse, 7, 101, 1, [1, .. new byte[15]], zeros);
        var c = wrap.Apply(keys, FrameType.KeyResponse, 7, 101, 2, new byte[16], zeros);

        Assert.Equal(3, new[] { a, b, c }.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Sensor_Unwraps_The_Key_Under_The_Salt_The_Gateway_Drew()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(4);

        var served = ServeOne(h, requestId: 1);

        var result = Assert.Single(h.Received[101]);
        Assert.True(result.HasKey, result.Message);
        Assert.Equal(Key(served.Body), result.Key);
        Assert.NotEqual(new byte[KeyWrap.SaltLength], served.Body.WrapSalt);
    }

    // The reservation lives in the counter file and in the slot record of the pool snapshot ('G' 'S' 1 u32, then the
    // replay table: firmware/Core/Gateway/SlotAttachment.cs); both are lost, the pool and the replay marks kept.
    private static void LoseCounterState(GatewayHarness h)
    {
        h.Memory.Delete(GatewayService.SendCounterFile); // both copies: one alone is recovered from the other (Corruption/GatewayFileCorruptionTests)
        h.Memory.Delete(GatewayService.SendCounterMirrorFile);
        var pool = KeyPool.Open(h.Memory);
        Assert.Equal((byte)'G', pool.Attachment![0]);
        pool.Commit(pool.Attachment[7..]); // the bare replay table, as builds before the slot record stored it
    }

    private static (FrameHeader Header, KeyResponseMessage Body) ServeOne(GatewayHarness h, uint requestId)
    {
        Assert.Equal(FrameStatus.Ok, h.Request(101, requestId, 2, 256));
        h.EndSlot();
        var frame = h.Bus.PublishedOn(Topics.Response(GatewayHarness.GatewayId, 101)).Last().Payload;
        var parsed = Parse<KeyResponseMessage>(frame);
        Assert.Equal(KeyResponseStatus.Ok, parsed.Body.Status);
        return parsed;
    }

    private static byte[] Key(KeyResponseMessage served) => KeyStreamModel.Bytes(served.KeyPeer, served.KeyOffset, served.WrappedKey.Length);

    // Reads a sealed frame's header and body without an opener (the test plays the eavesdropper on the broker).
    private static (FrameHeader Header, T Body) Parse<T>(byte[] frame)
        where T : FrameBody
    {
        var header = FrameHeader.ReadFrom(new FrameReader(frame, 0, FrameLimits.HeaderLength));
        var body = FrameBodyParser.Parse(header.Type, new FrameReader(frame, FrameLimits.HeaderLength, header.BodyLength));
        return (header, (T)body);
    }

    private static void AssertNoRepeatedKeyStream(byte[] plain1, byte[] wrapped1, byte[] plain2, byte[] wrapped2)
    {
        var n = Math.Min(plain1.Length, plain2.Length);
        var stream1 = plain1.Take(n).Zip(wrapped1, (p, w) => (byte)(p ^ w)).ToArray();
        var stream2 = plain2.Take(n).Zip(wrapped2, (p, w) => (byte)(p ^ w)).ToArray();
        Assert.NotEqual(Convert.ToHexString(stream1), Convert.ToHexString(stream2));

        // No 16-byte key-stream block of one wrap appears anywhere in the other (no shifted overlap either).
        var blocks1 = Enumerable.Range(0, n / 16).Select(i => Convert.ToHexString(stream1, i * 16, 16)).ToHashSet();
        Assert.DoesNotContain(Enumerable.Range(0, n / 16).Select(i => Convert.ToHexString(stream2, i * 16, 16)), blocks1.Contains);
    }
}
