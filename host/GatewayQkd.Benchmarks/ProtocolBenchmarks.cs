using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// Protocol codec speed on the host's crypto primitives: sealing a key request, wrapping and sealing a served 256-byte
/// key (K_sec 5), and sealing then opening (verify + replay check + parse) a key request (the open alone: RequestOpenBenchmarks), with storage commits discarded so the
/// figure is the codec's own. Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter *ProtocolBenchmarks*
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private readonly HostCryptoPrimitives _crypto = new();
    private readonly byte[] _key = new byte[256];
    private readonly byte[] _salt = new byte[KeyWrap.SaltLength];
    private FrameKeys _keys = null!;
    private FrameSealer _sealer = null!;
    private KeyWrap _wrap = null!;
    private FrameOpener _opener = null!;
    private uint _counter;

    [GlobalSetup]
    public void Setup()
    {
        var pairKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        _keys = FrameKeys.Derive(_crypto, pairKey);
        _sealer = new FrameSealer(_crypto);
        _wrap = new KeyWrap(_crypto);
        var table = new PeerKeyTable(_crypto);
        table.Add(101, pairKey);
        _opener = new FrameOpener(7, _crypto, table, new ReplayGuard(new DiscardingStorage(), "rg"), [FrameType.KeyRequest]);
    }

    /// <summary>A 53-byte key request frame (HMAC-SHA256 over 21 bytes).</summary>
    [Benchmark]
    public byte[] SealKeyRequest() => _sealer.Seal(new KeyRequestMessage(1, 0, 3, 512), 101, 7, ++_counter, _keys);

    /// <summary>A served K_sec 5 response: AES-256-CTR over 256 key bytes, then the tag (314-byte frame).</summary>
    [Benchmark]
    public byte[] WrapAndSealServedKey256()
    {
        var counter = ++_counter;
        var wrapped = _wrap.Apply(_keys, FrameType.KeyResponse, 7, 101, counter, _salt, _key);
        return _sealer.Seal(KeyResponseMessage.Served(1, 0, 4096, _salt, wrapped), 7, 101, counter, _keys);
    }

    /// <summary>Sealing and then opening a fresh key request (length, header, tag in constant time, replay mark, body); the open alone: <see cref="RequestOpenBenchmarks"/>.</summary>
    [Benchmark]
    public FrameOpenResult SealAndOpenKeyRequest()
    {
        var frame = _sealer.Seal(new KeyRequestMessage(1, 0, 3, 512), 101, 7, ++_counter, _keys);
        return _opener.Open(frame, 0, frame.Length);
    }
}
