using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// End-to-end throughput and latency of the emulated system on loopback: N gateways with one busy sensor each
/// (a request every 0.1 s at K_sec 1..2), a constant 100 kbit/s per link (the pools never run dry, so latency is the
/// system's, not the key supply's), DDKA slots of 50 ms, real time. State goes to <c>dataRoot</c>.
/// </summary>
public static class EmulationBenchmark
{
    /// <summary>Runs one point and returns its figures.</summary>
    public static async Task<EmulationBenchmarkResult> RunAsync(string brokerName, BrokerEndpoint? external, int gateways, TimeSpan duration, string dataRoot)
    {
        var folder = Path.Combine(dataRoot, $"bench-{brokerName}-{gateways}-{Environment.ProcessId}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var options = new EmulationOptions
        {
            Name = $"bench-{brokerName}-{gateways}",
            Duration = duration,
            Speed = 1,
            Gateways = gateways,
            SensorsPerGateway = 1,
            RequestMeanIntervalSeconds = 0.1,
            SecurityLevels = [1, 2],
            KeyRateModel = KeyRateModel.Constant,
            KeyRateBitsPerSecond = 100_000,
            HapTerminals = gateways,
            BlockBytes = 64,
            PoolCapacityBits = 16384,
            DataFolder = Path.Combine(folder, "data"),
            OutputFolder = Path.Combine(folder, "out"),
            SlotSeconds = 0.05,
            ExternalBroker = external,
            SampleIntervalSeconds = 1,
        }.Validated();
        try
        {
            await using var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options)).ConfigureAwait(false);
            var report = await run.RunAsync().ConfigureAwait(false);
            var seconds = report.WallSeconds;
            var blocks = report.Counter(RunCounter.KeyBitsDelivered) / (options.BlockBytes * 8.0);
            return new EmulationBenchmarkResult(
                brokerName, gateways, seconds, blocks / seconds, report.Counter(RunCounter.RequestsServed) / seconds,
                report.RequestToKey.P50, report.RequestToKey.P99, report.Counter(RunCounter.TelemetryVerified) / seconds);
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
}
