using GatewayQkd.Simulation.Statistics;

namespace GatewayQkd.Simulation;

/// <summary>
/// The metrics of one run. Delays in seconds. T_sum = t_wait + T_wait + T_tra per request (eqs. (8)-(9));
/// <see cref="MeanDelay"/> is the paper's average delay of eq. (10), <see cref="SuccessRate"/> its SR (the share of
/// requests served at arrival, T_sum = T_tra). Keys in bits: <c>Initial + Generated = Consumed + Stored + Wasted</c>.
/// </summary>
public sealed record SimulationResult
{
    public required string Scheme { get; init; }
    public required ulong Seed { get; init; }
    public required long Requests { get; init; }
    public required double MeanDelay { get; init; }
    public required double DelayStdDev { get; init; }
    public required double SuccessRate { get; init; }
    public required double P50Delay { get; init; }
    public required double P90Delay { get; init; }
    public required double P99Delay { get; init; }
    public required double MaxDelay { get; init; }
    public required double MeanSlotWait { get; init; }
    public required double MeanKeyWait { get; init; }
    public required double MeanTransmission { get; init; }
    public required long SupplementRequests { get; init; }
    public required double MeanSupplementQueueWait { get; init; }
    public required double KeysInitial { get; init; }
    public required double KeysGenerated { get; init; }
    public required double KeysConsumed { get; init; }
    public required double KeysStored { get; init; }
    public required double KeysWasted { get; init; }
    public required double SimulatedSeconds { get; init; }
    public required IReadOnlyList<LevelSample> PoolLevels { get; init; }

    /// <summary>Gets the served requests, mean T_sum (s) and SR of each K_sec that occurred, in K_sec order.</summary>
    public IReadOnlyList<LevelDelay> ByLevel { get; init; } = [];

    /// <summary>Gets Initial + Generated - Consumed - Stored - Wasted; zero up to rounding when keys are conserved.</summary>
    public double KeyBalanceError => KeysInitial + KeysGenerated - KeysConsumed - KeysStored - KeysWasted;
}
