using System.Globalization;
using System.Text;
using GatewayQkd.Emulation.Benchmarks;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>
/// `bench emulation`: end-to-end key deliveries per second and request-to-key latency p50/p99 on loopback with the
/// embedded broker and with Mosquitto (started as a child process), for each gateway count, beside each broker's raw
/// QoS 1 publish rate measured in the same run.
/// </summary>
internal sealed class EmulationSuite : IBenchSuite
{
    private const int RawMessages = 20_000;
    private const int RawBytes = 64;

    public string Name => "emulation";

    public string Description => "end-to-end key deliveries/s and request-to-key latency, embedded broker vs Mosquitto, 1/10/100 gateways, with raw MQTT publish rates";

    public async Task<string> RunAsync(BenchSettings settings, TextWriter progress)
    {
        var text = new StringBuilder();
        text.AppendLine("| broker | gateways | blocks acked/s | keys to sensors/s | telemetry verified/s | request-to-key p50 (ms) | p99 (ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var raw = new StringBuilder();
        raw.AppendLine(CultureInfo.InvariantCulture, $"| broker | raw QoS 1 publish rate ({RawMessages} x {RawBytes} B, msg/s) |");
        raw.AppendLine("|---|---:|");

        await using (var embedded = await EmbeddedBroker.StartAsync())
        {
            raw.AppendLine(CultureInfo.InvariantCulture, $"| embedded (MQTTnet) | {await Raw(embedded.Endpoint, "embedded", progress):0} |");
        }

        await using (var mosquitto = await MosquittoProcess.StartAsync())
        {
            raw.AppendLine(CultureInfo.InvariantCulture, $"| mosquitto | {await Raw(mosquitto.Endpoint, "mosquitto", progress):0} |");
            foreach (var n in settings.GatewayCounts)
            {
                text.AppendLine(Row(await Point("mosquitto", mosquitto.Endpoint, n, settings, progress)));
            }
        }

        foreach (var n in settings.GatewayCounts)
        {
            text.AppendLine(Row(await Point("embedded", null, n, settings, progress)));
        }

        return text.AppendLine().Append(raw).ToString();
    }

    private static async Task<double> Raw(BrokerEndpoint endpoint, string name, TextWriter progress)
    {
        var rate = await MqttPublishBenchmark.RunAsync(endpoint, RawMessages, RawBytes);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  raw publish, {name}: {rate:0} msg/s"));
        return rate;
    }

    private static async Task<EmulationBenchmarkResult> Point(string name, BrokerEndpoint? endpoint, int gateways, BenchSettings settings, TextWriter progress)
    {
        var result = await EmulationBenchmark.RunAsync(name, endpoint, gateways, TimeSpan.FromSeconds(settings.Seconds), settings.DataRoot);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {name}, {gateways} gateways: {result.BlocksPerSecond:0.0} blocks/s, {result.KeysPerSecond:0.0} keys/s, p50 {result.LatencyP50:0.0} ms, p99 {result.LatencyP99:0.0} ms"));
        return result;
    }

    private static string Row(EmulationBenchmarkResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Broker} | {r.Gateways} | {r.BlocksPerSecond:0.0} | {r.KeysPerSecond:0.0} | {r.TelemetryPerSecond:0.0} | {r.LatencyP50:0.0} | {r.LatencyP99:0.0} |");
}
