using GatewayQkd.TestSupport;
using GatewayQkd.Core.Crypto;

using static GatewayQkd.Core.Tests.Crypto.BitFlip;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class AesCtrHmacAeadTests
{
    private readonly AesCtrHmacAead _aead = new(new BoardCryptoPrimitives());
    private readonly byte[] _key = new SeededBytes(1).Next(32);
    private readonly byte[] _nonce = new SeededBytes(2).Next(16);
    private readonly byte[] _ad = new SeededBytes(3).Next(7);
    private readonly byte[] _plaintext = new SeededBytes(4).Next(21);

    public static TheoryData<string> Cases => CryptoVectorFile.Cases("aead-aes256ctr-hmacsha256");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seal_Matches_The_Vector_File(string caseName)
    {
        var v = CryptoVectorFile.Get("aead-aes256ctr-hmacsha256", caseName);

        Assert.Equal(Convert.ToHexString(v["sealed"]), Convert.ToHexString(_aead.Seal(v["key"], v["nonce"], v["ad"], v["pt"])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Open_Recovers_The_Vector_File_Plaintext(string caseName)
    {
        var v = CryptoVectorFile.Get("aead-aes256ctr-hmacsha256", caseName);

        Assert.Equal(AuthStatus.Authentic, _aead.Open(v["key"], v["nonce"], v["ad"], v["sealed"], out var plaintext));
        Assert.Equal(v["pt"], plaintext);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_File_Entries_Agree_With_The_BouncyCastle_Reference(string caseName)
    {
        var v = CryptoVectorFile.Get("aead-aes256ctr-hmacsha256", caseName);

        Assert.Equal(Convert.ToHexString(v["sealed"]), Convert.ToHexString(BouncyReference.EtmSeal(v["key"], v["nonce"], v["ad"], v["pt"])));
    }

    [Fact]
    public void Seal_Matches_An_Independent_BouncyCastle_Construction_On_Random_Inputs()
    {
        var random = new SeededBytes(2104);
        for (int i = 0; i < 200; i++)
        {
            var key = random.Next(16 + random.Length(48));
            var nonce = random.Next(16);
            var ad = random.Next(random.Length(40));
            var plaintext = random.Next(random.Length(300));

            var expected = BouncyReference.EtmSeal(key, nonce, ad, plaintext);

            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(_aead.Seal(key, nonce, ad, plaintext)));
        }
    }

    [Fact]
    public void Open_Returns_The_Plaintext_Of_A_Sealed_Message()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);

        Assert.Equal(AuthStatus.Authentic, _aead.Open(_key, _nonce, _ad, sealedMessage, out var plaintext));
        Assert.Equal(_plaintext, plaintext);
    }

    [Fact]
    public void Sealed_Message_Is_Plaintext_Length_Plus_16_Byte_Tag()
    {
        Assert.Equal(_plaintext.Length + 16, _aead.Seal(_key, _nonce, _ad, _plaintext).Length);
        Assert.Equal(_plaintext.Length + 16, AesCtrHmacAead.SealedLength(_plaintext.Length));
    }

    [Fact]
    public void Null_Associated_Data_Equals_Empty_Associated_Data()
    {
        Assert.Equal(_aead.Seal(_key, _nonce, [], _plaintext), _aead.Seal(_key, _nonce, null, _plaintext));
    }

    [Fact]
    public void Rejects_Every_Bit_Flip_In_Ciphertext_And_Tag()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);
        for (int bit = 0; bit < sealedMessage.Length * 8; bit++)
        {
            var tampered = Flip(sealedMessage, bit);

            Assert.Equal(AuthStatus.BadTag, _aead.Open(_key, _nonce, _ad, tampered, out var plaintext));
            Assert.Null(plaintext);
        }
    }

    [Fact]
    public void Rejects_Every_Bit_Flip_In_Associated_Data()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);
        for (int bit = 0; bit < _ad.Length * 8; bit++)
        {
            Assert.Equal(AuthStatus.BadTag, _aead.Open(_key, _nonce, Flip(_ad, bit), sealedMessage, out var plaintext));
            Assert.Null(plaintext);
        }
    }

    [Fact]
    public void Rejects_Every_Bit_Flip_In_Nonce()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);
        for (int bit = 0; bit < _nonce.Length * 8; bit++)
        {
            Assert.Equal(AuthStatus.BadTag, _aead.Open(_key, Flip(_nonce, bit), _ad, sealedMessage, out _));
        }
    }

    [Fact]
    public void Rejects_Associated_Data_Moved_Into_The_Ciphertext_Boundary()
    {
        // Same concatenated bytes, different split: the length fields must tell them apart.
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);

        Assert.Equal(AuthStatus.BadTag, _aead.Open(_key, _nonce, _ad[..^1], sealedMessage, out _));
    }

    [Fact]
    public void Rejects_A_Wrong_Key()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);

        Assert.Equal(AuthStatus.BadTag, _aead.Open(Flip(_key, 0), _nonce, _ad, sealedMessage, out var plaintext));
        Assert.Null(plaintext);
    }

    [Fact]
    public void Rejects_Input_Shorter_Than_The_Tag_As_TooShort()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);
        for (int length = 0; length < AesCtrHmacAead.TagLength; length++)
        {
            Assert.Equal(AuthStatus.TooShort, _aead.Open(_key, _nonce, _ad, sealedMessage[..length], out var plaintext));
            Assert.Null(plaintext);
        }

        Assert.Contains("truncated", AuthStatusText.Describe(AuthStatus.TooShort), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_A_Message_Truncated_By_One_Byte()
    {
        var sealedMessage = _aead.Seal(_key, _nonce, _ad, _plaintext);

        Assert.Equal(AuthStatus.BadTag, _aead.Open(_key, _nonce, _ad, sealedMessage[..^1], out _));
    }

    [Fact]
    public void Opens_A_Message_Inside_A_Larger_Frame()
    {
        byte[] frame = [0x55, 0x66, .. _aead.Seal(_key, _nonce, _ad, _plaintext), 0x77];

        Assert.Equal(AuthStatus.Authentic, _aead.Open(_key, _nonce, _ad, frame, 2, frame.Length - 3, out var plaintext));
        Assert.Equal(_plaintext, plaintext);
    }

    [Fact]
    public void Rejects_A_Master_Key_Shorter_Than_128_Bits()
    {
        var error = Assert.Throws<ArgumentException>(() => _aead.Seal(new byte[15], _nonce, _ad, _plaintext));
        Assert.Contains("at least 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_A_Nonce_That_Is_Not_16_Bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => _aead.Seal(_key, new byte[12], _ad, _plaintext));
        Assert.Contains("nonce must be 16 bytes", error.Message, StringComparison.Ordinal);
    }
}
