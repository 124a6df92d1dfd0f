namespace GatewayQkd.Cli.Commands.Bench;

/// <summary>Settings every suite reads: how long each point runs, which gateway counts, where state goes.</summary>
/// <param name="Seconds">Wall-clock seconds per measured point.</param>
/// <param name="GatewayCounts">Gateway counts to measure.</param>
/// <param name="DataRoot">Folder for run state (RAM-backed /dev/shm by default where it exists).</param>
/// <param name="GatewayCountsGiven">Whether --gateways was given (suites with other defaults use theirs otherwise).</param>
/// <param name="MaxSteps">Most load steps a ladder suite (capacity) runs per gateway count and broker.</param>
/// <param name="StartPerGateway">Key requests/s per gateway at a ladder's first step (capacity).</param>
/// <param name="Brokers">Which brokers a suite measures (capacity): "both", "mosquitto" or "embedded".</param>
/// <param name="SlotPhases">At how many instants per slot the gateways' slots end (capacity; 1: all at once).</param>
internal sealed record BenchSettings(double Seconds, IReadOnlyList<int> GatewayCounts, string DataRoot, bool GatewayCountsGiven = true, int MaxSteps = 12, double StartPerGateway = 2, string Brokers = "both", int SlotPhases = GatewayQkd.Emulation.Benchmarks.CapacityBenchmark.DefaultSlotPhases);
