namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>What <see cref="CapacityBenchmark"/> found at one gateway count and broker.</summary>
/// <param name="Broker">"embedded" or "mosquitto".</param>
/// <param name="Gateways">Emulated gateways.</param>
/// <param name="LatencyLimitMilliseconds">The p99 bound, t_slot + 20 ms.</param>
/// <param name="Steps">Every step run, in order of rising offered load.</param>
/// <param name="Sustained">The step with the highest keys/s whose p99 stayed within the bound, or null when none did.</param>
/// <param name="StopReason">Why the ladder ended.</param>
public sealed record CapacityResult(string Broker, int Gateways, double LatencyLimitMilliseconds, IReadOnlyList<EmulationBenchmarkResult> Steps, EmulationBenchmarkResult? Sustained, string StopReason);
