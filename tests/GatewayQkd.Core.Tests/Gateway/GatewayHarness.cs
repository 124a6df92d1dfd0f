using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// A gateway on fakes, with a HAP/CS stand-in that seals key blocks from <see cref="KeyStreamModel"/> and sensors
/// that are real <see cref="SensorClient"/>s; everything talks over one <see cref="LoopbackMessageBus"/>. Pipelined, the
/// gateway's storage calls run on the storage thread of a <see cref="PipelinedKeyStorage"/> and its messages leave
/// through a <see cref="DurableMessageBus"/>, handed to the loopback bus on the test's thread before each delivery.
/// </summary>
internal sealed class GatewayHarness
{
    public const ushort GatewayId = 7;
    public const ushort Authority = 0;
    public const int BlockBytes = 64;


    private PipelinedKeyStorage? _pipeline;
    private HandOffBus? _handOff;

    public GatewayHarness(Action<GatewayConfig>? configure = null, IKeyStorage? storage = null, bool pipelined = false)
    {
        Pipelined = pipelined;
        Crypto = new BoardCryptoPrimitives(); // the ESP32's natives: the gateway must run on them
        Storage = storage ?? new InMemoryKeyStorage();
        Config = new GatewayConfig { GatewayId = GatewayId, AuthorityId = Authority, LinkKey = Key(0xA0), StatusIntervalMilliseconds = 0 };
        foreach (var sensor in SensorIds)
        {
            Config.AddSensor(sensor, Key((byte)sensor));
        }

        configure?.Invoke(Config);
        Hap = new AuthorityLink(Authority, GatewayId, Config.LinkKey, Crypto, Random, new InMemoryKeyStorage(), 16);
        Boot();
    }

    public static ushort[] SensorIds { get; } = [101, 102, 103, 104];

    /// <summary>Gets a value indicating whether the gateway runs on the storage pipeline.</summary>
    public bool Pipelined { get; }

    public ICryptoPrimitives Crypto { get; }

    /// <summary>Gets the random source of the gateway and the HAP/CS stand-in (wrap salts); a fresh CSPRNG, as a rebooted board has.</summary>
    public IRandomSource Random { get; } = new CryptoRandomSource();

    public IKeyStorage Storage { get; private set; }

    /// <summary>Gets the storage as the in-memory fake (when the harness was not given another).</summary>
    public InMemoryKeyStorage Memory => (InMemoryKeyStorage)Storage;

    public GatewayConfig Config { get; }

    /// <summary>Gets the HAP/CS end of the link: seals blocks, opens acks, supplements and status.</summary>
    public AuthorityLink Hap { get; }

    public LoopbackMessageBus Bus { get; private set; } = null!;

    public ManualClock Clock { get; private set; } = null!;

    public RecordingIndicator Indicator { get; private set; } = null!;

    public RecordingLog Log { get; private set; } = null!;

    public GatewayService Service { get; private set; } = null!;

    public Dictionary<ushort, SensorClient> Sensors { get; } = [];

    public Dictionary<ushort, List<SensorKeyResult>> Received { get; } = [];

    public Dictionary<ushort, uint> NextBlock { get; } = [];

