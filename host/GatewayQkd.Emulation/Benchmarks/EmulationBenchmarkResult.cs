namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>One emulation benchmark point, measured over its window (after the warm-up, before the drain).</summary>
/// <param name="Broker">"embedded" or "mosquitto".</param>
/// <param name="Gateways">Number of emulated gateways.</param>
/// <param name="WallSeconds">Measured wall-clock seconds (the window).</param>
/// <param name="BlocksPerSecond">Key blocks acknowledged by gateways per second (HAP to GN deliveries).</param>
/// <param name="KeysPerSecond">Keys delivered to sensors per second (requests served end to end).</param>
/// <param name="LatencyP50">Request-to-key latency median, ms, of the keys delivered in the window.</param>
/// <param name="LatencyP99">Request-to-key latency 99th percentile, ms.</param>
/// <param name="TelemetryPerSecond">Telemetry messages verified per second.</param>
/// <param name="OfferedPerSecond">Key requests the sensors sent per second.</param>
/// <param name="MessagesPerSecond">MQTT messages every client of the run published (broker-acknowledged) per second.</param>
/// <param name="CpuMillisecondsPerKey">CPU time of the emulation process, plus the broker's when it is a separate process, per key delivered (ms).</param>
/// <param name="BytesAllocatedPerKey">Managed bytes the emulation process allocated per key delivered.</param>
/// <param name="TickLatenessP99">How late the run loop woke for its ticks (slot ends, every 20 ms) in the window, 99th percentile, ms: what a key waits beyond its slot because the loop did not get a core.</param>
/// <param name="FillSeconds">Wall-clock seconds the HAP took to fill every pool to the ready level before the sensors started (NaN: not within <see cref="EmulationBenchmark.FillLimit"/>, and the point has no figures).</param>
/// <param name="MessagesPerKeyByKind">Messages published per key delivered in the window, by topic kind (requests, responses, telemetry, blocks, acknowledgements, status, supplements, resynchronisations; Unknown: outside the topic scheme); null when no key was delivered.</param>
/// <param name="UnroutedMessages">Messages of the whole run (fill included) the broker delivered to no subscriber: each is a loss (a block pushed before its gateway subscribed waits for a resend).</param>
public sealed record EmulationBenchmarkResult(
    string Broker,
    int Gateways,
    double WallSeconds,
    double BlocksPerSecond,
    double KeysPerSecond,
    double LatencyP50,
    double LatencyP99,
    double TelemetryPerSecond,
    double OfferedPerSecond,
    double MessagesPerSecond,
    double CpuMillisecondsPerKey,
    double BytesAllocatedPerKey,
    double FillSeconds,
    double TickLatenessP99 = double.NaN,
    IReadOnlyDictionary<Core.Protocol.TopicKind, double>? MessagesPerKeyByKind = null,
    long UnroutedMessages = 0)
{
    /// <summary>Returns the result of a point whose pools were not all filled within <see cref="EmulationBenchmark.FillLimit"/>: no window, no figures.</summary>
    public static EmulationBenchmarkResult NotFilled(string broker, int gateways) =>
        new(broker, gateways, 0, 0, 0, double.NaN, double.NaN, 0, 0, 0, double.NaN, double.NaN, double.NaN);

    /// <summary>Gets a value indicating whether the pools were filled and the window measured.</summary>
    public bool Measured => !double.IsNaN(FillSeconds);
}
