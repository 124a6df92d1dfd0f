using System.Globalization;
using System.Text;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Benchmarks;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench capacity` (issue 14): for each gateway count (default 100 and 1,000) and each broker (Mosquitto as a child
/// process, then the embedded one), raises the offered key-request load step by step until the request-to-key p99
/// exceeds t_slot + 20 ms or keys/s stop rising (<see cref="CapacityBenchmark"/>), and prints every step, the highest
/// sustained keys/s with its p50/p99, the broker's raw QoS 1 publish rate with the same number of client connections
/// (2N + 1: a gateway and a sensor connection per gateway, and the central server) measured in the same run, and the
/// ratio of the messages per second the system moved to that raw rate.
/// </summary>
internal sealed class CapacitySuite : IBenchSuite
{
    /// <summary>Gateway counts measured when --gateways is not given.</summary>
    public static readonly IReadOnlyList<int> DefaultGatewayCounts = [100, 1000];

    private const double StepFactor = 1.5;
    private const double SlotSeconds = 0.05;
    private const int RawBytes = 64;
    private const int RawMessagesPerConnection = 20;
    private const int RawMessagesAtLeast = 40_000;
    private const int TopTypes = 8;

    public string Name => "capacity";

    public string Description => "raises the key-request load until p99 > t_slot + 20 ms or keys/s stop rising, 100 and 1,000 gateways, Mosquitto and embedded; highest sustained keys/s, raw QoS 1 rate at 2N+1 connections, ratio";

    public async Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        var counts = settings.GatewayCountsGiven ? settings.GatewayCounts : DefaultGatewayCounts;
        var steps = new StringBuilder()
            .AppendLine("| broker | gateways | pools filled in (s) | offered requests/s | keys to sensors/s | telemetry verified/s | p50 (ms) | p99 (ms) | messages/s | CPU ms/key | KB allocated/key | run-loop tick late p99 (ms) | unrouted messages |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var summary = new StringBuilder()
            .AppendLine("| broker | gateways | highest sustained keys/s | p50 (ms) | p99 (ms) | system messages/s | raw QoS 1 msg/s (2N+1 connections) | ratio | ladder stopped |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        var allocations = new StringBuilder();
        var messages = new StringBuilder()
            .AppendLine("| broker | gateways | request | response | telemetry | block | ack | status | supplement | resync | other | total |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        using var sampler = new AllocationSampler();
        foreach (var n in counts)
        {
            if (settings.Brokers is "both" or "mosquitto")
            {
                await using var mosquitto = await MosquittoProcess.StartAsync();
                var raw = await Raw(mosquitto.Endpoint, "mosquitto", n, progress);
                var result = await CapacityBenchmark.RunAsync("mosquitto", mosquitto.Endpoint, () => mosquitto.ProcessorTime, Settings(settings, n), s => Report(s, progress, steps), sampler);
                summary.AppendLine(Summary(result, raw, progress));
                allocations.Append(Allocations(result, sampler));
                messages.Append(Messages(result));
            }

            if (settings.Brokers is not ("both" or "embedded"))
            {
                continue;
            }

            double embeddedRaw;
            await using (var embedded = await EmbeddedBroker.StartAsync())
            {
                embeddedRaw = await Raw(embedded.Endpoint, "embedded", n, progress);
            }

            var own = await CapacityBenchmark.RunAsync("embedded", null, null, Settings(settings, n), s => Report(s, progress, steps), sampler);
            summary.AppendLine(Summary(own, embeddedRaw, progress));
            allocations.Append(Allocations(own, sampler));
            messages.Append(Messages(own));
        }

        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"t_slot {SlotSeconds * 1000:0} ms, the gateways' slots ending at {settings.SlotPhases} instants per slot (each gateway's clock offset as if booted apart), status frames every {CapacityBenchmark.StatusIntervalSeconds:0.#} s (the firmware's default), p99 bound {SlotSeconds * 1000 + CapacityBenchmark.LatencySlackMilliseconds:0} ms; load from {settings.StartPerGateway:0.##} requests/s per gateway, x{StepFactor} per step, at most {settings.MaxSteps} steps; {settings.Seconds:0.#} s measured per step after the pools were filled (sensors held until every pool is three quarters full) and a {WarmUp(settings):0.#} s warm-up. CPU per key counts the emulation process and, for Mosquitto, the broker process.")
            .AppendLine()
            .Append(summary)
            .AppendLine()
            .Append(steps)
            .AppendLine()
            .AppendLine("MQTT messages published per key delivered at each ladder's last step, by topic kind (counted on each broker acknowledgement):")
            .AppendLine()
            .Append(messages)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Managed allocations per key delivered at each ladder's last step, by type (sampled from the runtime's GCAllocationTick events, about one per 100 KB; top {TopTypes}):")
            .AppendLine()
            .AppendLine("| broker | gateways | type | KB/key |")
            .AppendLine("|---|---:|---|---:|")
            .Append(allocations)
            .ToString();
    }

    private static string Allocations(CapacityResult result, AllocationSampler sampler)
    {
        var last = result.Steps[^1];
        var keys = last.KeysPerSecond * last.WallSeconds;
        var text = new StringBuilder();
        foreach (var (type, bytes) in sampler.ByType().Take(TopTypes))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Broker} | {result.Gateways} | `{type}` | {(keys > 0 ? bytes / keys / 1024 : double.NaN):0.00} |");
        }

        return text.ToString();
    }

    private static string Messages(CapacityResult result)
    {
        if (result.Steps[^1].MessagesPerKeyByKind is not { } perKey)
        {
            return string.Create(CultureInfo.InvariantCulture, $"| {result.Broker} | {result.Gateways} | no key delivered | | | | | | | | | |{Environment.NewLine}");
        }

        TopicKind[] columns = [TopicKind.Request, TopicKind.Response, TopicKind.Telemetry, TopicKind.Blocks, TopicKind.Ack, TopicKind.Status, TopicKind.Supplement, TopicKind.Resync, TopicKind.Unknown];
        var cells = string.Join(" | ", columns.Select(k => perKey[k].ToString("0.000", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"| {result.Broker} | {result.Gateways} | {cells} | {perKey.Values.Sum():0.000} |{Environment.NewLine}");
    }

    private static CapacitySettings Settings(BenchSettings settings, int gateways) =>
        new(gateways, settings.StartPerGateway * gateways, StepFactor, settings.MaxSteps, settings.Seconds, WarmUp(settings), SlotSeconds, settings.DataRoot, settings.SlotPhases);

    // After the pools are filled: long enough for the serve path to be jitted and the sensors' first requests to settle;
    // no longer than the measured window.
    private static double WarmUp(BenchSettings settings) => Math.Min(2, settings.Seconds);

    private static async Task<double> Raw(BrokerEndpoint endpoint, string name, int gateways, TextWriter progress)
    {
        var connections = (2 * gateways) + 1;
        var rate = await MqttPublishBenchmark.RunAsync(endpoint, Math.Max(RawMessagesAtLeast, RawMessagesPerConnection * connections), RawBytes, connections);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  raw QoS 1 publish, {name}, {connections} connections: {rate:0} msg/s"));
        return rate;
    }

    private static void Report(EmulationBenchmarkResult r, TextWriter progress, StringBuilder steps)
    {
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {r.Broker} | {r.Gateways} | {r.FillSeconds:0.0} | {r.OfferedPerSecond:0} | {r.KeysPerSecond:0} | {r.TelemetryPerSecond:0} | {r.LatencyP50:0.0} | {r.LatencyP99:0.0} | {r.MessagesPerSecond:0} | {r.CpuMillisecondsPerKey:0.000} | {r.BytesAllocatedPerKey / 1024:0.0} | {r.TickLatenessP99:0.0} | {r.UnroutedMessages} |");
        progress.WriteLine("  " + row);
        steps.AppendLine(row);
    }

    private static string Summary(CapacityResult result, double raw, TextWriter progress)
    {
        var s = result.Sustained;
        var row = s is null
            ? string.Create(CultureInfo.InvariantCulture, $"| {result.Broker} | {result.Gateways} | none (first step above the bound) | | | | {raw:0} | | {result.StopReason} |")
            : string.Create(CultureInfo.InvariantCulture, $"| {result.Broker} | {result.Gateways} | {s.KeysPerSecond:0} | {s.LatencyP50:0.0} | {s.LatencyP99:0.0} | {s.MessagesPerSecond:0} | {raw:0} | {s.MessagesPerSecond / raw:0.00} | {result.StopReason} |");
        progress.WriteLine("  " + row);
        return row;
    }
}