    public static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed ^ (i * 13))).ToArray();

    /// <summary>Restarts the gateway on <paramref name="storage"/> (the flash that survived a power cut).</summary>
    public void Reboot(IKeyStorage storage)
    {
        Storage = storage;
        Boot();
    }

    /// <summary>Starts (or restarts, on the same flash) the gateway, its bus and its sensors.</summary>
    public void Boot()
    {
        var now = Clock?.NowMilliseconds ?? 0;
        Bus = new LoopbackMessageBus();
        Clock = new ManualClock(now);
        Indicator = new RecordingIndicator();
        Log = new RecordingLog();
        GatewayService? service = null;
        var gatewayBus = Bus.Connect("gateway", (topic, payload) => service!.HandleMessage(topic, payload));
        IKeyStorage storage = Storage;
        if (Pipelined)
        {
            _pipeline?.Dispose(); // the old board is gone: what its storage thread had not done is lost, as in a power cut
            _pipeline = new PipelinedKeyStorage(Storage);
            _handOff = new HandOffBus(gatewayBus);
            storage = _pipeline;
            gatewayBus = new DurableMessageBus(_handOff, _pipeline);
        }

        service = new GatewayService(Config, storage, Crypto, Random, Clock, gatewayBus, Indicator, Log);
        Service = service;
        foreach (var id in SensorIds)
        {
            Sensors[id] = Sensors.TryGetValue(id, out var existing) ? existing : new SensorClient(id, GatewayId, Key((byte)id), Crypto, new InMemoryKeyStorage(), 16);
            Received.TryAdd(id, []);
            var sensorId = id;
            Bus.Connect("sensor" + id, (_, payload) => Received[sensorId].Add(Sensors[sensorId].OpenKeyResponse(payload))).Subscribe(Topics.Response(GatewayId, id));
        }

        Service.Start();
        Settle();
        Bus.DeliverPending();
    }

    /// <summary>
    /// Pipelined: waits until the storage thread has done every call (throwing its failure, e.g. a power cut) and hands
    /// what the gateway may publish by then to the loopback bus; otherwise nothing to do.
    /// </summary>
    public void Settle()
    {
        try
        {
            _pipeline?.Drain();
        }
        finally
        {
            HandOverReleased();
        }
    }

    /// <summary>Pipelined: hands the messages the storage thread released so far to the loopback bus (after a power cut, all it ever released).</summary>
    public void HandOverReleased() => _handOff?.HandOver();

    /// <summary>Returns a sealed delivery of the next block of <paramref name="peer"/>'s stream (not yet published).</summary>
    public byte[] NextBlockFrame(ushort peer, int bytes = BlockBytes)
    {
        var blockId = NextBlock.GetValueOrDefault(peer);
        NextBlock[peer] = blockId + 1;
        return BlockFrame(peer, blockId, (uint)(blockId * bytes), KeyStreamModel.Bytes(peer, blockId * bytes, bytes));
    }

    public byte[] BlockFrame(ushort peer, uint blockId, uint offset, byte[] material) =>
        Hap.SealBlock(new KeyBlock(peer, blockId, offset, material));

    /// <summary>Delivers <paramref name="count"/> blocks of <paramref name="peer"/>'s stream through the bus.</summary>
    public void DeliverBlocks(int count, ushort peer = 0)
    {
        for (var i = 0; i < count; i++)
        {
            Bus.Connect("hap", null).Publish(Topics.Blocks(GatewayId), NextBlockFrame(peer));
        }

        DeliverAll();
    }

    /// <summary>Publishes a key request of a sensor and delivers it.</summary>
    public FrameStatus Request(ushort sensor, uint requestId, int kSec, int kQuaBits, ushort destination = 0)
    {
        var frame = Sensors[sensor].BuildKeyRequest(requestId, destination, kSec, kQuaBits);
        return Service.HandleMessage(Topics.Request(GatewayId, sensor), frame);
    }

    /// <summary>Advances the clock by one slot, ticks the gateway and delivers what it published.</summary>
    public void EndSlot()
    {
        Service.Tick(Clock.Advance(Config.SlotMilliseconds));
        DeliverAll();
    }

    public IEnumerable<SensorKeyResult> AllKeys() => Received.Values.SelectMany(r => r).Where(r => r.HasKey);

    // Delivers until quiet; pipelined, what the gateway publishes while handling a delivery (acks) follows once durable.
    private void DeliverAll()
    {
        do
        {
            Bus.DeliverPending();
            Settle();
        }
        while (Bus.PendingCount > 0);
    }

    // Takes the messages the storage thread releases and publishes them on the loopback bus, on the test's thread.
    private sealed class HandOffBus(IMessageBus target) : IMessageBus
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Topic, byte[] Payload)> _released = new();

        public void Publish(string topic, byte[] payload) => _released.Enqueue((topic, payload));

        public void Subscribe(string topicFilter) => target.Subscribe(topicFilter);

        public void HandOver()
        {
            while (_released.TryDequeue(out var message))
            {
                target.Publish(message.Topic, message.Payload);
            }
        }
    }
}
