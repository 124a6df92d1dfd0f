using System.Globalization;
using System.Text;
using GatewayQkd.Emulation.Benchmarks;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Postgres;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench workers` (issue 17): keys/s end to end on the scale-out stack, a 3-node NATS cluster and PostgreSQL for the
/// leases and link counters (docs/deployment.md), with 1 and then 2 central-server workers on leases, at the same offered
/// load (one sensor per gateway, default 100 gateways). Each point gets a fresh PostgreSQL server and run. All workers,
/// gateways and sensors run in this one process, so the figures say what leases cost and how the work divides, not what
/// a second machine adds.
/// </summary>
internal sealed class WorkersSuite : IBenchSuite
{
    /// <summary>Gateway count measured when --gateways is not given.</summary>
    public const int DefaultGateways = 100;

    /// <summary>Key requests per second offered per gateway (20/s over 100 gateways: the load of the integration test, which this shared 2-core machine carries).</summary>
    public const double RequestsPerGateway = 0.2;

    private const double SlotSeconds = 0.05;

    // Connections settle, the second worker's leases settle (about two rounds after it joins) and the pools fill: 8
    // blocks of 128 bytes each at 4 kbit/s per link (one HAP terminal per gateway) take 2 s of link time.
    private const double WarmUpSeconds = 20;

    private static readonly EmulationLoad Load = new(1 / RequestsPerGateway, 4096, 128, 8192, SlotSeconds, WarmUpSeconds);

    public string Name => "workers";

    public string Description => "keys/s end to end with 1 and 2 central-server workers on leases, 3 NATS nodes and PostgreSQL, 100 gateways";

    public async Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        var counts = settings.GatewayCountsGiven ? settings.GatewayCounts : [DefaultGateways];
        var table = new StringBuilder()
            .AppendLine("| gateways | workers | offered requests/s | keys to sensors/s | telemetry verified/s | p50 (ms) | p99 (ms) | messages/s | CPU ms/key |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in counts)
        {
            foreach (var workers in new[] { 1, 2 })
            {
                await using var cluster = await NatsCluster.StartAsync();
                await using var postgres = await PostgresProcess.StartAsync();
                var database = DatabaseEngine.Postgres(postgres.ConnectionString());
                var r = await EmulationBenchmark.RunAsync(
                    $"nats-{workers}w", cluster.Endpoint, n, TimeSpan.FromSeconds(settings.Seconds), settings.DataRoot, Load, () => cluster.ProcessorTime, null,
                    o => o with { Workers = workers, WorkerDatabase = database });
                var row = string.Create(CultureInfo.InvariantCulture,
                    $"| {n} | {workers} | {r.OfferedPerSecond:0} | {r.KeysPerSecond:0} | {r.TelemetryPerSecond:0} | {r.LatencyP50:0.0} | {r.LatencyP99:0.0} | {r.MessagesPerSecond:0} | {r.CpuMillisecondsPerKey:0.000} |");
                await progress.WriteLineAsync("  " + row);
                table.AppendLine(row);
            }
        }

        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"3 NATS nodes (MQTT 3.1.1, JetStream), PostgreSQL for leases and link counters, central key store SQLite shared by the workers; {RequestsPerGateway:0.0#} requests/s offered per gateway, 4 kbit/s links, 128-byte blocks into 8 Kibit pools, t_slot {SlotSeconds * 1000:0} ms; {settings.Seconds:0.#} s measured per point after {WarmUpSeconds:0} s warm-up. CPU per key counts this process and the three NATS nodes.")
            .AppendLine()
            .Append(table)
            .ToString();
    }
}
