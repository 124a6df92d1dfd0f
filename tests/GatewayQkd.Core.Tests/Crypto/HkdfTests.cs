using GatewayQkd.TestSupport;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class HkdfTests
{
    private readonly Hkdf _hkdf = new(new BoardCryptoPrimitives());

    public static TheoryData<string> Cases => CryptoVectorFile.Cases("hkdf-sha256");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_Matches_Rfc5869_Prk(string caseName)
    {
        var v = CryptoVectorFile.Get("hkdf-sha256", caseName);

        Assert.Equal(Convert.ToHexString(v["prk"]), Convert.ToHexString(_hkdf.Extract(v["salt"], v["ikm"])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expand_Matches_Rfc5869_Okm(string caseName)
    {
        var v = CryptoVectorFile.Get("hkdf-sha256", caseName);

        Assert.Equal(Convert.ToHexString(v["okm"]), Convert.ToHexString(_hkdf.Expand(v["prk"], v["info"], v["okm"].Length)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeriveKey_Matches_Rfc5869_Okm(string caseName)
    {
        var v = CryptoVectorFile.Get("hkdf-sha256", caseName);

        var okm = _hkdf.DeriveKey(v["ikm"], v["salt"], v["info"], v["okm"].Length);

        Assert.Equal(Convert.ToHexString(v["okm"]), Convert.ToHexString(okm));
    }

    [Fact]
    public void DeriveKey_Matches_BouncyCastle_On_Random_Inputs()
    {
        var random = new SeededBytes(5869);
        for (int i = 0; i < 200; i++)
        {
            var ikm = random.Next(1 + random.Length(80));
            var salt = random.Next(random.Length(80));
            var info = random.Next(random.Length(80));
            int length = 1 + random.Length(300);

            var expected = BouncyReference.Hkdf(ikm, salt, info, length);

            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(_hkdf.DeriveKey(ikm, salt, info, length)));
        }
    }

    [Fact]
    public void Null_Salt_And_Info_Mean_Empty_As_In_Rfc5869_Case3()
    {
        var v = CryptoVectorFile.Get("hkdf-sha256", "rfc5869-case3");

        Assert.Equal(Convert.ToHexString(v["okm"]), Convert.ToHexString(_hkdf.DeriveKey(v["ikm"], null, null, 42)));
    }

    [Fact]
    public void Produces_The_Maximum_255_Blocks()
    {
        var ikm = new SeededBytes(1).Next(32);

        var okm = _hkdf.DeriveKey(ikm, null, null, Hkdf.MaxOutputLength);

        Assert.Equal(Convert.ToHexString(BouncyReference.Hkdf(ikm, null, null, 8160)), Convert.ToHexString(okm));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(255 * 32 + 1)]
    public void Rejects_Output_Length_Outside_1_To_8160(int length)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _hkdf.Expand(new byte[32], null, length));
        Assert.Contains("8160", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Prk_Shorter_Than_Hash_Length()
    {
        var error = Assert.Throws<ArgumentException>(() => _hkdf.Expand(new byte[31], null, 16));
        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }
}
