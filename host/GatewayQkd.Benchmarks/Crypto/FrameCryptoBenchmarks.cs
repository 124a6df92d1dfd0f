using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Benchmarks.Crypto;

/// <summary>
/// The host crypto fast path (docs/crypto.md s8): sealing and opening 64-byte messages and frames through the core's
/// constructions on <see cref="HostCryptoPrimitives"/> (reused AES encryptors and keyed HMACs, AES-NI), against the
/// same code with the managed AES-256 the ESP32 runs (<c>Port = board-aes</c>: HMAC still native, AES-256 in
/// <see cref="Aes256"/>). Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter *FrameCryptoBenchmarks*
/// </summary>
[MemoryDiagnoser]
public class FrameCryptoBenchmarks
{
    private const ushort Gateway = 7;
    private const ushort Sensor = 101;
    private ICryptoPrimitives _crypto = null!;
    private AesCtrHmacAead _aead = null!;
    private FrameKeys _keys = null!;
    private FrameSealer _sealer = null!;
    private FrameOpener _opener = null!;
    private KeyWrap _wrap = null!;
    private byte[] _key = [];
    private byte[] _nonce = [];
    private byte[] _ad = [];
    private byte[] _message = [];
    private byte[] _sealedMessage = [];
    private byte[] _served = [];
    private byte[] _salt = [];
    private FrameBody _body = null!;
    private uint _counter;

    /// <summary>
    /// Gets or sets the port: "host" (the fast path), "host-oneshot" (the previous host port: a new Aes and a one-shot
    /// HMAC per call, the baseline under the same machine load), or "board-aes" (host HMAC, the board's managed AES-256).
    /// </summary>
    [Params("host", "host-oneshot", "board-aes")]
    public string Port { get; set; } = "host";

    [GlobalSetup]
    public void Setup()
    {
        var host = new HostCryptoPrimitives();
        _crypto = Port switch
        {
            "host" => host,
            "host-oneshot" => new OneShotPort(),
            _ => new ManagedAesPort(host),
        };
        var random = new Random(64);
        _key = Next(random, 32);
        _nonce = new byte[16];
        _ad = Next(random, 21);
        _message = Next(random, 64);
        _served = Next(random, 32);
        _salt = Next(random, KeyWrap.SaltLength);
        _aead = new AesCtrHmacAead(_crypto);
        _sealedMessage = _aead.Seal(_key, _nonce, _ad, _message);
        var pairKey = Next(random, 32);
        _keys = FrameKeys.Derive(_crypto, pairKey);
        _sealer = new FrameSealer(_crypto);
        _wrap = new KeyWrap(_crypto);
        var table = new PeerKeyTable(_crypto);
        table.Add(Sensor, pairKey);
        _opener = new FrameOpener(Gateway, _crypto, table, new ReplayGuard(new DiscardingStorage(), "rg"), [FrameType.SupplementRequest]);
        _body = new SupplementMessage(0, SupplementMessage.ReasonInsufficientKeys, 1024, 2048, 4096, 512, 5, 4.25);
    }

    /// <summary>AES-256-CTR + HMAC-SHA256 seal of a 64-byte telemetry message under a fresh key (HKDF, CTR, tag).</summary>
    [Benchmark]
    public byte[] AeadSeal64() => _aead.Seal(_key, _nonce, _ad, _message);

    /// <summary>Verify and decrypt the same 64-byte message.</summary>
    [Benchmark]
    public AuthStatus AeadOpen64()
    {
        return _aead.Open(_key, _nonce, _ad, _sealedMessage, out _);
    }

    /// <summary>Seal a 68-byte frame (supplement request: 12-byte header, 24-byte body, 32-byte tag) under a link's keys.</summary>
    [Benchmark]
    public byte[] SealFrame68() => _sealer.Seal(_body, Sensor, Gateway, ++_counter, _keys);

    /// <summary>Open a fresh 68-byte frame: length, header, tag in constant time, replay mark (storage discarded), body.</summary>
    [Benchmark]
    public FrameOpenResult SealAndOpenFrame68()
    {
        var frame = _sealer.Seal(_body, Sensor, Gateway, ++_counter, _keys);
        return _opener.Open(frame, 0, frame.Length);
    }

    /// <summary>Wrap a 32-byte key (message key by HKDF-Expand, AES-256-CTR) and seal the 106-byte key response.</summary>
    [Benchmark]
    public byte[] WrapAndSealServedKey32()
    {
        var counter = ++_counter;
        var wrapped = _wrap.Apply(_keys, FrameType.KeyResponse, Gateway, Sensor, counter, _salt, _served);
        return _sealer.Seal(KeyResponseMessage.Served(1, 0, 4096, _salt, wrapped), Gateway, Sensor, counter, _keys);
    }

    private static byte[] Next(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // The board's shape on the host: no native AES-256 (the core runs Aes256), HMAC from the host.
    private sealed class ManagedAesPort(ICryptoPrimitives inner) : ICryptoPrimitives
    {
        public bool NativeAes256 => false;

        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count) =>
            key.Length == 16 ? inner.EncryptBlocks(key, input, offset, count) : throw new ArgumentException("AES-128 only.", nameof(key));

        public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count) => inner.HmacSha256(key, data, offset, count);
    }

    // The host port before the fast path: every call sets up its AES key schedule and HMAC pads again.
    private sealed class OneShotPort : ICryptoPrimitives
    {
        public bool NativeAes256 => true;

        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
        {
            using var aes = System.Security.Cryptography.Aes.Create();
            aes.Key = key;
            return aes.EncryptEcb(input.AsSpan(offset, count), System.Security.Cryptography.PaddingMode.None);
        }

        public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count) =>
            System.Security.Cryptography.HMACSHA256.HashData(key, data.AsSpan(offset, count));
    }
}
