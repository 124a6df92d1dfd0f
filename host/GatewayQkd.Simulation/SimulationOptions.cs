using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation;

/// <summary>
/// One simulation run. Defaults are the DDKA paper's s4 settings (Chen et al., Entropy 24, 149, 2022) where it gives
/// them; the thresholds, slot length and load are ours (see docs/simulation.md).
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Gets the allocation scheme.</summary>
    public SchemeKind Scheme { get; init; } = SchemeKind.Ddka;

    /// <summary>Gets the number of key requests to generate.</summary>
    public long Requests { get; init; } = 20_000;

    /// <summary>Gets the load L_req = lambda t_slot (eq. 4); 0.2 at t_slot 1 s is the paper's 5 s mean interval.</summary>
    public double Load { get; init; } = 0.2;

    /// <summary>Gets t_slot in seconds.</summary>
    public double SlotSeconds { get; init; } = 1.0;

    /// <summary>Gets the number of gateways (paper: 4).</summary>
    public int Gateways { get; init; } = 4;

    /// <summary>Gets the QKP capacity in bits (paper: 5120).</summary>
    public long CapacityBits { get; init; } = 5120;

    /// <summary>Gets the initial K_sur in bits (paper: 1280 or 2560).</summary>
    public long InitialBits { get; init; } = 2560;

    /// <summary>Gets K_threshold_low in bits (ours: 2048, so a pool at or above it serves the largest key).</summary>
    public long LowThresholdBits { get; init; } = 2048;

    /// <summary>Gets K_threshold_high in bits (ours: 4096, 80 % of the capacity).</summary>
    public long HighThresholdBits { get; init; } = 4096;

    /// <summary>Gets the trade-off w of eq. (5) (paper: 0.5).</summary>
    public double TradeOff { get; init; } = 0.5;

    /// <summary>Gets V_gen in bit/s of every gateway's supplement link (paper: 2560).</summary>
    public double VGenBitsPerSecond { get; init; } = 2560;

    /// <summary>Gets per-gateway V_gen values in bit/s (cycled over the gateways), or null for <see cref="VGenBitsPerSecond"/>.</summary>
    public IReadOnlyList<double>? VGenPerGateway { get; init; }

    /// <summary>Gets the gateway-to-sensor link rate in bit/s; t_tra = 1 / rate (paper: 1280).</summary>
    public double LinkBitsPerSecond { get; init; } = 1280;

    /// <summary>Gets how many supplement requests the HAP serves at once (paper: 1, "relayed one-to-one").</summary>
    public int HapChannels { get; init; } = 1;

    /// <summary>Gets how K_qua is drawn.</summary>
    public KeyQuantityMode KeyQuantity { get; init; } = KeyQuantityMode.Level;

    /// <summary>Gets what a higher L_req changes: the rate only (default) or the rate and K_qua.</summary>
    public LoadMeaning LoadMeaning { get; init; } = LoadMeaning.Rate;

    /// <summary>Gets when DDKA's (and S2's) threshold replenishment may run (default: in idle gaps, Table 4 line 16).</summary>
    public SupplementTiming SupplementTiming { get; init; } = SupplementTiming.IdleGaps;

    /// <summary>Gets the random seed; equal seeds give equal runs.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Gets the number of pool-level samples over the run.</summary>
    public int LevelSamples { get; init; } = 400;

    /// <summary>Gets the V_gen of a gateway.</summary>
    public double VGenOf(int gateway) =>
        VGenPerGateway is { Count: > 0 } list ? list[gateway % list.Count] : VGenBitsPerSecond;

    /// <summary>
    /// Returns K_qua in bits for a key length level 1..5: 128 &lt;&lt; (level - 1) (paper s3.2), scaled by L_req under
    /// <see cref="LoadMeaning.RateAndKeyQuantity"/> (rounded up to whole bytes, at most the capacity in whole bytes).
    /// </summary>
    public int KeyBitsOf(int level)
    {
        int bits = SecurityLevel.KeyBits(level);
        if (LoadMeaning != LoadMeaning.RateAndKeyQuantity)
        {
            return bits;
        }

        double scaled = Math.Ceiling(bits * Load / 8) * 8;
        return (int)Math.Max(8, Math.Min(scaled, CapacityBits / 8 * 8));
    }

    /// <summary>Gets the expected simulated horizon in seconds: requests x t_slot / L_req.</summary>
    public double ExpectedHorizonSeconds => Requests * SlotSeconds / Load;

    /// <summary>Throws <see cref="SimulationOptionsException"/> naming (by property) the first option out of range.</summary>
    public void Validate()
    {
        Require(Requests > 0, nameof(Requests), $"must be positive (got {Requests}).");
        Require(double.IsFinite(Load) && Load > 0, nameof(Load), $"L_req must be a positive number (got {Load}).");
        Require(double.IsFinite(SlotSeconds) && SlotSeconds >= 1e-6, nameof(SlotSeconds), $"t_slot must be at least 1 microsecond (got {SlotSeconds} s).");
        Require(Gateways is > 0 and <= 1_000_000, nameof(Gateways), $"must be 1..1000000 (got {Gateways}).");
        Require(CapacityBits > 0, nameof(CapacityBits), $"must be positive (got {CapacityBits}).");
        Require(InitialBits >= 0 && InitialBits <= CapacityBits, nameof(InitialBits), $"K_sur must lie in [0, capacity {CapacityBits}] (got {InitialBits}).");
        Require(LowThresholdBits >= 0 && LowThresholdBits <= HighThresholdBits, nameof(LowThresholdBits), $"must lie in [0, K_threshold_high {HighThresholdBits}] (got {LowThresholdBits}).");
        Require(HighThresholdBits <= CapacityBits, nameof(HighThresholdBits), $"must not exceed the capacity {CapacityBits} (got {HighThresholdBits}).");
        Require(TradeOff is >= 0 and <= 1, nameof(TradeOff), $"must lie in [0, 1] (got {TradeOff}).");
        Require(double.IsFinite(VGenBitsPerSecond) && VGenBitsPerSecond > 0, nameof(VGenBitsPerSecond), $"must be positive (got {VGenBitsPerSecond}).");
        Require(VGenPerGateway is null || VGenPerGateway.All(v => double.IsFinite(v) && v > 0), nameof(VGenPerGateway), "every value must be positive.");
        Require(double.IsFinite(LinkBitsPerSecond) && LinkBitsPerSecond > 0, nameof(LinkBitsPerSecond), $"must be positive (got {LinkBitsPerSecond}).");
        Require(HapChannels > 0, nameof(HapChannels), $"must be positive (got {HapChannels}).");
        Require(LevelSamples is >= 2 and <= 100_000, nameof(LevelSamples), $"must be 2..100000 (got {LevelSamples}).");
        Require(ExpectedHorizonSeconds <= SimulationTime.MaxHorizonSeconds, nameof(Requests),
            $"the expected horizon requests x t_slot / L_req = {ExpectedHorizonSeconds:G3} s exceeds the {SimulationTime.MaxHorizonSeconds:G3} s that 10 ns ticks hold; lower the request count or raise the load.");
        Require(Enum.IsDefined(KeyQuantity), nameof(KeyQuantity), $"unknown mode {KeyQuantity}.");
        Require(Enum.IsDefined(LoadMeaning), nameof(LoadMeaning), $"unknown meaning {LoadMeaning}.");
        Require(Enum.IsDefined(SupplementTiming), nameof(SupplementTiming), $"unknown timing {SupplementTiming}.");
        Require(2048 <= CapacityBits, nameof(CapacityBits), $"must hold the largest key (2048 bits) (got {CapacityBits}).");
    }

    private static void Require(bool condition, string parameter, string message)
    {
        if (!condition)
        {
            throw new SimulationOptionsException(parameter, message);
        }
    }
}
