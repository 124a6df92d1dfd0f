using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// Opening a key request alone (length, header, tag in constant time, replay check and mark with storage discarded,
/// body), on frames sealed before the measured region: <see cref="ProtocolBenchmarks.SealAndOpenKeyRequest"/> seals
/// each frame inside it, so its figure is a seal plus an open. Each invocation opens <see cref="Frames"/> fresh frames
/// (counters 1..n) with a new replay guard built in the iteration setup, since an opened frame is a replay afterwards.
/// Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks -- --filter *RequestOpenBenchmarks* --cpu-clock
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[WarmupCount(6)]
[IterationCount(15)]
public class RequestOpenBenchmarks
{
    /// <summary>Frames opened per invocation (about 10 ms of work, so one invocation is a measurable iteration; iteration and warm-up counts above ShortRun's 3, since each iteration is one invocation).</summary>
    public const int Frames = 8192;

    private readonly HostCryptoPrimitives _crypto = new();
    private readonly byte[][] _frames = new byte[Frames][];
    private PeerKeyTable _table = null!;
    private FrameOpener _opener = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pairKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var keys = FrameKeys.Derive(_crypto, pairKey);
        var sealer = new FrameSealer(_crypto);
        _table = new PeerKeyTable(_crypto);
        _table.Add(101, pairKey);
        for (int i = 0; i < Frames; i++)
        {
            _frames[i] = sealer.Seal(new KeyRequestMessage(1, 0, 3, 512), 101, 7, (uint)i + 1, keys);
        }
    }

    /// <summary>A new replay guard, so every frame is fresh again.</summary>
    [IterationSetup]
    public void FreshGuard() =>
        _opener = new FrameOpener(7, _crypto, _table, new ReplayGuard(new DiscardingStorage(), "rg"), [FrameType.KeyRequest]);

    /// <summary>Opens the 53-byte key requests one after another; returns how many were accepted (all of them).</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int OpenKeyRequest()
    {
        int accepted = 0;
        foreach (var frame in _frames)
        {
            if (_opener.Open(frame, 0, frame.Length).IsOk)
            {
                accepted++;
            }
        }

        return accepted == Frames ? accepted : throw new InvalidOperationException($"Only {accepted} of {Frames} requests opened.");
    }
}
