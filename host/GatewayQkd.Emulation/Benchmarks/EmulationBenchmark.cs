using System.Diagnostics;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// End-to-end throughput and latency of the emulated system on loopback: N gateways with one busy sensor each
/// (requests at K_sec 1..2, a Poisson process), a constant key rate per link high enough that the pools never run dry
/// (so latency is the system's, not the key supply's), real time. State goes to <c>dataRoot</c>. Figures are taken
/// over a window (<see cref="MeasurementWindow"/>): the sensors are held until every pool holds the load's ready level,
/// run the load's warm-up, and then <c>duration</c> is measured; the run stops when the window closes.
/// </summary>
public static class EmulationBenchmark
{
    /// <summary>How long the HAP may take to fill every pool to the ready level before the point is given up.</summary>
    public static readonly TimeSpan FillLimit = TimeSpan.FromSeconds(120);

    private const double SampleSeconds = 0.25;

    /// <summary>Runs one point of `bench emulation` (<see cref="EmulationLoad.Standard"/>) and returns its figures.</summary>
    public static Task<EmulationBenchmarkResult> RunAsync(string brokerName, BrokerEndpoint? external, int gateways, TimeSpan duration, string dataRoot) =>
        RunAsync(brokerName, external, gateways, duration, dataRoot, EmulationLoad.Standard, null, null);

    /// <summary>
    /// Runs one point under <paramref name="load"/>: fill, warm-up, then <paramref name="duration"/> measured;
    /// <paramref name="brokerCpu"/> reads a separate broker process's CPU time (null: the broker runs in this process or
    /// is not measured); <paramref name="allocations"/>, when given, records over the window;
    /// <paramref name="configure"/>, when given, changes the run's options (e.g. the central-server workers).
    /// </summary>
    public static async Task<EmulationBenchmarkResult> RunAsync(string brokerName, BrokerEndpoint? external, int gateways, TimeSpan duration, string dataRoot, EmulationLoad load, Func<TimeSpan>? brokerCpu, AllocationSampler? allocations, Func<EmulationOptions, EmulationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        var folder = Path.Combine(dataRoot, $"bench-{brokerName}-{gateways}-{Environment.ProcessId}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var options = (configure ?? (o => o))(new EmulationOptions
        {
            Name = $"bench-{brokerName}-{gateways}",
            Duration = FillLimit + TimeSpan.FromSeconds(load.WarmUpSeconds + 5) + duration, // the window's end stops the run first
            Speed = 1,
            Gateways = gateways,
            SensorsPerGateway = 1,
            RequestMeanIntervalSeconds = load.RequestMeanIntervalSeconds,
            SecurityLevels = [1, 2],
            KeyRateModel = KeyRateModel.Constant,
            KeyRateBitsPerSecond = load.KeyRateBitsPerSecond,
            HapTerminals = gateways,
            BlockBytes = load.BlockBytes,
            PoolCapacityBits = load.PoolCapacityBits,
            DataFolder = Path.Combine(folder, "data"),
            OutputFolder = Path.Combine(folder, "out"),
            SlotSeconds = load.SlotSeconds,
            StatusIntervalSeconds = load.StatusIntervalSeconds,
            SlotPhases = load.SlotPhases,
            ExternalBroker = external,
            SampleIntervalSeconds = SampleSeconds,
        }).Validated();
        try
        {
            await using var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options)).ConfigureAwait(false);
            var window = new MeasurementWindow(load.WarmUpSeconds, duration.TotalSeconds, FillLimit.TotalSeconds);
            using var stop = new CancellationTokenSource();
            Mark? first = null;
            Mark? last = null;
            run.SensorsHeld = true;
            await run.RunAsync(
                snapshot =>
                {
                    if (window.Phase is WindowPhase.Done or WindowPhase.FillTimedOut)
                    {
                        return; // the samples of the drain
                    }

                    switch (window.Advance(snapshot.WallSeconds, window.Phase != WindowPhase.Filling || AllPoolsHold(run, load.ReadyBits)))
                    {
                        case WindowPhase.WarmingUp:
                            run.SensorsHeld = false;
                            break;
                        case WindowPhase.Measuring when first is null:
                            run.SensorsHeld = false;
                            first = Mark.Take(run, snapshot, brokerCpu);
                            allocations?.Recording = true;
                            break;
                        case WindowPhase.Done:
                            last = Mark.Take(run, snapshot, brokerCpu);
                            allocations?.Recording = false;
                            stop.Cancel();
                            break;
                        case WindowPhase.FillTimedOut:
                            stop.Cancel();
                            break;
                    }
                },
                stop.Token).ConfigureAwait(false);
            if (allocations is not null)
            {
                allocations.Recording = false;
            }

