using System.Buffers.Binary;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Engines;

namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>
/// Independent reference implementations on BouncyCastle.Cryptography, written from the specifications in
/// docs/crypto.md, for cross-checking the core's constructions on random inputs.
/// </summary>
internal static class BouncyReference
{
    public static byte[] Hkdf(byte[] ikm, byte[]? salt, byte[]? info, int length)
    {
        var generator = new HkdfBytesGenerator(new Sha256Digest());
        generator.Init(new HkdfParameters(ikm, salt, info));
        var okm = new byte[length];
        generator.GenerateBytes(okm, 0, length);
        return okm;
    }

    public static byte[] HmacSha256(byte[] key, byte[] data)
    {
        var mac = new HMac(new Sha256Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        mac.DoFinal(output, 0);
        return output;
    }

    public static byte[] AesEcb(byte[] key, byte[] input)
    {
        var engine = new AesEngine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[input.Length];
        for (int at = 0; at < input.Length; at += 16)
        {
            engine.ProcessBlock(input, at, output, at);
        }

        return output;
    }

    public static byte[] AesCtr(byte[] key, byte[] counterBlock, byte[] input)
    {
        var cipher = new SicBlockCipher(new AesEngine());
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), counterBlock));
        var output = new byte[input.Length];
        var keyStream = new byte[16];
        for (int at = 0; at < input.Length; at += 16)
        {
            cipher.ProcessBlock(new byte[16], 0, keyStream, 0);
            for (int i = 0; i < 16 && at + i < input.Length; i++)
            {
                output[at + i] = (byte)(input[at + i] ^ keyStream[i]);
            }
        }

        return output;
    }

    public static byte[] Poly1305(byte[] key, byte[] message)
    {
        var mac = new Poly1305();
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(message, 0, message.Length);
        var tag = new byte[16];
        mac.DoFinal(tag, 0);
        return tag;
    }

    /// <summary>header | ad | ciphertext | be64(len ad) | be64(len ciphertext) (docs/crypto.md).</summary>
    public static byte[] MacInput(byte[] header, byte[] associatedData, byte[] ciphertext)
    {
        var lengths = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)associatedData.Length);
        BinaryPrimitives.WriteUInt64BigEndian(lengths.AsSpan(8), (ulong)ciphertext.Length);
        return [.. header, .. associatedData, .. ciphertext, .. lengths];
    }

    public static byte[] EtmSeal(byte[] masterKey, byte[] nonce, byte[] associatedData, byte[] plaintext)
    {
        var keys = Hkdf(masterKey, null, Encoding.ASCII.GetBytes("GatewayQkd AES-256-CTR HMAC-SHA256 v1"), 64);
        var ciphertext = AesCtr(keys[..32], nonce, plaintext);
        var tag = HmacSha256(keys[32..], MacInput(nonce, associatedData, ciphertext));
        return [.. ciphertext, .. tag.AsSpan(0, 16)];
    }

    public static byte[] OtpSeal(byte[] oneTimeKey, byte[] associatedData, byte[] plaintext)
    {
        var ciphertext = new byte[plaintext.Length];
        for (int i = 0; i < plaintext.Length; i++)
        {
            ciphertext[i] = (byte)(plaintext[i] ^ oneTimeKey[32 + i]);
        }

        var tag = Poly1305(oneTimeKey[..32], MacInput([], associatedData, ciphertext));
        return [.. ciphertext, .. tag];
    }
}
