namespace GatewayQkd.Core.Tests.Crypto;

public sealed class CryptoVectorFileTests
{
    [Theory]
    [InlineData("hmac-sha256", 7)] // RFC 4231 test cases 1-7
    [InlineData("hkdf-sha256", 3)] // RFC 5869 A.1-A.3
    [InlineData("aes256-ctr", 2)] // SP 800-38A F.5.5, F.5.6
    [InlineData("aes256-ecb", 2)] // FIPS-197 C.3, SP 800-38A F.1.5
    [InlineData("aes128-ecb", 2)] // FIPS-197 C.1, SP 800-38A F.1.1
    [InlineData("poly1305", 12)] // RFC 8439 s2.5.2 + A.3 #1-#11
    [InlineData("aead-aes256ctr-hmacsha256", 3)] // own construction, BouncyCastle-computed
    [InlineData("otp-poly1305", 3)] // own construction, BouncyCastle-computed
    public void Holds_Every_Vector_Of_Each_Suite(string suite, int expected)
    {
        Assert.Equal(expected, CryptoVectorFile.All.Count(v => v.Suite == suite));
    }

    [Fact]
    public void Case_Names_Are_Unique_Within_A_Suite()
    {
        var duplicates = CryptoVectorFile.All.GroupBy(v => v.ToString()).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Parser_Skips_Comments_And_Reads_Empty_Hex_As_Empty_Bytes()
    {
        var vectors = CryptoVectorFile.Parse(["# source", "", "s|c|a=0a0b|b="]);

        var vector = Assert.Single(vectors);
        Assert.Equal(new byte[] { 0x0a, 0x0b }, vector["a"]);
        Assert.Empty(vector["b"]);
    }

    [Fact]
    public void Parser_Rejects_A_Field_Without_Equals_Sign_Naming_The_Line()
    {
        var error = Assert.Throws<FormatException>(() => CryptoVectorFile.Parse(["# x", "s|c|oops"]));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }
}
