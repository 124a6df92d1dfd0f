using System.Security.Cryptography;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// The core's crypto primitives on the host: AES-128 and AES-256 ECB on the CPU's AES instructions through .NET's
/// intrinsics (<see cref="HardwareAes"/>; System.Security.Cryptography's OpenSSL AES where the CPU lacks them) and
/// HMAC-SHA256 on libcrypto's SHA-256 contexts (<see cref="LibcryptoHmac"/>; System.Security.Cryptography's HMAC where
/// they are not available). Unlike the ESP32 (tests/GatewayQkd.TestSupport/BoardCryptoPrimitives.cs) it has a native
/// AES-256, so the core's CTR mode hands it the 32-byte key instead of running the managed Aes256.
/// </summary>
/// <remarks>
/// Fast path: a key array the core uses again (a link's or sensor's frame keys live as long as the link) keeps its
/// AES encryptor and its keyed HMAC (inner and outer pads already hashed) in a <see cref="KeyStateTable{TState}"/>,
/// so a frame costs no key setup; one-time keys (telemetry, per-message wrap keys) take the one-shot path and cost
/// the table one reference store. An HMAC is SHA-256 blocks on copied libcrypto contexts, without .NET's EVP_MAC
/// object per call (0.16-0.27 us instead of 0.9-2.0 us for a 33-74-byte MAC, docs/benchmarks.md "Host HMAC"). Thread-safe: each table entry is locked while in use.
/// </remarks>
public sealed class HostCryptoPrimitives : ICryptoPrimitives
{
    [ThreadStatic]
    private static Aes? _scratch;

    private readonly KeyStateTable<KeyedAes> _aes = new(static k => new KeyedAes(k));
    // .NET's keyed HMACs, only where libcrypto's contexts are not available: a table costs two 512-reference arrays,
    // and an emulation builds one instance per gateway.
    private readonly KeyStateTable<IncrementalHash>? _hmac = LibcryptoSha256.IsAvailable
        ? null
        : new(static k => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, k));
    private readonly KeyStateTable<LibcryptoHmac> _pads = new(static k => new LibcryptoHmac(k));

    /// <inheritdoc />
    public bool NativeAes256 => true;

    /// <summary>Gets whether HMAC runs on libcrypto's SHA-256 contexts (the fast path) rather than .NET's HMAC.</summary>
    public static bool HmacOnLibcryptoContexts => LibcryptoSha256.IsAvailable;

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
        var entry = _aes.Find(key);
        if (entry != null)
        {
            lock (entry)
            {
                return entry.StateFor(key, _aes).Encrypt(input, offset, count);
            }
        }

        // First use of this array: one-shot, on the AES instructions where the CPU has them (no OpenSSL context to
        // create for a key used once), else on this thread's scratch Aes; no schedule is kept for a key used once.
        if (HardwareAes.IsSupported)
        {
            var output = new byte[count];
            HardwareAes.EncryptEcb(key, input.AsSpan(offset, count), output);
            return output;
        }

        _scratch ??= Aes.Create();
        _scratch.Key = key;
        return _scratch.EncryptEcb(input.AsSpan(offset, count), PaddingMode.None);
    }

    /// <inheritdoc />
    public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        var span = data.AsSpan(offset, count);
        if (LibcryptoSha256.IsAvailable)
        {
            var mac = new byte[LibcryptoSha256.DigestSize];
            var keyed = _pads.Find(key);
            if (keyed == null)
            {
                LibcryptoHmac.Compute(key, span, mac);
                return mac;
            }

            lock (keyed)
            {
                keyed.StateFor(key, _pads).Compute(span, mac);
            }

            return mac;
        }

        var entry = _hmac!.Find(key);
        if (entry != null)
        {
            lock (entry)
            {
                var hash = entry.StateFor(key, _hmac);
                hash.AppendData(span);
                return hash.GetHashAndReset();
            }
        }

        return HMACSHA256.HashData(key, span);
    }

    // The AES-ECB schedule of one key: the AES instructions' round keys, or else an OpenSSL encryptor; ECB carries no
    // state between blocks, so one schedule serves every call.
    private sealed class KeyedAes : IDisposable
    {
        private readonly HardwareAes? _hardware;
        private readonly Aes? _aes;
        private readonly ICryptoTransform? _encryptor;

        public KeyedAes(byte[] key)
        {
            if (HardwareAes.IsSupported)
            {
                _hardware = new HardwareAes(key);
                return;
            }

            _aes = Aes.Create();
            _aes.Key = key;
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            _encryptor = _aes.CreateEncryptor();
        }

        public byte[] Encrypt(byte[] input, int offset, int count)
        {
            var output = new byte[count];
            if (_hardware != null)
            {
                _hardware.EncryptEcb(input.AsSpan(offset, count), output);
            }
            else if (count > 0)
            {
                _encryptor!.TransformBlock(input, offset, count, output, 0);
            }

            return output;
        }

        public void Dispose()
        {
            _hardware?.Erase();
            _encryptor?.Dispose();
            _aes?.Dispose();
        }
    }
}
