namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// The load and key supply of one emulation benchmark point (one sensor per gateway).
/// </summary>
/// <param name="RequestMeanIntervalSeconds">Mean gap between one sensor's key requests (Poisson), seconds.</param>
/// <param name="KeyRateBitsPerSecond">Constant key rate of every HAP-GN link (one HAP terminal per gateway).</param>
/// <param name="BlockBytes">Key block size the HAP pushes.</param>
/// <param name="PoolCapacityBits">Each gateway's pool capacity.</param>
/// <param name="SlotSeconds">DDKA slot length t_slot.</param>
/// <param name="WarmUpSeconds">Seconds the sensors run before the measured window opens (connections settle, code is jitted).</param>
/// <param name="ReadyBits">Key bits every gateway's pool must hold before the sensors start (0: they start at once); see <see cref="MeasurementWindow"/>.</param>
/// <param name="StatusIntervalSeconds">Each gateway's status frame period (the emulation's default: 1 s).</param>
/// <param name="SlotPhases">At how many instants per slot the gateways' slots end (<see cref="Options.EmulationOptions.SlotPhases"/>; 1: all at once).</param>
public sealed record EmulationLoad(double RequestMeanIntervalSeconds, double KeyRateBitsPerSecond, int BlockBytes, int PoolCapacityBits, double SlotSeconds, double WarmUpSeconds, long ReadyBits = 0, double StatusIntervalSeconds = Gateways.GatewayConfigFactory.StatusIntervalMilliseconds / 1000.0, int SlotPhases = 1)
{
    /// <summary>Gets the load of `bench emulation`: a request every 0.1 s per gateway, 100 kbit/s links, 64-byte blocks, 16384-bit pools, 50 ms slots, no warm-up.</summary>
    public static EmulationLoad Standard { get; } = new(0.1, 100_000, 64, 16384, 0.05, 0);
}
