using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The core's crypto primitives on .NET's System.Security.Cryptography: AES-128 and AES-256 ECB (hardware AES where
/// the CPU has it) and HMAC-SHA256. Unlike the ESP32 (tests/GatewayQkd.TestSupport/BoardCryptoPrimitives.cs) it has a
/// native AES-256, so the core's CTR mode hands it the 32-byte key instead of running the managed Aes256.
/// </summary>
public sealed class HostCryptoPrimitives : ICryptoPrimitives
{
    /// <inheritdoc />
    public bool NativeAes256 => true;

    /// <inheritdoc />
    public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(input);
        if (key.Length != 16 && key.Length != 32)
        {
            throw new ArgumentException($"AES-ECB here takes a 16- or 32-byte key, got {key.Length} bytes.", nameof(key));
        }

        if (count % 16 != 0)
        {
            throw new ArgumentException($"ECB input must be a multiple of 16 bytes, got {count}.", nameof(count));
        }

        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptEcb(input.AsSpan(offset, count), PaddingMode.None);
    }

    /// <inheritdoc />
    public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        return HMACSHA256.HashData(key, data.AsSpan(offset, count));
    }
}
