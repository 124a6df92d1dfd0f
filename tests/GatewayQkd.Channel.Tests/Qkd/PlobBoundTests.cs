using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Tests.Qkd;

public class PlobBoundTests
{
    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.75, 2.0)]
    [InlineData(0.9, 3.321928094887362)]
    public void Matches_Minus_Log2_Of_One_Minus_Eta(double eta, double bits)
    {
        // Pirandola et al. 2017: -log2(1 - eta); 1 - 0.5 = 2^-1, 1 - 0.75 = 2^-2, log2(10) = 3.3219.
        Assert.Equal(bits, PlobBound.BitsPerUse(eta), 12);
    }

    [Fact]
    public void Is_1_44_Eta_For_Small_Eta()
    {
        // Small-eta limit eta / ln 2 = 1.44 eta.
        var ratio = PlobBound.BitsPerUse(1e-6) / (1e-6 / Math.Log(2));
        Assert.InRange(ratio, 1.0, 1.000001);
    }

    [Fact]
    public void Rejects_Transmittance_Above_One()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlobBound.BitsPerUse(1.5));
    }
}
