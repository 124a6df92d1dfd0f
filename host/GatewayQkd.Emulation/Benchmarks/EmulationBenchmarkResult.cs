namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>One emulation benchmark point.</summary>
/// <param name="Broker">"embedded" or "mosquitto".</param>
/// <param name="Gateways">Number of emulated gateways.</param>
/// <param name="WallSeconds">Measured wall-clock seconds.</param>
/// <param name="BlocksPerSecond">Key blocks acknowledged by gateways per second (HAP to GN deliveries).</param>
/// <param name="KeysPerSecond">Keys delivered to sensors per second (requests served end to end).</param>
/// <param name="LatencyP50">Request-to-key latency median, ms.</param>
/// <param name="LatencyP99">Request-to-key latency 99th percentile, ms.</param>
/// <param name="TelemetryPerSecond">Telemetry messages verified per second.</param>
public sealed record EmulationBenchmarkResult(string Broker, int Gateways, double WallSeconds, double BlocksPerSecond, double KeysPerSecond, double LatencyP50, double LatencyP99, double TelemetryPerSecond);
