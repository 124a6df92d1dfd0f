using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The core's crypto primitives on .NET's System.Security.Cryptography: AES-128 and AES-256 ECB (AES-NI where the CPU
/// has it) and HMAC-SHA256. Unlike the ESP32 (tests/GatewayQkd.TestSupport/BoardCryptoPrimitives.cs) it has a native
/// AES-256, so the core's CTR mode hands it the 32-byte key instead of running the managed Aes256.
/// </summary>
/// <remarks>
/// Fast path: a key array the core uses again (a link's or sensor's frame keys live as long as the link) keeps its
/// AES encryptor and its keyed HMAC (inner and outer pads already hashed) in a table tied to the array's lifetime,
/// so a frame costs no key setup. The entry holds a copy of the key and is re-keyed when the array's content changed
/// (e.g. erased and refilled). A key's first use takes the one-shot path, so one-time keys (telemetry, per-message
/// wrap keys) pay only a small table entry. Thread-safe: each entry is locked while in use.
/// </remarks>
public sealed class HostCryptoPrimitives : ICryptoPrimitives
{
    private readonly ConditionalWeakTable<byte[], KeyedAes> _aes = [];
    private readonly ConditionalWeakTable<byte[], KeyedHmac> _hmac = [];

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

        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, input.Length - offset);
        return _aes.GetValue(key, static k => new KeyedAes(k)).Encrypt(key, input, offset, count);
    }

    /// <inheritdoc />
    public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        return _hmac.GetValue(key, static k => new KeyedHmac(k)).Compute(key, data.AsSpan(offset, count));
    }

    // The AES-ECB of one key array: the first use is one-shot (on this thread's scratch Aes), later uses keep an
    // encryptor; ECB carries no state between blocks, so one transform serves every call.
    private sealed class KeyedAes(byte[] key)
    {
        [ThreadStatic]
        private static Aes? _scratch;

        private byte[] _key = (byte[])key.Clone();
        private Aes? _aes;
        private ICryptoTransform? _encryptor;
        private int _uses;

        public byte[] Encrypt(byte[] key, byte[] input, int offset, int count)
        {
            lock (this)
            {
                if (!CryptographicOperations.FixedTimeEquals(_key, key))
                {
                    _key = (byte[])key.Clone(); // the array was refilled: forget the old schedule
                    _encryptor?.Dispose();
                    _aes?.Dispose();
                    _encryptor = null;
                    _aes = null;
                    _uses = 0;
                }

                if (_encryptor == null && ++_uses < 2)
                {
                    _scratch ??= Aes.Create();
                    _scratch.Key = _key;
                    return _scratch.EncryptEcb(input.AsSpan(offset, count), PaddingMode.None);
                }

                if (_encryptor == null)
                {
                    _aes = Aes.Create();
                    _aes.Key = _key;
                    _aes.Mode = CipherMode.ECB;
                    _aes.Padding = PaddingMode.None;
                    _encryptor = _aes.CreateEncryptor();
                }

                var output = new byte[count];
                if (count > 0)
                {
                    _encryptor.TransformBlock(input, offset, count, output, 0);
                }

                return output;
            }
        }
    }

    // The HMAC-SHA256 of one key array: the first use is one-shot, later uses reuse a keyed IncrementalHash.
    private sealed class KeyedHmac(byte[] key)
    {
        private byte[] _key = (byte[])key.Clone();
        private IncrementalHash? _hash;
        private int _uses;

        public byte[] Compute(byte[] key, ReadOnlySpan<byte> data)
        {
            lock (this)
            {
                if (!CryptographicOperations.FixedTimeEquals(_key, key))
                {
                    _key = (byte[])key.Clone();
                    _hash?.Dispose();
                    _hash = null;
                    _uses = 0;
                }

                if (_hash == null && ++_uses < 2)
                {
                    return HMACSHA256.HashData(_key, data);
                }

                _hash ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
                _hash.AppendData(data);
                return _hash.GetHashAndReset();
            }
        }
    }
}
