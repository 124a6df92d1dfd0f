using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class ConstantTimeTests
{
    [Fact]
    public void Equal_Arrays_Compare_Equal()
    {
        Assert.True(ConstantTime.AreEqual([1, 2, 3], [1, 2, 3]));
    }

    [Fact]
    public void A_Difference_In_Any_Bit_Of_Any_Byte_Is_Found()
    {
        var a = new SeededBytes(21).Next(16);
        for (int bit = 0; bit < 128; bit++)
        {
            Assert.False(ConstantTime.AreEqual(a, BitFlip.Flip(a, bit)), $"bit {bit}");
        }
    }

    [Fact]
    public void Arrays_Of_Different_Length_Are_Not_Equal()
    {
        Assert.False(ConstantTime.AreEqual([1, 2, 3], [1, 2]));
    }

    [Fact]
    public void Compares_Ranges_At_Offsets()
    {
        Assert.True(ConstantTime.AreEqual([9, 1, 2], 1, [1, 2, 7], 0, 2));
        Assert.False(ConstantTime.AreEqual([9, 1, 2], 1, [1, 3, 7], 0, 2));
    }
}
