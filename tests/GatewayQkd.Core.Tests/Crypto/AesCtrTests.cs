using GatewayQkd.Adapters;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class AesCtrTests
{
    // The board's natives: AES-256 runs in the core's managed Aes256, as on the ESP32.
    private readonly AesCtr _ctr = new(new BoardCryptoPrimitives());

    public static TheoryData<string> Cases => CryptoVectorFile.Cases("aes256-ctr");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_Sp800_38a_F5_Ctr_Aes256(string caseName)
    {
        var v = CryptoVectorFile.Get("aes256-ctr", caseName);
        var input = v["input"];

        var output = _ctr.Transform(v["key"], v["icb"], input, 0, input.Length);

        Assert.Equal(Convert.ToHexString(v["output"]), Convert.ToHexString(output));
    }

    [Fact]
    public void Matches_BouncyCastle_SicBlockCipher_On_Random_Inputs()
    {
        var random = new SeededBytes(80038);
        for (int i = 0; i < 200; i++)
        {
            var key = random.Next(32);
            var counter = random.Next(16);
            var input = random.Next(random.Length(1200));

            var output = _ctr.Transform(key, counter, input, 0, input.Length);

            Assert.Equal(Convert.ToHexString(BouncyReference.AesCtr(key, counter, input)), Convert.ToHexString(output));
        }
    }

    [Theory]
    [InlineData("000000000000000000000000fffffffe")] // carry out of the low 32 bits
    [InlineData("0000000000000000fffffffffffffffe")] // carry out of the low 64 bits
    [InlineData("fffffffffffffffffffffffffffffffe")] // wrap of the whole block modulo 2^128
    public void Increments_The_Whole_Block_Big_Endian_Like_BouncyCastle(string counterHex)
    {
        var key = new SeededBytes(7).Next(32);
        var counter = Convert.FromHexString(counterHex);
        var input = new SeededBytes(8).Next(16 * 5);

        var output = _ctr.Transform(key, counter, input, 0, input.Length);

        Assert.Equal(Convert.ToHexString(BouncyReference.AesCtr(key, counter, input)), Convert.ToHexString(output));
    }

    [Fact]
    public void Increment_Carries_Across_All_Sixteen_Bytes()
    {
        var block = Convert.FromHexString("00ffffffffffffffffffffffffffffff");

        AesCtr.Increment(block);

        Assert.Equal("01000000000000000000000000000000", Convert.ToHexString(block).ToLowerInvariant());
    }

    [Fact]
    public void Transforms_In_Place_At_An_Offset()
    {
        var random = new SeededBytes(9);
        var key = random.Next(32);
        var counter = random.Next(16);
        var buffer = random.Next(100);
        var expected = BouncyReference.AesCtr(key, counter, buffer[10..90]);

        _ctr.Transform(key, counter, buffer, 10, 80, buffer, 10);

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer, 10, 80));
    }

    [Fact]
    public void Host_Native_Aes256_Gives_The_Same_Key_Stream_As_The_Managed_One()
    {
        var host = new AesCtr(new HostCryptoPrimitives());
        var random = new SeededBytes(2560);
        for (int i = 0; i < 100; i++)
        {
            var key = random.Next(32);
            var counter = random.Next(16);
            var input = random.Next(random.Length(700));

            Assert.Equal(
                Convert.ToHexString(_ctr.Transform(key, counter, input, 0, input.Length)),
                Convert.ToHexString(host.Transform(key, counter, input, 0, input.Length)));
        }
    }

    [Fact]
    public void Never_Hands_The_Key_To_A_Native_Aes_Without_Aes256()
    {
        var counting = new CountingPrimitives(new BoardCryptoPrimitives());
        var ctr = new AesCtr(counting);

        ctr.Transform(new byte[32], new byte[16], new byte[100], 0, 100);

        Assert.Empty(counting.BlockCallSizes);
    }

    [Fact]
    public void Asks_A_Native_Aes256_Port_For_At_Most_BatchBlocks_Counter_Blocks_Per_Call()
    {
        var counting = new CountingPrimitives(new HostCryptoPrimitives());
        var ctr = new AesCtr(counting);
        int length = (AesCtr.BatchBlocks * 16 * 2) + 1; // two full batches and one byte

        ctr.Transform(new byte[32], new byte[16], new byte[length], 0, length);

        Assert.Equal([AesCtr.BatchBlocks * 16, AesCtr.BatchBlocks * 16, 16], counting.BlockCallSizes);
    }

    [Fact]
    public void Rejects_A_Counter_Block_That_Is_Not_16_Bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => _ctr.Transform(new byte[32], new byte[12], new byte[4], 0, 4));
        Assert.Contains("initialCounter must be 16 bytes, got 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_A_Key_That_Is_Not_32_Bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => _ctr.Transform(new byte[16], new byte[16], new byte[4], 0, 4));
        Assert.Contains("key must be 32 bytes, got 16", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingPrimitives(ICryptoPrimitives inner) : ICryptoPrimitives
    {
        public List<int> BlockCallSizes { get; } = [];

        public bool NativeAes256 => inner.NativeAes256;

        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
        {
            BlockCallSizes.Add(count);
            return inner.EncryptBlocks(key, input, offset, count);
        }

        public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count) => inner.HmacSha256(key, data, offset, count);
    }
}
