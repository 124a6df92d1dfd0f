using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Benchmarks.Crypto;

/// <summary>
/// The core's crypto constructions on the host (docs/crypto.md): sealing a telemetry-sized and a 1 KiB message with
/// each AEAD, and the building blocks. Host figures only; the ESP32 runs the same managed code far slower.
/// </summary>
[MemoryDiagnoser]
public class CryptoBenchmarks
{
    private readonly AesCtrHmacAead _aead = new(new HostCryptoPrimitives());
    private readonly AesCtr _ctr = new(new HostCryptoPrimitives());
    private readonly Hkdf _hkdf = new(new HostCryptoPrimitives());
    private byte[] _key = [];
    private byte[] _nonce = [];
    private byte[] _ad = [];
    private byte[] _plaintext = [];
    private byte[] _oneTimeKey = [];

    [Params(64, 1024)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _key = new byte[32];
        _nonce = new byte[16];
        _ad = new byte[12];
        _plaintext = new byte[Bytes];
        _oneTimeKey = new byte[OneTimePadPoly1305.KeyLength(Bytes)];
        random.NextBytes(_key);
        random.NextBytes(_nonce);
        random.NextBytes(_ad);
        random.NextBytes(_plaintext);
        random.NextBytes(_oneTimeKey);
    }

    [Benchmark]
    public byte[] AesCtrHmacSeal() => _aead.Seal(_key, _nonce, _ad, _plaintext);

    [Benchmark]
    public byte[] OneTimePadPoly1305Seal() => OneTimePadPoly1305.Seal(_oneTimeKey, _ad, _plaintext);

    [Benchmark]
    public byte[] AesCtrTransform() => _ctr.Transform(_key, _nonce, _plaintext, 0, _plaintext.Length);

    [Benchmark]
    public byte[] Poly1305Tag() => Poly1305.ComputeTag(_oneTimeKey, 0, _plaintext, 0, _plaintext.Length);

    [Benchmark]
    public byte[] HkdfDerive64() => _hkdf.DeriveKey(_key, null, _ad, 64);
}
