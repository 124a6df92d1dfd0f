using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>
/// The ESP32's crypto natives as the host can reproduce them, refusing exactly what the board refuses: AES-128-ECB
/// only (a key of any other length is an <see cref="ArgumentException"/>, like nanoFramework's native Aes:
/// nanoframework/nf-interpreter src/nanoFramework.System.Security.Cryptography/
/// nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp lines 13 and 138-140; nanoframework/
/// System.Security.Cryptography Tests AesTests_ECB.cs:132), data in whole 16-byte blocks (same file, lines 103-107),
/// and HMAC-SHA256 with any key length (..._HMACSHA256.cpp line 50). <see cref="NativeAes256"/> is false, as on the
/// board, so the core runs its managed AES-256 here exactly as it does on the ESP32. The core's tests run on this
/// port: a construction that hands a 32-byte key to the native fails them.
/// </summary>
/// <remarks>The twin of firmware/Device/Adapters/NativeCrypto.cs; the on-device tests check the board's side.</remarks>
public sealed class BoardCryptoPrimitives : ICryptoPrimitives
{
    /// <summary>The only AES key length the board's native takes.</summary>
    public const int NativeAesKeyLength = 16;

    /// <inheritdoc />
    public bool NativeAes256 => false;

    /// <inheritdoc />
    public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(input);
        if (key.Length != NativeAesKeyLength)
        {
            throw new ArgumentException(
                $"The board's native AES is AES-128 only: a {key.Length}-byte key is refused (mbedtls_cipher_setkey on MBEDTLS_CIPHER_AES_128_ECB).",
                nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, input.Length - offset);
        if (count % 16 != 0)
        {
            throw new ArgumentException($"The board's native AES takes whole 16-byte blocks, got {count} bytes.", nameof(count));
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
