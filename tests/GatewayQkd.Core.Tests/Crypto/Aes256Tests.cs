using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>The managed AES-256 the ESP32 runs (its native AES is AES-128 only), against FIPS-197 and SP 800-38A.</summary>
public sealed class Aes256Tests
{
    public static TheoryData<string> Cases => CryptoVectorFile.Cases("aes256-ecb");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_Fips197_And_Sp800_38a_Ecb_Aes256(string caseName)
    {
        var v = CryptoVectorFile.Get("aes256-ecb", caseName);

        var output = new Aes256(v["key"]).EncryptBlocks(v["input"], 0, v["input"].Length);

        Assert.Equal(Convert.ToHexString(v["output"]), Convert.ToHexString(output));
    }

    [Fact]
    public void Matches_BouncyCastle_AesEngine_On_Random_Keys_And_Blocks()
    {
        var random = new SeededBytes(197);
        for (int i = 0; i < 300; i++)
        {
            var key = random.Next(32);
            var input = random.Next(16 * (1 + random.Length(8)));

            var output = new Aes256(key).EncryptBlocks(input, 0, input.Length);

            Assert.Equal(Convert.ToHexString(BouncyReference.AesEcb(key, input)), Convert.ToHexString(output));
        }
    }

    [Fact]
    public void Encrypts_In_Place_At_An_Offset()
    {
        var random = new SeededBytes(11);
        var key = random.Next(32);
        var buffer = random.Next(70);
        var expected = BouncyReference.AesEcb(key, buffer[3..67]);

        new Aes256(key).EncryptBlocks(buffer, 3, 64, buffer, 3);

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer, 3, 64));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(33)]
    public void Rejects_A_Key_That_Is_Not_32_Bytes(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new Aes256(new byte[length]));
        Assert.Contains($"key must be 32 bytes, got {length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Input_That_Is_Not_Whole_Blocks()
    {
        var error = Assert.Throws<ArgumentException>(() => new Aes256(new byte[32]).EncryptBlocks(new byte[20], 0, 20));
        Assert.Contains("whole 16-byte blocks, got 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Erase_Leaves_A_Schedule_That_No_Longer_Gives_The_Key_Cipher()
    {
        var v = CryptoVectorFile.Get("aes256-ecb", "fips197-c.3");
        var aes = new Aes256(v["key"]);

        aes.Erase();

        // All-zero round keys: the output is the zero-key-schedule cipher, not the key's (FIPS-197 C.3) output.
        Assert.NotEqual(Convert.ToHexString(v["output"]), Convert.ToHexString(aes.EncryptBlocks(v["input"], 0, 16)));
    }
}
