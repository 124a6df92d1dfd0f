namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>How <see cref="CapacityBenchmark"/> raises the load.</summary>
/// <param name="Gateways">Emulated gateways (one sensor each).</param>
/// <param name="StartKeysPerSecond">Key requests per second offered at the first step, over all gateways.</param>
/// <param name="StepFactor">Factor the offered load grows by from one step to the next (above 1).</param>
/// <param name="MaxSteps">Most steps to run.</param>
/// <param name="SecondsPerStep">Measured wall-clock seconds per step (after the warm-up).</param>
/// <param name="WarmUpSeconds">Seconds each step runs before its window opens.</param>
/// <param name="SlotSeconds">DDKA slot length t_slot.</param>
/// <param name="DataRoot">Folder for the runs' state.</param>
/// <param name="SlotPhases">At how many instants per slot the gateways' slots end (<see cref="CapacityBenchmark.DefaultSlotPhases"/>; 1: all at once).</param>
public sealed record CapacitySettings(int Gateways, double StartKeysPerSecond, double StepFactor, int MaxSteps, double SecondsPerStep, double WarmUpSeconds, double SlotSeconds, string DataRoot, int SlotPhases = CapacityBenchmark.DefaultSlotPhases);
