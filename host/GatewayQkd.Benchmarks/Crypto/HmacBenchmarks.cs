using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;

namespace GatewayQkd.Benchmarks.Crypto;

/// <summary>
/// HMAC-SHA256 alone on the host, at the sizes a request costs (33 bytes: a key request's header and body; 57: the key
/// wrap's HKDF info; 74: a served 256-bit key response): the port (<see cref="HostCryptoPrimitives"/>, libcrypto
/// SHA-256 contexts) with a reused and a one-time key, against .NET's one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/>
/// and a reused <see cref="IncrementalHash"/> (the port's previous keyed path), so the figure above the primitive is
/// visible. Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter *HmacBenchmarks* --cpu-clock
/// </summary>
[MemoryDiagnoser]
public class HmacBenchmarks
{
    private readonly HostCryptoPrimitives _port = new();
    private byte[] _key = [];
    private byte[] _data = [];
    private IncrementalHash _incremental = null!;
    private int _next;
    private byte[][] _oneTimeKeys = [];

    [Params(33, 57, 74)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(33);
        _key = new byte[32];
        _data = new byte[Bytes];
        random.NextBytes(_key);
        random.NextBytes(_data);
        _incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        _oneTimeKeys = new byte[4096][];
        for (int i = 0; i < _oneTimeKeys.Length; i++)
        {
            _oneTimeKeys[i] = new byte[32];
            random.NextBytes(_oneTimeKeys[i]);
        }

        _port.HmacSha256(_key, _data, 0, _data.Length); // the second use on keeps the key's padded states
    }

    [GlobalCleanup]
    public void Cleanup() => _incremental.Dispose();

    /// <summary>The port with a link's key (padded-key states kept).</summary>
    [Benchmark]
    public byte[] PortReusedKey() => _port.HmacSha256(_key, _data, 0, _data.Length);

    /// <summary>The port with a key array it has not seen at its table index (a key used once: both pads hashed per call).</summary>
    [Benchmark]
    public byte[] PortOneTimeKey()
    {
        // 4,096 arrays in turn: each returns to its index after 4,095 others, so it stays a first use there.
        var key = _oneTimeKeys[_next++ & (_oneTimeKeys.Length - 1)];
        return _port.HmacSha256(key, _data, 0, _data.Length);
    }

    /// <summary>.NET's one-shot HMAC (EVP_MAC on OpenSSL 3: a MAC context per call).</summary>
    [Benchmark(Baseline = true)]
    public byte[] DotNetOneShot() => HMACSHA256.HashData(_key, _data);

    /// <summary>.NET's reused keyed HMAC (the port's previous keyed path).</summary>
    [Benchmark]
    public byte[] DotNetIncrementalHash()
    {
        _incremental.AppendData(_data);
        return _incremental.GetHashAndReset();
    }
}
