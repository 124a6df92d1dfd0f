using System.Text;
using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Tests.Pool;

public class Crc32Tests
{
    [Fact]
    public void Matches_The_Standard_Check_Value()
    {
        // CRC-32/ISO-HDLC (IEEE 802.3) check value for "123456789" (Williams, "A Painless Guide to CRC Error Detection", and the reveng catalogue).
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789"), 0, 9));
    }

    [Fact]
    public void Matches_The_Known_Value_Of_A_Sub_Range()
    {
        // CRC-32 of "The quick brown fox jumps over the lazy dog" is 0x414FA339 (widely published, e.g. the zlib/PNG CRC examples).
        var framed = Encoding.ASCII.GetBytes("##The quick brown fox jumps over the lazy dog##");
        Assert.Equal(0x414FA339u, Crc32.Compute(framed, 2, framed.Length - 4));
    }

    [Fact]
    public void Rejects_A_Range_Outside_The_Array()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Crc32.Compute(new byte[4], 2, 3));
    }
}
