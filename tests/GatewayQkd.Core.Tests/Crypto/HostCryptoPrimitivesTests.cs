using GatewayQkd.Adapters;

namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>The host's port (hardware AES-128/AES-256, HMAC-SHA256) against the same standard vectors the board meets.</summary>
public sealed class HostCryptoPrimitivesTests
{
    private readonly HostCryptoPrimitives _host = new();

    public static TheoryData<string, string> AesCases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var suite in new[] { "aes128-ecb", "aes256-ecb" })
            {
                foreach (var vector in CryptoVectorFile.All.Where(v => v.Suite == suite))
                {
                    cases.Add(suite, vector.Case);
                }
            }

            return cases;
        }
    }

    [Fact]
    public void Has_A_Native_Aes256()
    {
        Assert.True(_host.NativeAes256);
    }

    [Theory]
    [MemberData(nameof(AesCases))]
    public void Native_Aes_Matches_Fips197_And_Sp800_38a(string suite, string caseName)
    {
        var v = CryptoVectorFile.Get(suite, caseName);

        var output = _host.EncryptBlocks(v["key"], v["input"], 0, v["input"].Length);

        Assert.Equal(Convert.ToHexString(v["output"]), Convert.ToHexString(output));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(31)]
    public void Refuses_A_Key_That_Is_Neither_16_Nor_32_Bytes(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => _host.EncryptBlocks(new byte[length], new byte[16], 0, 16));
        Assert.Contains($"got {length} bytes", error.Message, StringComparison.Ordinal);
    }
}
