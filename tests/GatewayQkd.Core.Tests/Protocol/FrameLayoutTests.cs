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

    [Fact]
    public void Key_Wrap_Is_Aes_Ctr_Under_The_Hkdf_Message_Key_Of_Header_And_Salt()
    {
        var material = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        var salt = Enumerable.Range(0xC0, 16).Select(i => (byte)i).ToArray();

        var wrapped = new KeyWrap(_fx.Crypto).Apply(_fx.Keys, FrameType.KeyResponse, 0x0102, 0x0304, 0x05060708, salt, material);

        // K_msg = HKDF-Expand(wrap key, label | type | sender | recipient | counter | salt, 32); counter blocks 0, 1, 2.
        byte[] info = [.. "GatewayQkd v2 key wrap message"u8, 2, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, .. salt];
        using var aes = Aes.Create();
        aes.Key = HKDF.Expand(HashAlgorithmName.SHA256, _fx.Keys.WrapKey, 32, info);
        var blocks = new byte[48];
        for (var b = 0; b < 3; b++)
        {
            blocks[(b * 16) + 15] = (byte)b;
        }

        var stream = aes.EncryptEcb(blocks, PaddingMode.None);
        Assert.Equal(material.Select((m, i) => (byte)(m ^ stream[i])).ToArray(), wrapped);
    }

    [Fact]
    public void Served_KeyResponse_Body_Carries_The_Salt_Between_Key_Id_And_Wrapped_Key()
    {
        var salt = Enumerable.Range(0xC0, 16).Select(i => (byte)i).ToArray();
        var frame = _fx.Seal(KeyResponseMessage.Served(0x01020304, 0x0506, 0x0708090A, salt, [0xEE, 0xEF]), 1);

        byte[] expectedBody =
        [
            0x01, 0x02, 0x03, 0x04, 0, 0, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x00, 0x02, // request id, Ok, None, peer, offset, length 2
            .. salt, 0xEE, 0xEF,
        ];
        Assert.Equal(expectedBody, frame[12..(12 + expectedBody.Length)]);
        Assert.Equal(12 + 30 + 2 + 32, frame.Length);
    }
}
