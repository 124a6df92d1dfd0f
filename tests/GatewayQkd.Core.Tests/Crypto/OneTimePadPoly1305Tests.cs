using GatewayQkd.Core.Crypto;

using static GatewayQkd.Core.Tests.Crypto.BitFlip;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class OneTimePadPoly1305Tests
{
    private readonly byte[] _ad = new SeededBytes(11).Next(9);
    private readonly byte[] _plaintext = new SeededBytes(12).Next(19);
    private readonly byte[] _key = new SeededBytes(13).Next(19 + 32);

    [Fact]
    public void Consumes_Plaintext_Length_Plus_32_Key_Bytes()
    {
        Assert.Equal(32, OneTimePadPoly1305.KeyLength(0));
        Assert.Equal(1032, OneTimePadPoly1305.KeyLength(1000));
    }

    public static TheoryData<string> Cases => CryptoVectorFile.Cases("otp-poly1305");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seal_Matches_The_Vector_File(string caseName)
    {
        var v = CryptoVectorFile.Get("otp-poly1305", caseName);

        Assert.Equal(Convert.ToHexString(v["sealed"]), Convert.ToHexString(OneTimePadPoly1305.Seal(v["key"], v["ad"], v["pt"])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Open_Recovers_The_Vector_File_Plaintext(string caseName)
    {
        var v = CryptoVectorFile.Get("otp-poly1305", caseName);

        Assert.Equal(AuthStatus.Authentic, OneTimePadPoly1305.Open(v["key"], v["ad"], v["sealed"], out var plaintext));
        Assert.Equal(v["pt"], plaintext);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_File_Entries_Agree_With_The_BouncyCastle_Reference(string caseName)
    {
        var v = CryptoVectorFile.Get("otp-poly1305", caseName);

        Assert.Equal(Convert.ToHexString(v["sealed"]), Convert.ToHexString(BouncyReference.OtpSeal(v["key"], v["ad"], v["pt"])));
    }

    [Fact]
    public void Seal_Matches_An_Independent_Xor_And_BouncyCastle_Poly1305_On_Random_Inputs()
    {
        var random = new SeededBytes(8439);
        for (int i = 0; i < 200; i++)
        {
            var plaintext = random.Next(random.Length(300));
            var ad = random.Next(random.Length(40));
            var key = random.Next(plaintext.Length + 32);

            var expected = BouncyReference.OtpSeal(key, ad, plaintext);

            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(OneTimePadPoly1305.Seal(key, ad, plaintext)));
        }
    }

    [Fact]
    public void Open_Returns_The_Plaintext_Of_A_Sealed_Message()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);

        Assert.Equal(AuthStatus.Authentic, OneTimePadPoly1305.Open(_key, _ad, sealedMessage, out var plaintext));
        Assert.Equal(_plaintext, plaintext);
    }

    [Fact]
    public void Rejects_Every_Bit_Flip_In_Ciphertext_And_Tag()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);
        for (int bit = 0; bit < sealedMessage.Length * 8; bit++)
        {
            Assert.Equal(AuthStatus.BadTag, OneTimePadPoly1305.Open(_key, _ad, Flip(sealedMessage, bit), out var plaintext));
            Assert.Null(plaintext);
        }
    }

    [Fact]
    public void Rejects_Every_Bit_Flip_In_Associated_Data()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);
        for (int bit = 0; bit < _ad.Length * 8; bit++)
        {
            Assert.Equal(AuthStatus.BadTag, OneTimePadPoly1305.Open(_key, Flip(_ad, bit), sealedMessage, out _));
        }
    }

    [Fact]
    public void Rejects_A_Wrong_Key()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);
        var random = new SeededBytes(14);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(AuthStatus.BadTag, OneTimePadPoly1305.Open(random.Next(_key.Length), _ad, sealedMessage, out var plaintext));
            Assert.Null(plaintext);
        }
    }

    [Fact]
    public void Rejects_The_Key_Range_Shifted_By_One_Byte_In_The_Key_Stream()
    {
        var stream = new SeededBytes(15).Next(_key.Length + 1);
        var sealedMessage = OneTimePadPoly1305.Seal(stream[..^1], _ad, _plaintext);

        Assert.Equal(AuthStatus.BadTag, OneTimePadPoly1305.Open(stream[1..], _ad, sealedMessage, out _));
    }

    [Fact]
    public void Rejects_Input_Shorter_Than_The_Tag_As_TooShort()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);

        Assert.Equal(AuthStatus.TooShort, OneTimePadPoly1305.Open(_key, _ad, sealedMessage[..15], out var plaintext));
        Assert.Null(plaintext);
    }

    [Fact]
    public void Rejects_A_Truncated_Or_Extended_Message_As_LengthMismatch()
    {
        var sealedMessage = OneTimePadPoly1305.Seal(_key, _ad, _plaintext);

        Assert.Equal(AuthStatus.LengthMismatch, OneTimePadPoly1305.Open(_key, _ad, sealedMessage[..^1], out _));
        Assert.Equal(AuthStatus.LengthMismatch, OneTimePadPoly1305.Open(_key, _ad, [.. sealedMessage, 0], out _));
        Assert.Contains("truncated or extended", AuthStatusText.Describe(AuthStatus.LengthMismatch), StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_Rejects_A_Key_Of_The_Wrong_Length()
    {
        var error = Assert.Throws<ArgumentException>(() => OneTimePadPoly1305.Seal(new byte[50], _ad, _plaintext));
        Assert.Contains("must be 51 bytes, got 50", error.Message, StringComparison.Ordinal);
    }
}
