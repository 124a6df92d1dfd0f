using System.Diagnostics;
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
/// over a window: from the end of the load's warm-up to the last sample before the run drains.
/// </summary>
public static class EmulationBenchmark
{
    private const double SampleSeconds = 0.25;

    /// <summary>Runs one point of `bench emulation` (<see cref="EmulationLoad.Standard"/>) and returns its figures.</summary>
    public static Task<EmulationBenchmarkResult> RunAsync(string brokerName, BrokerEndpoint? external, int gateways, TimeSpan duration, string dataRoot) =>
        RunAsync(brokerName, external, gateways, duration, dataRoot, EmulationLoad.Standard, null, null);

    /// <summary>
    /// Runs one point under <paramref name="load"/> for its warm-up plus <paramref name="duration"/>;
    /// <paramref name="brokerCpu"/> reads a separate broker process's CPU time (null: the broker runs in this process or
    /// is not measured); <paramref name="allocations"/>, when given, records from the window's start to the run's end;
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
            Duration = TimeSpan.FromSeconds(load.WarmUpSeconds) + duration,
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
            ExternalBroker = external,
            SampleIntervalSeconds = SampleSeconds,
        }).Validated();
        try
        {
            await using var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options)).ConfigureAwait(false);
            var marks = new List<Mark>();
            await run.RunAsync(snapshot =>
            {
                marks.Add(Mark.Take(run, snapshot, brokerCpu));
                if (allocations is not null && snapshot.WallSeconds >= marks[0].WallSeconds + load.WarmUpSeconds)
                {
                    allocations.Recording = true;
                }
            }).ConfigureAwait(false);
            if (allocations is not null)
            {
                allocations.Recording = false;
            }

            return Measure(brokerName, gateways, options, marks, load.WarmUpSeconds, run.RequestLatency);
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

    // The window: from the first sample at or after the warm-up to the last one taken while the sensors were active
    // (the final sample follows the drain, when no requests arrive).
    private static EmulationBenchmarkResult Measure(string brokerName, int gateways, EmulationOptions options, List<Mark> marks, double warmUpSeconds, LatencyRecorder latency)
    {
        var startIndex = marks.FindIndex(m => m.WallSeconds >= marks[0].WallSeconds + warmUpSeconds);
        var endIndex = marks.Count - 2;
        if (startIndex < 0 || endIndex <= startIndex)
        {
            startIndex = 0; // too short for a window: the whole run, drain included
            endIndex = marks.Count - 1;
        }

        var (start, end) = (marks[startIndex], marks[endIndex]);
        var seconds = end.WallSeconds - start.WallSeconds;
        var keys = end.Served - start.Served;
        var window = latency.SummarizeSince(start.Latencies);
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
            keys > 0 ? (end.Allocated - start.Allocated) / (double)keys : double.NaN);
    }

    // The run's totals at one sample.
    private readonly record struct Mark(double WallSeconds, long Sent, long Served, long Verified, long DeliveredBits, int Latencies, long Messages, TimeSpan Cpu, long Allocated)
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
                GC.GetTotalAllocatedBytes(precise: false));
        }
    }
}
