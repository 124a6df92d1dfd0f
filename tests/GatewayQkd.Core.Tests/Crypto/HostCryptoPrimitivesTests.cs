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

    [Fact]
    public void A_Reused_Key_Array_Gives_The_Same_Aes_Output_Every_Call()
    {
        var random = new SeededBytes(5);
        var key = random.Next(32);
        var input = random.Next(64);
        var expected = Convert.ToHexString(BouncyReference.AesEcb(key, input));

        var outputs = Enumerable.Range(0, 4).Select(_ => Convert.ToHexString(_host.EncryptBlocks(key, input, 0, 64))).ToList();

        Assert.All(outputs, o => Assert.Equal(expected, o));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void First_And_Later_Uses_Of_A_Key_Match_BouncyCastle_For_Both_Key_Lengths(int keyLength)
    {
        var random = new SeededBytes(11 + keyLength);
        for (var k = 0; k < 20; k++)
        {
            var key = random.Next(keyLength);
            var input = random.Next(16 * (1 + random.Length(8)));
            var expected = Convert.ToHexString(BouncyReference.AesEcb(key, input));

            for (var use = 0; use < 3; use++) // one-shot first, then the kept schedule
            {
                Assert.Equal(expected, Convert.ToHexString(_host.EncryptBlocks(key, input, 0, input.Length)));
            }
        }
    }

    [Fact]
    public void A_Refilled_Key_Array_Is_Never_Served_From_The_Old_Key()
    {
        var random = new SeededBytes(6);
        var key = random.Next(32);
        var data = random.Next(48);
        _host.EncryptBlocks(key, data, 0, 48);
        _host.EncryptBlocks(key, data, 0, 48); // now the array has a cached encryptor and a keyed HMAC
        _host.HmacSha256(key, data, 0, 48);
        _host.HmacSha256(key, data, 0, 48);

        random.Next(32).CopyTo(key, 0);

        Assert.Equal(Convert.ToHexString(BouncyReference.AesEcb(key, data)), Convert.ToHexString(_host.EncryptBlocks(key, data, 0, 48)));
        Assert.Equal(Convert.ToHexString(BouncyReference.HmacSha256(key, data)), Convert.ToHexString(_host.HmacSha256(key, data, 0, 48)));
    }

    [Fact]
    public void Keyed_Hmac_Of_Slices_Matches_BouncyCastle_On_Every_Reuse()
    {
        var random = new SeededBytes(7);
        var key = random.Next(32);
        for (int i = 0; i < 20; i++)
        {
            var data = random.Next(1 + random.Length(200));
            var offset = random.Length(data.Length - 1);
            var count = data.Length - offset;

            Assert.Equal(
                Convert.ToHexString(BouncyReference.HmacSha256(key, data[offset..])),
                Convert.ToHexString(_host.HmacSha256(key, data, offset, count)));
        }
    }

    [Fact]
    public void One_Time_Keys_Between_The_Uses_Of_Reused_Keys_All_Get_Their_Own_Correct_Outputs()
    {
        var random = new SeededBytes(10);
        var reused = Enumerable.Range(0, 8).Select(_ => random.Next(32)).ToList();
        var input = random.Next(32);
        for (var i = 0; i < 3000; i++) // more one-time arrays than the table has entries, so they meet the reused keys' entries
        {
            var key = i % 3 == 0 ? reused[i % reused.Count] : random.Next(32);

            Assert.Equal(Convert.ToHexString(BouncyReference.AesEcb(key, input)), Convert.ToHexString(_host.EncryptBlocks(key, input, 0, 32)));
            Assert.Equal(Convert.ToHexString(BouncyReference.HmacSha256(key, input)), Convert.ToHexString(_host.HmacSha256(key, input, 0, 32)));
        }
    }

    [Fact]
    public void Concurrent_Callers_On_One_Key_Get_Correct_Outputs()
    {
        var key = new SeededBytes(8).Next(32);
        var input = new SeededBytes(9).Next(32);
        var expectedAes = Convert.ToHexString(BouncyReference.AesEcb(key, input));
        var expectedMac = Convert.ToHexString(BouncyReference.HmacSha256(key, input));

        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 400, _ =>
        {
            results.Add(Convert.ToHexString(_host.EncryptBlocks(key, input, 0, 32)) == expectedAes
                && Convert.ToHexString(_host.HmacSha256(key, input, 0, 32)) == expectedMac);
        });

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void On_Linux_Hmac_Runs_On_Libcrypto_Sha256_Contexts()
    {
        // The project's hosts and CI are Linux, where .NET itself needs libcrypto: the fast path must not be silently off.
        Assert.True(HostCryptoPrimitives.HmacOnLibcryptoContexts || !OperatingSystem.IsLinux());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    public void Hmac_Of_First_And_Later_Uses_Matches_BouncyCastle_Around_The_Block_Boundaries(int keyLength)
    {
        var random = new SeededBytes(11 + keyLength);
        var key = random.Next(keyLength);
        foreach (var length in new[] { 0, 1, 55, 56, 63, 64, 65, 119, 1024, 1025, 3000 })
        {
            var data = random.Next(length + 3);
            var expected = Convert.ToHexString(BouncyReference.HmacSha256(key, data[3..]));
            var host = new HostCryptoPrimitives();

            Assert.Equal(expected, Convert.ToHexString(host.HmacSha256(key, data, 3, length))); // first use: one-shot
            Assert.Equal(expected, Convert.ToHexString(host.HmacSha256(key, data, 3, length))); // second: keyed state built
            Assert.Equal(expected, Convert.ToHexString(host.HmacSha256(key, data, 3, length))); // third: keyed state reused
        }
    }
}
