using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Tests.Support;
using GatewayQkd.Emulation.Verifier;

namespace GatewayQkd.Emulation.Tests.Verifier;

/// <summary>
/// The central server's telemetry queue: frames posted while a batch is being verified go into the next batch
/// together (one store commit), every frame is verified once, in arrival order, and closing verifies what is queued.
/// </summary>
public sealed class TelemetryBatcherTests
{
    [Fact]
    public async Task Frames_Posted_While_A_Batch_Runs_Are_Verified_Together_In_The_Next()
    {
        var verifier = new GatedVerifier();
        var batcher = new TelemetryBatcher(verifier, new ListLog());
        await using (batcher.ConfigureAwait(true))
        {
            batcher.Post(Frame(0));
            Assert.True(await Eventually.TrueAsync(() => verifier.Started > 0)); // the first batch is held inside VerifyBatch
            for (byte i = 1; i <= 10; i++)
            {
                batcher.Post(Frame(i));
            }

            verifier.Release();
            Assert.True(await Eventually.TrueAsync(() => batcher.Frames == 11));
        }

        Assert.Equal([1, 10], verifier.BatchSizes);
        Assert.Equal(2, batcher.Batches);
        Assert.Equal(0, batcher.Pending);
    }

    [Fact]
    public async Task Every_Frame_Is_Verified_Once_In_Arrival_Order()
    {
        var verifier = new GatedVerifier();
        verifier.Release();
        var batcher = new TelemetryBatcher(verifier, new ListLog());
        await using (batcher.ConfigureAwait(true))
        {
            for (var i = 0; i < 600; i++)
            {
                batcher.Post(Frame((byte)i));
            }
        }

        Assert.Equal(Enumerable.Range(0, 600).Select(i => (byte)i), verifier.Seen);
        Assert.All(verifier.BatchSizes, size => Assert.InRange(size, 1, TelemetryBatcher.MaxBatch));
    }

    [Fact]
    public async Task Closing_Verifies_The_Frames_Still_Queued_And_Refuses_New_Ones()
    {
        var verifier = new GatedVerifier();
        var batcher = new TelemetryBatcher(verifier, new ListLog());
        batcher.Post(Frame(0));
        Assert.True(await Eventually.TrueAsync(() => verifier.Started > 0));
        batcher.Post(Frame(1));
        batcher.Post(Frame(2));

        var closing = batcher.DisposeAsync();
        verifier.Release();
        await closing;

        Assert.Equal([0, 1, 2], verifier.Seen);
        Assert.Throws<ObjectDisposedException>(() => batcher.Post(Frame(3)));
    }

    [Fact]
    public async Task A_Failing_Batch_Is_Counted_And_Logged_And_The_Next_Is_Still_Verified()
    {
        var verifier = new GatedVerifier { FailFirst = true };
        verifier.Release();
        var log = new ListLog();
        var batcher = new TelemetryBatcher(verifier, log);
        await using (batcher.ConfigureAwait(true))
        {
            batcher.Post(Frame(0));
            Assert.True(await Eventually.TrueAsync(() => batcher.Failed == 1));
            batcher.Post(Frame(1));
        }

        Assert.Equal([0, 1], verifier.Seen);
        Assert.Contains(log.Lines, line => line.Contains("not verified", StringComparison.Ordinal));
    }

    private static TelemetryFrame Frame(byte marker) => new(Topics.Parse(Topics.Telemetry(1, 1)), [marker]);

    // Records each batch; holds the first one until released (so frames pile up behind it).
    private sealed class GatedVerifier : ITelemetryVerifier
    {
        private readonly ManualResetEventSlim _gate = new();
        private readonly List<int> _sizes = [];
        private readonly List<byte> _seen = [];
        private int _started;

        public bool FailFirst { get; init; }

        public int Started => Volatile.Read(ref _started);

        public int[] BatchSizes
        {
            get
            {
                lock (_sizes)
                {
                    return [.. _sizes];
                }
            }
        }

        public byte[] Seen
        {
            get
            {
                lock (_sizes)
                {
                    return [.. _seen];
                }
            }
        }

        public void Release() => _gate.Set();

        public FrameStatus Verify(TopicAddress address, byte[] payload) => VerifyBatch([new TelemetryFrame(address, payload)])[0];

        public IReadOnlyList<FrameStatus> VerifyBatch(IReadOnlyList<TelemetryFrame> frames)
        {
            var first = Interlocked.Increment(ref _started) == 1;
            _gate.Wait();
            lock (_sizes)
            {
                _sizes.Add(frames.Count);
                _seen.AddRange(frames.Select(f => f.Payload[0]));
            }

            if (first && FailFirst)
            {
                throw new IOException("disk full");
            }

            return [.. frames.Select(_ => FrameStatus.Ok)];
        }
    }
}
