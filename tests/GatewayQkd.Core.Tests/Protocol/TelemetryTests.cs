using FsCheck.Xunit;
using GatewayQkd.TestSupport;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>Telemetry sealed under a quantum key opens at the central server with the same key, and only with it.</summary>
public sealed class TelemetryTests
{
    private static readonly BoardCryptoPrimitives Crypto = new();
    private readonly TelemetryCodec _codec = new(Crypto);

    [Theory]
    [InlineData(1, TelemetryMode.AesCtrHmac)]
    [InlineData(2, TelemetryMode.AesCtrHmac)]
    [InlineData(3, TelemetryMode.AesCtrHmac)]
    [InlineData(4, TelemetryMode.OneTimePad)]
    [InlineData(5, TelemetryMode.OneTimePad)]
    public void Level_Selects_The_Documented_Protection(int level, TelemetryMode mode)
    {
        Assert.Equal(mode, TelemetryModes.ForLevel(level));
    }

    [Theory]
    [InlineData(1, 200, 128)]
    [InlineData(3, 200, 512)]
    [InlineData(4, 64, 1024)]
    [InlineData(4, 200, (200 + 32) * 8)]
    [InlineData(5, 200, 2048)]
    public void Required_Key_Covers_The_Level_And_The_Pad(int level, int plaintextBytes, int bits)
    {
        Assert.Equal(bits, TelemetryModes.RequiredKeyBits(level, plaintextBytes));
    }

    [Property(MaxTest = 50)]
    public bool Sealed_Telemetry_Opens_With_Its_Key(byte levelSeed, byte[] plaintext)
    {
        var level = 1 + (levelSeed % 5);
        var data = (plaintext ?? []).Take(200).ToArray();
        var (frame, key) = Seal(level, data);

        var result = _codec.Open(frame, 0, frame.Length, key);

        return result.IsOk && result.Plaintext.SequenceEqual(data) && result.Header.Key.Length == key.Length;
    }

    [Fact]
    public void One_Time_Pad_Ciphertext_Is_Plaintext_Xor_The_Key_After_The_Mac_Key()
    {
        var plaintext = "temperature=21.5C;humidity=40%"u8.ToArray();
        var (frame, key) = Seal(5, plaintext);

        var ciphertext = frame.AsSpan(TelemetryHeader.Length, plaintext.Length).ToArray();

        Assert.Equal(plaintext.Select((b, i) => (byte)(b ^ key[32 + i])).ToArray(), ciphertext);
    }

    [Property(MaxTest = 100)]
    public bool Any_Single_Byte_Mutation_Fails(byte levelSeed, int position, byte delta)
    {
        var (frame, key) = Seal(1 + (levelSeed % 5), "reading 42"u8.ToArray());
        frame[(int)((uint)position % (uint)frame.Length)] ^= (byte)(delta == 0 ? 0x40 : delta);

        return !_codec.Open(frame, 0, frame.Length, key).IsOk;
    }

    [Fact]
    public void Wrong_Key_Fails_The_Tag()
    {
        var (frame, key) = Seal(2, "x"u8.ToArray());
        key[0] ^= 1;

        Assert.Equal(FrameStatus.BadTag, _codec.Open(frame, 0, frame.Length, key).Status);
    }

    [Fact]
    public void Truncated_And_Extended_Frames_Are_Length_Errors()
    {
        var (frame, key) = Seal(2, "abc"u8.ToArray());

        Assert.Equal(FrameStatus.LengthMismatch, _codec.Open(frame, 0, frame.Length - 1, key).Status);
        Assert.Equal(FrameStatus.LengthMismatch, _codec.Open([.. frame, 0], 0, frame.Length + 1, key).Status);
        Assert.Equal(FrameStatus.Truncated, _codec.Open(frame, 0, 20, key).Status);
    }

    [Fact]
    public void Header_Names_The_Key_Id_Before_Any_Key_Is_Needed()
    {
        var (frame, _) = Seal(3, "abc"u8.ToArray());

        var header = TelemetryCodec.ReadHeader(frame, 0, frame.Length);

        Assert.Equal(new KeyRange(0, 4096, 64), header.Key);
        Assert.Equal((ushort)101, header.SensorId);
    }

    [Fact]
    public void One_Time_Pad_Needs_A_Key_Covering_The_Message()
    {
        var error = Assert.Throws<FrameFormatException>(() => new TelemetryHeader(1, 7, 1, new KeyRange(0, 0, 128), TelemetryMode.OneTimePad, 100));

        Assert.Contains("needs 132 bytes, got 128", error.Message, StringComparison.Ordinal);
    }

    private (byte[] Frame, byte[] Key) Seal(int level, byte[] plaintext)
    {
        var bytes = TelemetryModes.RequiredKeyBits(level, plaintext.Length) / 8;
        var key = Enumerable.Range(0, bytes).Select(i => (byte)(i * 31 + level)).ToArray();
        var header = new TelemetryHeader(101, 7, 3, new KeyRange(0, 4096, bytes), TelemetryModes.ForLevel(level), plaintext.Length);
        return (_codec.Seal(header, key, plaintext), key);
    }
}
