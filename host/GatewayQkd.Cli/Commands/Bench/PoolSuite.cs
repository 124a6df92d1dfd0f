using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench pool`: durable key requests through the gateway service (frame opened, queued, served in its DDKA slot by
/// the slot's group commit, key wrapped and response sealed) on the host's real file system (FileKeyStorage in a
/// temporary folder: temp file, fsync, rename, folder fsync), at 1, 10, 100 and 1,000 requests per slot, with the
/// storage calls made on the gateway's thread and then pipelined (PipelinedKeyStorage and DurableMessageBus: the next
/// slot is admitted while the last one's commit is made durable, its answers leave only after). Prints
/// requests/s, the bench thread's CPU time per request (immune to the other processes of a shared machine), the storage
/// commits (Write calls: durable on return), rewrites and deletes (durable with the next file creation, IKeyStorage) and
/// fsyncs per slot as counted at the storage port, and the bytes written per request and per slot. Building the sensors' request
/// frames and filling the pool with key blocks (durable before the timer starts) happen outside the timed region and
/// outside the counts; the timed region then serves the slots the full pool funds back to back and ends when the last
/// answer has been published.
/// </summary>
internal sealed class PoolSuite : IBenchSuite
{
    private const ushort GatewayId = 1;
    private const ushort Authority = 0;
    private const int Sensors = 16;
    private const int SecurityLevel = 2; // 256-bit keys (K_sec 2, DDKA paper s4)
    private const int KeyBits = 256;
    private const int BlockBytes = FrameLimits.MaxBlockBytes; // the largest block one delivery frame carries
    private static readonly int[] RequestsPerSlot = [1, 10, 100, 1000];

    public string Name => "pool";

    public string Description => "durable key requests/s through the gateway's group commit on FileKeyStorage (real file system), commits and bytes per request and per slot at 1..1,000 requests/slot";

    public Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Sensors} sensors; {KeyBits}-bit keys; {settings.Seconds:0.#} s timed per row; one fsync of a 100-byte file here: {FsyncMilliseconds(Path.GetTempPath()):0.000} ms.");
        text.AppendLine();
        text.AppendLine("| storage | requests/slot | slots | requests/s | CPU us/request | of it storage thread | commits/slot | rewrites/slot | deletes/slot | fsyncs/slot | commits/request | bytes/slot | bytes/request |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        progress.WriteLine(text.ToString().TrimEnd());
        // The real file system first (the target); then, for the CPU-bound figure, the RAM-backed bench root when there is one.
        var roots = new List<string> { Path.GetTempPath() };
        if (settings.DataRoot.StartsWith("/dev/shm", StringComparison.Ordinal))
        {
            roots.Add(settings.DataRoot);
        }

        // Each file system twice: storage calls made by the gateway's thread, then pipelined (PipelinedKeyStorage).
        foreach (var root in roots)
        {
            foreach (var pipelined in new[] { false, true })
            {
                foreach (var perSlot in RequestsPerSlot)
                {
                    var row = Measure(root, perSlot, settings.Seconds, pipelined).ToRow(root);
                    progress.WriteLine(row);
                    text.AppendLine(row);
                }
            }
        }

        return Task.FromResult(text.ToString());
    }

    // Mean time of an fsync'ed 100-byte overwrite: the floor under every durable commit on this disk.
    private static double FsyncMilliseconds(string root)
    {
        var path = Path.Combine(root, "gatewayqkd-bench-fsync-" + Guid.NewGuid().ToString("N"));
        try
        {
            var watch = Stopwatch.StartNew();
            const int Rounds = 20;
            for (var i = 0; i < Rounds; i++)
            {
                using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write);
                stream.Write(new byte[100]);
                stream.Flush(flushToDisk: true);
            }

            return watch.Elapsed.TotalMilliseconds / Rounds;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Result Measure(string root, int perSlot, double seconds, bool pipelined)
    {
        var folder = Path.Combine(root, "gatewayqkd-bench-pool-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var run = new Run(folder, perSlot, pipelined);
            run.Prepare();
            run.Slots(1); // warm-up: JIT, first counter reservations
            var timed = TimeSpan.Zero;
            var slots = 0;
            long commits = 0, rewrites = 0, deletes = 0, fsyncs = 0, bytes = 0, cpuNanoseconds = 0, storageCpuNanoseconds = 0;
            while (timed.TotalSeconds < seconds || slots < 3)
            {
                var batch = run.Prepare();
                run.Storage.Reset();
                var fsyncsBefore = run.Files.Fsyncs;
                var cpuBefore = CpuNanoseconds();
                var storageCpuBefore = run.StorageThreadCpuNanoseconds;
                var watch = Stopwatch.StartNew();
                run.Slots(batch); // back to back, as a gateway under load serves them; ends when the last answer has left
                timed += watch.Elapsed;
                cpuNanoseconds += CpuNanoseconds() - cpuBefore;
                storageCpuNanoseconds += run.StorageThreadCpuNanoseconds - storageCpuBefore;
                commits += run.Storage.Commits;
                rewrites += run.Storage.Rewrites;
                deletes += run.Storage.Deletes;
                fsyncs += run.Files.Fsyncs - fsyncsBefore;
                bytes += run.Storage.BytesWritten;
                slots += batch;
            }

            return new Result(pipelined, perSlot, slots, timed.TotalSeconds, cpuNanoseconds, storageCpuNanoseconds, commits, rewrites, deletes, fsyncs, bytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The bench thread's CPU time (kernel time of its fsyncs included, the wait for the disk not), or 0 where the clock is missing.
    private static long CpuNanoseconds() => ThreadCpuTime.IsAvailable ? ThreadCpuTime.Nanoseconds() : 0;

    private sealed record Result(bool Pipelined, int PerSlot, int Slots, double Seconds, long CpuNanoseconds, long StorageCpuNanoseconds, long Commits, long Rewrites, long Deletes, long Fsyncs, long Bytes)
    {
        public string ToRow(string root)
        {
            double requests = (double)PerSlot * Slots;
            var storage = Pipelined ? "pipelined FileKeyStorage" : "FileKeyStorage";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"| {storage} in {root} | {PerSlot:N0} | {Slots:N0} | {requests / Seconds:N0} | {(CpuNanoseconds + StorageCpuNanoseconds) / 1000.0 / requests:0.00} | {StorageCpuNanoseconds / 1000.0 / requests:0.00} | {(double)Commits / Slots:0.00} | {(double)Rewrites / Slots:0.00} | {(double)Deletes / Slots:0.00} | {(double)Fsyncs / Slots:0.00} | {Commits / requests:0.000} | {(double)Bytes / Slots:N0} | {Bytes / requests:0.0} |");
        }
    }

    // One gateway on FileKeyStorage (directly, or through the storage pipeline) with its sensors and a HAP stand-in that seals key blocks.
    private sealed class Run : IDisposable
    {
        private readonly HostCryptoPrimitives _crypto = new();
        private readonly CryptoRandomSource _random = new();
        private readonly SteppingClock _clock = new();
        private readonly CountingBus _bus = new();
        private readonly List<SensorClient> _sensors = [];
        private readonly List<byte[]> _frames = [];
        private readonly GatewayConfig _config;
        private readonly GatewayService _service;
        private readonly PipelinedKeyStorage? _pipeline;
        private readonly FrameKeys _linkKeys;
        private readonly FrameSealer _sealer;
        private readonly KeyWrap _wrap;
        private readonly int _perSlot;
        private uint _hapCounter;
        private uint _nextBlock;
        private uint _requestId;

        public Run(string folder, int perSlot, bool pipelined)
        {
            _perSlot = perSlot;
            Files = new FileKeyStorage(Path.Combine(folder, "gateway"));
            IMessageBus bus = _bus;
            IKeyStorage under = Files;
            if (pipelined)
            {
                _pipeline = new PipelinedKeyStorage(Files);
                under = _pipeline;
                bus = new DurableMessageBus(_bus, _pipeline);
            }

            Storage = new CountingKeyStorage(under);
            _config = new GatewayConfig
            {
                GatewayId = GatewayId,
                AuthorityId = Authority,
                LinkKey = Key(0xA0),
                StatusIntervalMilliseconds = 0,
                CapacityBits = KeyPool.DefaultCapacityBits,
                MaxBlocks = KeyPool.DefaultMaxBlocks,
                QueueCapacity = Math.Max(64, perSlot),
            };
            var sensorStorage = new FileKeyStorage(Path.Combine(folder, "sensors"));
            for (ushort id = 1; id <= Sensors; id++)
            {
                _config.AddSensor(id, Key((byte)id));
                _sensors.Add(new SensorClient(id, GatewayId, Key((byte)id), _crypto, sensorStorage, 65536));
            }

            _linkKeys = FrameKeys.Derive(_crypto, _config.LinkKey);
            _sealer = new FrameSealer(_crypto);
            _wrap = new KeyWrap(_crypto);
            _service = new GatewayService(_config, Storage, _crypto, _random, _clock, bus, new QuietIndicator(), new QuietLog());
            _service.Start();
            _pipeline?.Drain();
        }

        public CountingKeyStorage Storage { get; }

        /// <summary>Gets the gateway's file storage under <see cref="Storage"/> (its fsync count).</summary>
        public FileKeyStorage Files { get; }

        /// <summary>Gets the CPU time of the storage pipeline's thread so far (0 without the pipeline).</summary>
        public long StorageThreadCpuNanoseconds => _pipeline?.ThreadCpuNanoseconds ?? 0;

        /// <summary>
        /// Untimed: fills the pool (every block file durable before it returns) and builds the request frames of as
        /// many slots as the pool then funds; returns that number of slots.
        /// </summary>
        public int Prepare()
        {
            while (_service.Pool.TotalHeldBits + (BlockBytes * 8L) <= _config.CapacityBits && _service.Pool.HeldBlockCount < _config.MaxBlocks)
            {
                IngestBlock();
            }

            _pipeline?.Drain(); // the ingests' fsyncs stay outside the timed region
            _bus.Reset();
            long need = (long)_perSlot * KeyBits;
            var slots = (int)(_service.Pool.AvailableBits(0) / need);
            if (slots < 1)
            {
                throw new InvalidOperationException($"bench pool: a full pool does not fund one slot of {_perSlot} requests.");
            }

            _frames.Clear();
            for (var i = 0; i < slots * _perSlot; i++)
            {
                _frames.Add(_sensors[i % Sensors].BuildKeyRequest(++_requestId, 0, SecurityLevel, KeyBits));
            }

            return slots;
        }

        /// <summary>
        /// Timed: the prepared slots one after another (each: its requests arrive, the slot ends: one group commit,
        /// then every response), until the last response has been published; with the pipeline a slot's requests are
        /// admitted and reserved while the storage thread makes the previous slot's commit durable.
        /// </summary>
        public void Slots(int count)
        {
            for (var slot = 0; slot < count; slot++)
            {
                for (var i = slot * _perSlot; i < (slot + 1) * _perSlot; i++)
                {
                    _service.HandleMessage(Topics.Request(GatewayId, _sensors[i % Sensors].SensorId), _frames[i]); // the topic string a broker delivery brings
                }

                _service.Tick(_clock.Step(_config.SlotMilliseconds));
            }

            _pipeline?.Drain(); // every answer published: the slots' commits are durable
            if (_bus.KeyResponses != (long)count * _perSlot)
            {
                throw new InvalidOperationException($"bench pool: {_bus.KeyResponses} of {count * _perSlot} requests got a response.");
            }
        }

        public void Dispose()
        {
            _frames.Clear();
            _pipeline?.Dispose();
        }

        private void IngestBlock()
        {
            var material = RandomNumberGenerator.GetBytes(BlockBytes);
            var counter = ++_hapCounter;
            var salt = RandomNumberGenerator.GetBytes(KeyWrap.SaltLength);
            var wrapped = _wrap.Apply(_linkKeys, FrameType.KeyBlockDelivery, Authority, GatewayId, counter, salt, material);
            var offset = (uint)(_nextBlock * (long)BlockBytes);
            var frame = _sealer.Seal(new KeyBlockMessage(0, _nextBlock++, offset, salt, wrapped), Authority, GatewayId, counter, _linkKeys);
            var before = _service.Pool.AvailableBits(0);
            if (_service.HandleMessage(Topics.Blocks(GatewayId), frame) != FrameStatus.Ok || _service.Pool.AvailableBits(0) <= before)
            {
                throw new InvalidOperationException($"bench pool: key block {_nextBlock - 1} was not ingested.");
            }
        }

        private static byte[] Key(byte seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)(seed ^ (i * 13)))];
    }

    private sealed class SteppingClock : IClock
    {
        public long NowMilliseconds { get; private set; }

        public long Step(long milliseconds) => NowMilliseconds += milliseconds;
    }

    // Counts key responses; called from the storage thread when pipelined.
    private sealed class CountingBus : IMessageBus
    {
        private long _keyResponses;

        public long KeyResponses => Interlocked.Read(ref _keyResponses);

        public void Reset() => Interlocked.Exchange(ref _keyResponses, 0);

        public void Publish(string topic, byte[] payload)
        {
            if (topic.Contains("/resp/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _keyResponses);
            }
        }

        public void Subscribe(string topicFilter)
        {
        }
    }

    private sealed class QuietIndicator : IIndicator
    {
        public void Show(IndicatorState state)
        {
        }

        public void ShowPoolLevel(int percent)
        {
        }
    }

    private sealed class QuietLog : ILog
    {
        public void Write(LogLevel level, string message)
        {
        }
    }
}
