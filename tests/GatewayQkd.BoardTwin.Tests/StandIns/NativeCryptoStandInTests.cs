using GatewayQkd.BoardTwin.StandIns.Crypto;
using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.BoardTwin.Tests.StandIns;

/// <summary>
/// The native Aes stand-in is AES-128 only, as the board's mbedTLS call is (nf-interpreter
/// nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp lines 13, 138-140; System.Security.Cryptography
/// AesTests_ECB.cs:132 expects an ArgumentException for a key that is not 16 bytes).
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class NativeCryptoStandInTests
{
    [Fact]
    public void Aes128_Ecb_Gives_The_Fips197_Appendix_C1_Ciphertext()
    {
        var aes = new NativeAes(NativeCipherMode.ECB) { Key = Hex.Decode("000102030405060708090a0b0c0d0e0f") };

        var cipher = aes.Encrypt(Hex.Decode("00112233445566778899aabbccddeeff"));

        Assert.Equal("69c4e0d86a7b0430d8cdb78070b4c55a", Hex.Encode(cipher));
    }

    [Fact]
    public void A_32_Byte_Key_Fails_At_Encrypt_As_On_The_Board()
    {
        var aes = new NativeAes(NativeCipherMode.ECB) { Key = new byte[32] };

        Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[16]));
    }

    [Fact]
    public void Data_That_Is_Not_Whole_Blocks_Is_Refused()
    {
        var aes = new NativeAes(NativeCipherMode.ECB) { Key = new byte[16] };

        Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[20]));
    }

    [Fact]
    public void HmacSha256_Gives_The_Rfc4231_Test_Case_2_Tag()
    {
        var tag = NativeHmacSha256.HashData("Jefe"u8.ToArray(), "what do ya want for nothing?"u8.ToArray());

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.Encode(tag));
    }
}
