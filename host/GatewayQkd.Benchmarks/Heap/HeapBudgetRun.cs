using System.Globalization;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Benchmarks.Heap;

/// <summary>
/// The managed-heap budget of both board apps at their default sizes, measured on host runs of the same core code
/// (hardware/memory-budget.md "Method"): the retained heap of the core's objects after each step, sized by
/// <see cref="NanoHeapModel"/>, and each step's transient allocations, counted with
/// GC.GetAllocatedBytesForCurrentThread around the step minus what the host's adapters allocate inside
/// (<see cref="AdapterAccounting"/>). Run: <c>dotnet run -c Release --project host/GatewayQkd.Benchmarks -- heap-budget</c>.
/// </summary>
internal static class HeapBudgetRun
{
    private const ushort GatewayId = 1;
    private const int Sensors = 16;

    /// <summary>Runs both budgets and prints their tables.</summary>
    public static void Run(TextWriter output)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatewayqkd-heap-" + Guid.NewGuid().ToString("N"));
        try
        {
            Gateway(output, Path.Combine(folder, "gateway"));
            Sensor(output, Path.Combine(folder, "sensor"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Gateway(TextWriter output, string folder)
    {
        var accounting = new AdapterAccounting();
        var crypto = accounting.Wrap(new HostCryptoPrimitives());
        var hostCrypto = new HostCryptoPrimitives();
        var config = new GatewayConfig { GatewayId = GatewayId, LinkKey = Key(0xA0) };
        var sensors = new List<SensorClient>();
        for (ushort id = 101; id < 101 + Sensors; id++)
        {
            config.AddSensor(id, Key((byte)id));
            sensors.Add(new SensorClient(id, GatewayId, Key((byte)id), hostCrypto, new FileKeyStorage(Path.Combine(folder, "s" + id)), 1024));
        }

        var bus = new NullBus();
        var clock = new StepClock();
        var table = new StepTable(output, "Gateway (GatewayService) at GatewayConfig defaults, " + Sensors + " sensors");
        GatewayService service = null!;
        table.Step("boot: recover an empty store, start", accounting, () =>
        {
            service = new GatewayService(config, accounting.Wrap(new FileKeyStorage(Path.Combine(folder, "gw"))), crypto, new GatewayQkd.Adapters.CryptoRandomSource(), clock, bus, new NullIndicator(), new NullLog());
            service.Start();
        });
        table.Retained("after boot", service);

        var link = FrameKeys.Derive(hostCrypto, config.LinkKey);
        var sealer = new FrameSealer(hostCrypto);
        var wrap = new KeyWrap(hostCrypto);
        uint counter = 0;
        uint blockId = 0;
        byte[] Block(int bytes)
        {
            var material = new byte[bytes];
            Random.Shared.NextBytes(material);
            var c = ++counter;
            var salt = new byte[KeyWrap.SaltLength];
            Random.Shared.NextBytes(salt);
            var wrapped = wrap.Apply(link, FrameType.KeyBlockDelivery, config.AuthorityId, GatewayId, c, salt, material);
            return sealer.Seal(new KeyBlockMessage(0, blockId, blockId * (uint)bytes, salt, wrapped), config.AuthorityId, GatewayId, c, link);
        }

        var blockBytes = (int)(config.CapacityBits / 8 / 4);
        var first = Block(blockBytes);
        blockId++;
        table.Step("ingest one key block of " + blockBytes + " bytes", accounting, () => service.HandleMessage(Topics.Blocks(GatewayId), first));
        while (service.Pool.AvailableBits(0) + (blockBytes * 8L) <= config.CapacityBits)
        {
            service.HandleMessage(Topics.Blocks(GatewayId), Block(blockBytes));
            blockId++;
        }

        table.Retained("pool full (" + service.Pool.AvailableBits(0) + " bits)", service);
        var largest = Block(FrameLimits.MaxBlockBytes);
        table.Step("ingest the largest block (" + FrameLimits.MaxBlockBytes + " bytes) into a full pool", accounting, () => service.HandleMessage(Topics.Blocks(GatewayId), largest));

        uint requestId = 0;
        var request = sensors[0].BuildKeyRequest(++requestId, 0, 2, 256);
        table.Step("one 256-bit key request received", accounting, () => service.HandleMessage(Topics.Request(GatewayId, sensors[0].SensorId), request));
        table.Step("slot: serve it (commit, wrap, publish)", accounting, () => service.Tick(clock.Advance(config.SlotMilliseconds)));

        var requests = new List<(string Topic, byte[] Frame)>();
        for (var i = 0; i < config.QueueCapacity; i++)
        {
            var sensor = sensors[i % sensors.Count];
            requests.Add((Topics.Request(GatewayId, sensor.SensorId), sensor.BuildKeyRequest(++requestId, 0, 2, 256)));
        }

        table.Batch("request received, average over " + config.QueueCapacity + " queued in one slot", config.QueueCapacity, accounting, () =>
        {
            foreach (var (topic, frame) in requests)
            {
                service.HandleMessage(topic, frame);
            }
        });
        table.Retained("queue full (" + service.QueueLength + " requests)", service);
        table.Step("status publish", accounting, service.PublishStatus);
        table.Print();
    }

    private static void Sensor(TextWriter output, string folder)
    {
        var accounting = new AdapterAccounting();
        var hostCrypto = new HostCryptoPrimitives();
        var crypto = accounting.Wrap(hostCrypto);
        var bus = new NullBus();
        var table = new StepTable(output, "Sensor (SensorClient state machine) at SensorSettings defaults");
        SensorClient client = null!;
        var deviceKey = Key(101);
        table.Step("boot: recover counter and replay mark", accounting, () =>
            client = new SensorClient(101, GatewayId, deviceKey, crypto, accounting.Wrap(new FileKeyStorage(folder)), 64, bus, new Reading(), Core.Board.SensorSettings.MaxReadingBytes, 4));
        table.Retained("after boot", client);
        uint id = 0;
        table.Step("request a key (K_sec 4, one-time pad)", accounting, () => id = client.RequestKey(4, 0));
        var keys = FrameKeys.Derive(hostCrypto, deviceKey);
        var key = new byte[TelemetryModes.RequiredKeyBits(4, Core.Board.SensorSettings.MaxReadingBytes) / 8];
        var salt = new byte[KeyWrap.SaltLength];
        Random.Shared.NextBytes(salt);
        var wrapped = new KeyWrap(hostCrypto).Apply(keys, FrameType.KeyResponse, GatewayId, 101, 1, salt, key);
        var response = new FrameSealer(hostCrypto).Seal(KeyResponseMessage.Served(id, 0, 0, salt, wrapped), GatewayId, 101, 1, keys);
        table.Step("key response: unwrap, seal and publish one reading", accounting, () => client.HandleMessage(client.ResponseTopic, response));
        table.Retained("steady state", client);
        table.Print();
    }

    private static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed ^ (i * 13))).ToArray();

    private sealed class StepTable(TextWriter output, string title)
    {
        private readonly List<string> _rows = [];
        private long _peakTransient;
        private long _retained;

        /// <summary>Records one step's core allocations (boot excluded from the steady-state peak: it precedes the steady state).</summary>
        public void Step(string what, AdapterAccounting accounting, Action step)
        {
            var core = CoreAllocations(accounting, step);
            if (!what.StartsWith("boot", StringComparison.Ordinal))
            {
                _peakTransient = Math.Max(_peakTransient, core);
            }

            _rows.Add(string.Create(CultureInfo.InvariantCulture, $"| step | {what} | {core:N0} B allocated |"));
        }

        /// <summary>Records the average core allocations of a step repeated <paramref name="count"/> times.</summary>
        public void Batch(string what, int count, AdapterAccounting accounting, Action steps)
        {
            var core = CoreAllocations(accounting, steps) / count;
            _rows.Add(string.Create(CultureInfo.InvariantCulture, $"| step | {what} | {core:N0} B allocated |"));
        }

        private static long CoreAllocations(AdapterAccounting accounting, Action step)
        {
            var hostBefore = accounting.HostBytes;
            var boardBefore = accounting.BoardBytes;
            var before = GC.GetAllocatedBytesForCurrentThread();
            step();
            var total = GC.GetAllocatedBytesForCurrentThread() - before;
            return total - (accounting.HostBytes - hostBefore) + (accounting.BoardBytes - boardBefore);
        }

        public void Retained(string when, object root)
        {
            var model = NanoHeapModel.Measure(root);
            _retained = model.Total;
            var top = string.Join(", ", model.ByType.OrderByDescending(p => p.Value).Take(5).Select(p => p.Key + " " + p.Value.ToString("N0", CultureInfo.InvariantCulture)));
            _rows.Add(string.Create(CultureInfo.InvariantCulture, $"| heap | {when} | {model.Total:N0} B retained (largest: {top}) |"));
        }

        public void Print()
        {
            output.WriteLine("## " + title);
            output.WriteLine("| kind | step | bytes |");
            output.WriteLine("| --- | --- | ---: |");
            foreach (var row in _rows)
            {
                output.WriteLine(row);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"core retained (last row) {_retained:N0} B + largest steady-state step {_peakTransient:N0} B = {_retained + _peakTransient:N0} B (nanoCLR model)"));
            output.WriteLine();
        }
    }

    private sealed class StepClock : IClock
    {
        public long NowMilliseconds { get; private set; }

        public long Advance(long milliseconds) => NowMilliseconds += milliseconds;
    }

    private sealed class Reading : ISensorReadings
    {
        public byte[] Read(KeyRange key) => "n=1;up=60;heap=40000"u8.ToArray();
    }
}
