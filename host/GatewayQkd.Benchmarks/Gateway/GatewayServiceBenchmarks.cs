using BenchmarkDotNet.Attributes;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Benchmarks.Gateway;

/// <summary>
/// Durable key requests served per second by the gateway service on a real file system (FileKeyStorage: temp file,
/// fsync, rename), and storage commits per request. One operation = a sensor's authenticated request handled, served in
/// its DDKA slot with the consumption committed before the wrapped key is published. Request frames are built and the
/// pool topped up outside the measured region. Figures: docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class GatewayServiceBenchmarks
{
    private const ushort GatewayId = 1;
    private const ushort Authority = 0;
    private const int RequestsPerInvoke = 64;
    private const int RequestsPerSlot = 16;
    private const int BlockBytes = 1024;

    private readonly HostCryptoPrimitives _crypto = new();
    private readonly CryptoRandomSource _random = new();
    private readonly SteppingClock _clock = new();
    private readonly CountingBus _bus = new();
    private readonly List<byte[]> _requests = [];
    private readonly List<SensorClient> _sensors = [];
    private string _folder = "";
    private CountingKeyStorage _storage = null!;
    private GatewayService _service = null!;
    private GatewayConfig _config = null!;
    private FrameKeys _linkKeys = null!;
    private FrameSealer _sealer = null!;
    private KeyWrap _wrap = null!;
    private uint _hapCounter;
    private uint _nextBlock;
    private uint _requestId;
    private long _requestsServed;
    private long _commitsWhileServing;
    private long _bytesWhileServing;

    /// <summary>Gets or sets the security level of every request (1..5 = 128..2048-bit keys).</summary>
    [Params(2, 4)]
    public int SecurityLevel { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gatewayqkd-bench-" + Guid.NewGuid().ToString("N"));
        _storage = new CountingKeyStorage(new FileKeyStorage(Path.Combine(_folder, "gateway")));
        _config = new GatewayConfig
        {
            GatewayId = GatewayId,
            AuthorityId = Authority,
            LinkKey = Key(0xA0),
            StatusIntervalMilliseconds = 0,
            CapacityBits = KeyPool.DefaultCapacityBits, // the flash pool's default (docs/storage-layout.md), not the paper's 5120 bits
            MaxBlocks = KeyPool.DefaultMaxBlocks,
        };
        var sensorStorage = new FileKeyStorage(Path.Combine(_folder, "sensors"));
        for (ushort id = 1; id <= 8; id++)
        {
            _config.AddSensor(id, Key((byte)id));
            _sensors.Add(new SensorClient(id, GatewayId, Key((byte)id), _crypto, sensorStorage, 1024));
        }

        _linkKeys = FrameKeys.Derive(_crypto, _config.LinkKey);
        _sealer = new FrameSealer(_crypto);
        _wrap = new KeyWrap(_crypto);
        _service = new GatewayService(_config, _storage, _crypto, _random, _clock, _bus, new NullIndicator(), new NullLog());
        _service.Start();
    }

    [IterationSetup]
    public void TopUpAndPrepare()
    {
        long needBits = (long)RequestsPerInvoke * (64L << SecurityLevel) * 2;
        while (_service.Pool.AvailableBits(0) < needBits)
        {
            var material = new byte[BlockBytes];
            Random.Shared.NextBytes(material);
            var counter = ++_hapCounter;
            var salt = new byte[KeyWrap.SaltLength];
            _random.NextBytes(salt);
            var wrapped = _wrap.Apply(_linkKeys, FrameType.KeyBlockDelivery, Authority, GatewayId, counter, salt, material);
            var offset = (uint)(_nextBlock * BlockBytes);
            var frame = _sealer.Seal(new KeyBlockMessage(0, _nextBlock++, offset, salt, wrapped), Authority, GatewayId, counter, _linkKeys);
            var before = _service.Pool.AvailableBits(0);
            var status = _service.HandleMessage(Topics.Blocks(GatewayId), frame);
            if (status != FrameStatus.Ok || _service.Pool.AvailableBits(0) <= before)
            {
                throw new InvalidOperationException($"Benchmark setup: block {_nextBlock - 1} was not ingested (frame status {status}, pool {before} bits).");
            }
        }

        _requests.Clear();
        for (var i = 0; i < RequestsPerInvoke; i++)
        {
            var sensor = _sensors[i % _sensors.Count];
            _requests.Add(sensor.BuildKeyRequest(++_requestId, 0, SecurityLevel, SecurityLevelBits()));
        }

        _bus.Reset();
        _storage.Reset();
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public void ServeDurableKeyRequests()
    {
        for (var i = 0; i < _requests.Count; i++)
        {
            var sensor = _sensors[i % _sensors.Count];
            _service.HandleMessage(Topics.Request(GatewayId, sensor.SensorId), _requests[i]);
            if ((i + 1) % RequestsPerSlot == 0)
            {
                _service.Tick(_clock.Step(_config.SlotMilliseconds));
            }
        }
    }

    [IterationCleanup]
    public void Account()
    {
        if (_bus.KeyResponses < RequestsPerInvoke)
        {
            throw new InvalidOperationException($"Only {_bus.KeyResponses} of {RequestsPerInvoke} requests got a response.");
        }

        _requestsServed += RequestsPerInvoke;
        _commitsWhileServing += _storage.Commits;
        _bytesWhileServing += _storage.BytesWritten;
    }

    [GlobalCleanup]
    public void Report()
    {
        if (_requestsServed > 0)
        {
            Console.WriteLine(
                $"// GatewayService K_sec={SecurityLevel}: {_requestsServed} requests, " +
                $"{(double)_commitsWhileServing / _requestsServed:F3} storage commits/request, " +
                $"{(double)_bytesWhileServing / _requestsServed:F1} bytes written/request");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private int SecurityLevelBits() => 64 << SecurityLevel;

    private static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed ^ (i * 13))).ToArray();

    private sealed class SteppingClock : IClock
    {
        public long NowMilliseconds { get; private set; }

        public long Step(long milliseconds) => NowMilliseconds += milliseconds;
    }

    private sealed class CountingBus : IMessageBus
    {
        public int KeyResponses { get; private set; }

        public void Reset() => KeyResponses = 0;

        public void Publish(string topic, byte[] payload)
        {
            if (topic.Contains("/resp/", StringComparison.Ordinal))
            {
                KeyResponses++;
            }
        }

        public void Subscribe(string topicFilter)
        {
        }
    }
}
