using FsCheck.Xunit;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>Altered, cut or padded frames are rejected with a code and leave the receiver's state unchanged.</summary>
public sealed class FrameRejectionTests : IDisposable
{
    private readonly ProtocolFixture _fx = new();
    private uint _counter;

    public void Dispose() => _fx.Dispose();

    [Property(MaxTest = 300)]
    public bool Any_Single_Byte_Mutation_Is_Rejected(byte sample, int position, byte delta)
    {
        var frame = _fx.Seal(SampleBodies.All[sample % SampleBodies.All.Length], ++_counter);
        var mutated = (byte[])frame.Clone();
        mutated[(int)((uint)position % (uint)frame.Length)] ^= (byte)(delta == 0 ? 1 : delta);

        return !_fx.Open(mutated).IsOk && _fx.Opener.Open(frame, 0, frame.Length).IsOk;
    }

    [Theory]
    [MemberData(nameof(SampleBodies.Indexes), MemberType = typeof(SampleBodies))]
    public void Flipping_Any_Bit_Of_Any_Byte_Is_Rejected_Without_State_Change(int sample)
    {
        var frame = _fx.Seal(SampleBodies.All[sample], 5);
        for (var i = 0; i < frame.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var mutated = (byte[])frame.Clone();
                mutated[i] ^= (byte)(1 << bit);
                Assert.False(_fx.Open(mutated).IsOk, $"byte {i} bit {bit}");
            }
        }

        Assert.True(_fx.Open(frame).IsOk, "the unaltered frame must still be fresh");
    }

    [Property(MaxTest = 200)]
    public bool Any_Truncation_Is_Rejected(byte sample, int cut)
    {
        var frame = _fx.Seal(SampleBodies.All[sample % SampleBodies.All.Length], ++_counter);
        var length = (int)((uint)cut % (uint)frame.Length);
        var result = _fx.Opener.Open(frame, 0, length);
        return (result.Status == FrameStatus.Truncated || result.Status == FrameStatus.LengthMismatch) && _fx.Open(frame).IsOk;
    }

    [Property(MaxTest = 200)]
    public bool Any_Extension_Is_Rejected(byte sample, byte[] extra)
    {
        var frame = _fx.Seal(SampleBodies.All[sample % SampleBodies.All.Length], ++_counter);
        var tail = extra is { Length: > 0 } ? extra : [0];
        var result = _fx.Open(frame.Concat(tail).ToArray());
        return result.Status == FrameStatus.LengthMismatch && _fx.Open(frame).IsOk;
    }

    [Fact]
    public void Frame_Sealed_Under_Another_Key_Fails_The_Tag_Check()
    {
        var otherKeys = FrameKeys.Derive(_fx.Crypto, new byte[32]);
        var frame = _fx.Sealer.Seal(new KeyRequestMessage(1, 0, 1, 128), ProtocolFixture.SenderId, ProtocolFixture.ReceiverId, 1, otherKeys);

        Assert.Equal(FrameStatus.BadTag, _fx.Open(frame).Status);
    }

    [Fact]
    public void Frame_From_Unknown_Sender_Is_Rejected()
    {
        var frame = _fx.Sealer.Seal(new KeyRequestMessage(1, 0, 1, 128), 999, ProtocolFixture.ReceiverId, 1, _fx.Keys);

        Assert.Equal(FrameStatus.UnknownSender, _fx.Open(frame).Status);
    }

    [Fact]
    public void Frame_For_Another_Recipient_Is_Rejected()
    {
        var frame = _fx.Sealer.Seal(new KeyRequestMessage(1, 0, 1, 128), ProtocolFixture.SenderId, 8, 1, _fx.Keys);

        Assert.Equal(FrameStatus.WrongRecipient, _fx.Open(frame).Status);
    }

    [Fact]
    public void Frame_Type_Not_Accepted_On_The_Channel_Is_Rejected()
    {
        using var fx = new ProtocolFixture(FrameType.KeyBlockDelivery);

        var result = fx.Open(fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 1));

        Assert.Equal(FrameStatus.UnexpectedType, result.Status);
    }

    [Fact]
    public void Unknown_Version_Is_Rejected_Before_Anything_Else()
    {
        var frame = _fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 1);
        frame[0] = 2;

        var result = _fx.Open(frame);

        Assert.Equal(FrameStatus.UnsupportedVersion, result.Status);
        Assert.Contains("expected 1, got 2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Type_Is_Rejected()
    {
        var frame = _fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 1);
        frame[1] = 99;

        Assert.Equal(FrameStatus.UnknownType, _fx.Open(frame).Status);
    }

    [Fact]
    public void Declared_Body_Longer_Than_The_Type_Allows_Is_Rejected()
    {
        // A request body is 9 bytes; declare 10 and supply them, so only the size limit can object.
        var frame = new byte[FrameLimits.HeaderLength + 10 + FrameLimits.TagLength];
        frame[0] = 1;
        frame[1] = (byte)FrameType.KeyRequest;
        frame[11] = 10;

        var result = _fx.Open(frame);

        Assert.Equal(FrameStatus.BodyTooLarge, result.Status);
        Assert.Contains("expected at most 9, got 10", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_Frame_Names_Expected_And_Actual_Length()
    {
        var result = _fx.Opener.Open(new byte[10], 0, 10);

        Assert.Equal(FrameStatus.Truncated, result.Status);
        Assert.Contains("expected at least 44 bytes, got 10", result.Message, StringComparison.Ordinal);
    }
}
