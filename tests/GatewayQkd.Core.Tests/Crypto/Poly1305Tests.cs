using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Tests.Crypto;

public sealed class Poly1305Tests
{
    public static TheoryData<string> Cases => CryptoVectorFile.Cases("poly1305");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_Rfc8439_Vectors(string caseName)
    {
        var v = CryptoVectorFile.Get("poly1305", caseName);

        Assert.Equal(Convert.ToHexString(v["tag"]), Convert.ToHexString(Poly1305.ComputeTag(v["key"], v["msg"])));
    }

    [Fact]
    public void Matches_BouncyCastle_On_Random_Inputs()
    {
        var random = new SeededBytes(8439);
        for (int i = 0; i < 400; i++)
        {
            var key = random.Next(32);
            var message = random.Next(random.Length(300));

            Assert.Equal(Convert.ToHexString(BouncyReference.Poly1305(key, message)), Convert.ToHexString(Poly1305.ComputeTag(key, message)));
        }
    }

    [Fact]
    public void Matches_BouncyCastle_On_All_Ones_Inputs_That_Stress_Carries()
    {
        var key = Enumerable.Repeat((byte)0xff, 32).ToArray();
        for (int length = 0; length <= 64; length++)
        {
            var message = Enumerable.Repeat((byte)0xff, length).ToArray();

            Assert.Equal(Convert.ToHexString(BouncyReference.Poly1305(key, message)), Convert.ToHexString(Poly1305.ComputeTag(key, message)));
        }
    }

    [Fact]
    public void Reads_Key_And_Message_At_Offsets()
    {
        var v = CryptoVectorFile.Get("poly1305", "rfc8439-2.5.2");
        byte[] key = [0xaa, .. v["key"]];
        byte[] message = [0x01, 0x02, .. v["msg"], 0x03];

        var tag = Poly1305.ComputeTag(key, 1, message, 2, v["msg"].Length);

        Assert.Equal(Convert.ToHexString(v["tag"]), Convert.ToHexString(tag));
    }

    [Fact]
    public void Verify_Accepts_The_Published_Tag_And_Rejects_Any_Single_Bit_Flip()
    {
        var v = CryptoVectorFile.Get("poly1305", "rfc8439-2.5.2");
        var message = v["msg"];
        Assert.True(Poly1305.Verify(v["key"], 0, message, 0, message.Length, v["tag"], 0));

        for (int bit = 0; bit < 128; bit++)
        {
            var tag = BitFlip.Flip(v["tag"], bit);
            Assert.False(Poly1305.Verify(v["key"], 0, message, 0, message.Length, tag, 0), $"bit {bit}");
        }
    }

    [Fact]
    public void Rejects_A_Key_Range_Shorter_Than_32_Bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Poly1305.ComputeTag(new byte[31], new byte[1]));
    }
}
