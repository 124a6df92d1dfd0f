using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class HexTests
{
    [Fact]
    public void Encode_Matches_Convert_In_Lower_Case()
    {
        var bytes = new SeededBytes(31).Next(40);

        Assert.Equal(Convert.ToHexString(bytes).ToLowerInvariant(), Hex.Encode(bytes));
    }

    [Fact]
    public void Decode_Reads_Either_Case()
    {
        Assert.Equal(new byte[] { 0xab, 0xcd, 0x09 }, Hex.Decode("aBCd09"));
        Assert.Empty(Hex.Decode(string.Empty));
    }

    [Fact]
    public void Decode_Rejects_Odd_Length()
    {
        var error = Assert.Throws<FormatException>(() => Hex.Decode("abc"));
        Assert.Contains("even number of digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Rejects_A_Non_Hex_Character_Naming_Its_Position()
    {
        var error = Assert.Throws<FormatException>(() => Hex.Decode("00g0"));
        Assert.Contains("position 2", error.Message, StringComparison.Ordinal);
    }
}
