using System.Buffers.Binary;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class BytesTests
{
    [Fact]
    public void Big_Endian_Reads_And_Writes_Match_BinaryPrimitives()
    {
        var buffer = new byte[13];
        Bytes.WriteUInt64BigEndian(0x0102030405060708UL, buffer, 1);
        Bytes.WriteUInt32BigEndian(0xa0b0c0d0u, buffer, 9);

        Assert.Equal(0x0102030405060708UL, BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(1)));
        Assert.Equal(0xa0b0c0d0u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(9)));
        Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(1)), Bytes.ReadUInt64BigEndian(buffer, 1));
        Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(9)), Bytes.ReadUInt32BigEndian(buffer, 9));
    }

    [Fact]
    public void Little_Endian_Reads_And_Writes_Match_BinaryPrimitives()
    {
        var buffer = new byte[6];
        Bytes.WriteUInt32LittleEndian(0x11223344u, buffer, 2);

        Assert.Equal(0x11223344u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(2)));
        Assert.Equal(0x11223344u, Bytes.ReadUInt32LittleEndian(buffer, 2));
    }

    [Fact]
    public void Xor_Combines_Ranges_Byte_By_Byte()
    {
        byte[] a = [0x00, 0xff, 0x0f, 0xaa];
        byte[] b = [0x99, 0xf0, 0xf0, 0x55];
        var destination = new byte[5];

        Bytes.Xor(a, 1, b, 0, destination, 2, 3);

        Assert.Equal(new byte[] { 0, 0, 0xff ^ 0x99, 0x0f ^ 0xf0, 0xaa ^ 0xf0 }, destination);
    }

    [Fact]
    public void Erase_Zeroes_Every_Byte()
    {
        byte[] secret = [1, 2, 3];

        Bytes.Erase(secret);

        Assert.All(secret, b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 5)]
    [InlineData(3, 2)]
    [InlineData(0, -1)]
    public void CheckRange_Rejects_A_Range_Outside_The_Array_Naming_It(int offset, int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bytes.CheckRange(new byte[4], offset, count, "frame"));
        Assert.Equal("frame", error.ParamName);
        Assert.Contains("does not fit in 4 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_Reject_An_Offset_Too_Close_To_The_End()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bytes.ReadUInt64BigEndian(new byte[8], 1));
    }
}
