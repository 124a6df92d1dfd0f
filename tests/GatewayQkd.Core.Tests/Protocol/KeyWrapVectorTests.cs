using System.Buffers.Binary;
using System.Text;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Tests.Crypto;
using GatewayQkd.TestSupport;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>The key wrap (docs/crypto.md s2.2) against its vectors, which BouncyCastle recomputes independently.</summary>
public sealed class KeyWrapVectorTests
{
    private readonly BoardCryptoPrimitives _crypto = new();

    public static TheoryData<string> Cases => CryptoVectorFile.Cases("key-wrap");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Core_Wrap_Matches_The_Vector(string caseName)
    {
        var v = CryptoVectorFile.Get("key-wrap", caseName);

        var wrapped = new KeyWrap(_crypto).Apply(
            FrameKeys.Derive(_crypto, v["pairkey"]), (FrameType)v["type"][0], BinaryPrimitives.ReadUInt16BigEndian(v["sender"]),
            BinaryPrimitives.ReadUInt16BigEndian(v["recipient"]), BinaryPrimitives.ReadUInt32BigEndian(v["counter"]), v["salt"], v["material"]);

        Assert.Equal(Convert.ToHexString(v["wrapped"]), Convert.ToHexString(wrapped));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BouncyCastle_Recomputes_The_Vector(string caseName)
    {
        var v = CryptoVectorFile.Get("key-wrap", caseName);
        var wrapKey = Expand(v["pairkey"], Encoding.UTF8.GetBytes(FrameKeys.WrapLabel));
        byte[] info = [.. Encoding.UTF8.GetBytes("GatewayQkd v2 key wrap message"), .. v["type"], .. v["sender"], .. v["recipient"], .. v["counter"], .. v["salt"]];

        var messageKey = Expand(wrapKey, info);

        Assert.Equal(Convert.ToHexString(v["msgkey"]), Convert.ToHexString(messageKey));
        Assert.Equal(Convert.ToHexString(v["wrapped"]), Convert.ToHexString(BouncyReference.AesCtr(messageKey, new byte[16], v["material"])));
    }

    // HKDF-Expand only (RFC 5869 s2.3): BouncyCastle's skip-extract mode takes the key as the PRK.
    private static byte[] Expand(byte[] prk, byte[] info)
    {
        var generator = new HkdfBytesGenerator(new Sha256Digest());
        generator.Init(HkdfParameters.SkipExtractParameters(prk, info));
        var okm = new byte[32];
        generator.GenerateBytes(okm, 0, okm.Length);
        return okm;
    }
}
