using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>est(K) = (1 - w) ln(K_qua) + w ln(10 - K_sec), DDKA eq. (5), against hand-computed values.</summary>
public sealed class ResponseWeightTests
{
    // ln 2 = 0.693147180559945, ln 3 = 1.09861228866811, ln 5 = 1.6094379124341 (tables); at w = 0.5,
    // est = 0.5 ln(K_qua (10 - K_sec)).
    private const double Ln2 = 0.693147180559945;
    private const double Ln3 = 1.09861228866811;
    private const double Ln5 = 1.6094379124341;

    [Fact]
    public void Half_Weight_Of_128_Bits_At_Level_1_Is_Half_Ln_1152()
    {
        // 128 * 9 = 2^7 * 3^2.
        Assert.Equal(0.5 * ((7 * Ln2) + (2 * Ln3)), ResponseWeight.Estimate(128, 1, 0.5), 12);
    }

    [Fact]
    public void Half_Weight_Of_2048_Bits_At_Level_5_Is_Half_Ln_10240()
    {
        // 2048 * 5 = 2^11 * 5.
        Assert.Equal(0.5 * ((11 * Ln2) + Ln5), ResponseWeight.Estimate(2048, 5, 0.5), 12);
    }

    [Fact]
    public void Zero_Weight_Ranks_By_Quantity_Only()
    {
        Assert.Equal(10 * Ln2, ResponseWeight.Estimate(1024, 3, 0.0), 12);
    }

    [Fact]
    public void Full_Weight_Ranks_By_Security_Only()
    {
        // ln(10 - 4) = ln 2 + ln 3, whatever K_qua is.
        Assert.Equal(Ln2 + Ln3, ResponseWeight.Estimate(4096, 4, 1.0), 12);
    }

    [Fact]
    public void Quarter_Weight_Mixes_Both_Terms()
    {
        // 0.75 ln 256 + 0.25 ln 8 = 0.75 * 8 ln 2 + 0.25 * 3 ln 2 = 6.75 ln 2.
        Assert.Equal(6.75 * Ln2, ResponseWeight.Estimate(256, 2, 0.25), 12);
    }

    [Theory]
    [InlineData(0, 1, 0.5, "kQuaBits")]
    [InlineData(128, 6, 0.5, "kSec")]
    [InlineData(128, -1, 0.5, "kSec")]
    [InlineData(128, 1, 1.5, "w")]
    [InlineData(128, 1, double.NaN, "w")]
    public void Rejects_Out_Of_Range_Inputs_Naming_The_Parameter(int kQua, int kSec, double w, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ResponseWeight.Estimate(kQua, kSec, w));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 128)]
    [InlineData(2, 256)]
    [InlineData(3, 512)]
    [InlineData(4, 1024)]
    [InlineData(5, 2048)]
    public void Security_Levels_Map_To_Paper_Key_Lengths(int kSec, int bits)
    {
        Assert.Equal(bits, SecurityLevel.KeyBits(kSec));
    }
}
