using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>
/// The host twin of the ESP32's crypto natives refuses what the board refuses (AES-128 only, whole blocks) and
/// computes what the board computes (FIPS-197 / SP 800-38A AES-128, RFC 4231 HMAC-SHA256 with any key length).
/// </summary>
public sealed class BoardCryptoPrimitivesTests
{
    private readonly BoardCryptoPrimitives _board = new();

    public static TheoryData<string> AesCases => CryptoVectorFile.Cases("aes128-ecb");

    public static TheoryData<string> HmacCases => CryptoVectorFile.Cases("hmac-sha256");

    [Fact]
    public void Has_No_Native_Aes256()
    {
        Assert.False(_board.NativeAes256);
    }

    [Theory]
    [MemberData(nameof(AesCases))]
    public void Native_Aes_Matches_Fips197_And_Sp800_38a_Ecb_Aes128(string caseName)
    {
        var v = CryptoVectorFile.Get("aes128-ecb", caseName);

        var output = _board.EncryptBlocks(v["key"], v["input"], 0, v["input"].Length);

        Assert.Equal(Convert.ToHexString(v["output"]), Convert.ToHexString(output));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(24)]
    [InlineData(15)]
    [InlineData(0)]
    public void Native_Aes_Refuses_A_Key_That_Is_Not_16_Bytes_Like_The_Board(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => _board.EncryptBlocks(new byte[length], new byte[16], 0, 16));
        Assert.Contains($"AES-128 only: a {length}-byte key is refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_Aes_Refuses_Partial_Blocks_Like_The_Board()
    {
        Assert.Throws<ArgumentException>(() => _board.EncryptBlocks(new byte[16], new byte[20], 0, 20));
    }

    [Theory]
    [MemberData(nameof(HmacCases))]
    public void Native_Hmac_Matches_Rfc4231_Including_The_131_Byte_Keys(string caseName)
    {
        var v = CryptoVectorFile.Get("hmac-sha256", caseName);
        var data = v["data"];

        var mac = _board.HmacSha256(v["key"], data, 0, data.Length);

        // RFC 4231 case 5 publishes a 128-bit truncation: compare the published prefix.
        Assert.Equal(Convert.ToHexString(v["mac"]), Convert.ToHexString(mac, 0, v["mac"].Length));
    }
}
