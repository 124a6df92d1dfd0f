using System.Security.Cryptography;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>The bytes on the wire match docs/protocol.md, checked against .NET's own HKDF and HMAC.</summary>
public sealed class FrameLayoutTests : IDisposable
{
    private readonly ProtocolFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void KeyRequest_Frame_Has_The_Documented_Bytes()
    {
        var frame = _fx.Seal(new KeyRequestMessage(0x01020304, 0x0506, 2, 0x0100), 0x0A0B0C0D);

        byte[] expectedSigned =
        [
            1, 1, 0x01, 0xF5, 0x00, 0x07, 0x0A, 0x0B, 0x0C, 0x0D, 0x00, 0x09, // version, type, sender 501, recipient 7, counter, body length 9
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 2, 0x01, 0x00,              // request id, destination, K_sec, K_qua bits 256
        ];
        var authKey = HKDF.Expand(HashAlgorithmName.SHA256, _fx.PairKey, 32, "GatewayQkd v1 frame auth"u8.ToArray());
        var expectedTag = HMACSHA256.HashData(authKey, expectedSigned);

        Assert.Equal(expectedSigned.Concat(expectedTag).ToArray(), frame);
    }

    [Fact]
    public void Wrap_Key_Is_Hkdf_Expand_Of_The_Pair_Key_With_Its_Label()
    {
        var expected = HKDF.Expand(HashAlgorithmName.SHA256, _fx.PairKey, 32, "GatewayQkd v1 key wrap"u8.ToArray());

        Assert.Equal(expected, _fx.Keys.WrapKey);
        Assert.NotEqual(_fx.Keys.AuthKey, _fx.Keys.WrapKey);
    }
}