            var result = first is { } start && last is { } end
                ? Measure(brokerName, gateways, options, start, end, window.FillSeconds, run.RequestLatency, run.TickLateness)
                : EmulationBenchmarkResult.NotFilled(brokerName, gateways);
            return result with { UnroutedMessages = run.MessagesUnrouted };
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // left for the temp cleaner
            }
        }
    }

    // Whether every emulated gateway's pool holds at least readyBits (read without copying the counters: at 1,000
    // gateways this runs every sample).
    private static bool AllPoolsHold(EmulationRun run, long readyBits)
    {
        foreach (var gateway in run.Gateways)
        {
            if (gateway.AvailableBits < readyBits)
            {
                return false;
            }
        }

        return true;
    }

    // The window's figures: counter differences between its first and last sample, latencies of the keys delivered between them.
    private static EmulationBenchmarkResult Measure(string brokerName, int gateways, EmulationOptions options, Mark start, Mark end, double fillSeconds, LatencyRecorder latency, LatencyRecorder ticks)
    {
        var seconds = end.WallSeconds - start.WallSeconds;
        var keys = end.Served - start.Served;
        var window = latency.SummarizeBetween(start.Latencies, end.Latencies);
        var blockBits = options.BlockBytes * 8.0;
        return new EmulationBenchmarkResult(
            brokerName,
            gateways,
            seconds,
            (end.DeliveredBits - start.DeliveredBits) / blockBits / seconds,
            keys / seconds,
            window.P50,
            window.P99,
            (end.Verified - start.Verified) / seconds,
            (end.Sent - start.Sent) / seconds,
            (end.Messages - start.Messages) / seconds,
            keys > 0 ? (end.Cpu - start.Cpu).TotalMilliseconds / keys : double.NaN,
            keys > 0 ? (end.Allocated - start.Allocated) / (double)keys : double.NaN,
            fillSeconds,
            ticks.SummarizeBetween(start.Ticks, end.Ticks).P99,
            keys > 0 ? Enum.GetValues<TopicKind>().ToDictionary(k => k, k => (end.MessagesByKind[(int)k] - start.MessagesByKind[(int)k]) / (double)keys) : null);
    }

    // The run's totals at one sample.
    private readonly record struct Mark(double WallSeconds, long Sent, long Served, long Verified, long DeliveredBits, int Latencies, long Messages, TimeSpan Cpu, long Allocated, int Ticks, long[] MessagesByKind)
    {
        public static Mark Take(EmulationRun run, RunSnapshot snapshot, Func<TimeSpan>? brokerCpu)
        {
            using var process = Process.GetCurrentProcess();
            var counters = run.Counters;
            return new Mark(
                snapshot.WallSeconds,
                counters[RunCounter.RequestsSent],
                counters[RunCounter.RequestsServed],
                counters[RunCounter.TelemetryVerified],
                counters[RunCounter.KeyBitsDelivered],
                run.RequestLatency.Count,
                run.MessagesPublished,
                process.TotalProcessorTime + (brokerCpu?.Invoke() ?? TimeSpan.Zero),
                GC.GetTotalAllocatedBytes(precise: false),
                run.TickLateness.Count,
                [.. Enum.GetValues<TopicKind>().Select(run.MessagesPublishedOf)]);
        }
    }
}
