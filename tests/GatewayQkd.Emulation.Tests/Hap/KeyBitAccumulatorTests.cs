using GatewayQkd.Emulation.Hap;

namespace GatewayQkd.Emulation.Tests.Hap;

/// <summary>Cutting produced key bits into whole blocks.</summary>
public sealed class KeyBitAccumulatorTests
{
    [Fact]
    public void Carries_Fractional_Bits_Into_The_Next_Block()
    {
        var accumulator = new KeyBitAccumulator(blockBytes: 32); // 256-bit blocks
        accumulator.Add(200.5);
        Assert.Equal(0, accumulator.TakeBlocks());

        accumulator.Add(100);

        Assert.Equal(1, accumulator.TakeBlocks());
        Assert.Equal(44.5, accumulator.Bits, 9);
    }

    [Fact]
    public void Takes_At_Most_The_Limit_And_Keeps_The_Rest()
    {
        var accumulator = new KeyBitAccumulator(blockBytes: 16);
        accumulator.Add(128 * 5);

        Assert.Equal(2, accumulator.TakeBlocks(limit: 2));
        Assert.Equal(128 * 3, accumulator.Bits, 9);
    }

    [Fact]
    public void Refuses_Negative_Bits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyBitAccumulator(32).Add(-1));
    }
}
