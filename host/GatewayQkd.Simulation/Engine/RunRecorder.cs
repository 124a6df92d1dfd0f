using GatewayQkd.Simulation.Statistics;

namespace GatewayQkd.Simulation.Engine;

/// <summary>Collects a run's metrics in bounded memory and builds its <see cref="SimulationResult"/>.</summary>
internal sealed class RunRecorder(string scheme, SimulationOptions options)
{
    private const int FirstGatewaysSampled = 4;
    private readonly List<LevelSample> _levels = [];

    public KeyLedger Ledger { get; } = new();

    public DelayStatistics Delays { get; } = new();

    /// <summary>Gets the HAP queue waits T_get - T_arr of the supplement requests (eq. (9)).</summary>
    public RunningMean SupplementWait { get; } = new();

    public int SampleCount => _levels.Count;

    /// <summary>Records the mean pool level and the first gateways' levels at <paramref name="now"/>.</summary>
    public void Sample(double now, GatewayState[] gateways)
    {
        double sum = 0;
        foreach (var gateway in gateways)
        {
            gateway.Integrate(now);
            sum += gateway.Level;
        }

        var first = gateways.Take(FirstGatewaysSampled).Select(g => g.Level).ToArray();
        _levels.Add(new LevelSample(now, sum / gateways.Length, first));
    }

    public SimulationResult Result(double now, GatewayState[] gateways)
    {
        long served = Delays.Total.Count;
        return new SimulationResult
        {
            Scheme = scheme,
            Seed = options.Seed,
            Requests = served,
            MeanDelay = Delays.Total.Mean,
            DelayStdDev = Math.Sqrt(Delays.Total.Variance),
            SuccessRate = served == 0 ? 0 : (double)Delays.NoWait / served,
            P50Delay = Delays.Histogram.Quantile(0.5),
            P90Delay = Delays.Histogram.Quantile(0.9),
            P99Delay = Delays.Histogram.Quantile(0.99),
            MaxDelay = Delays.Total.Max,
            MeanSlotWait = Delays.SlotWait.Mean,
            MeanKeyWait = Delays.KeyWait.Mean,
            MeanTransmission = Delays.Transmission.Mean,
            SupplementRequests = SupplementWait.Count,
            MeanSupplementQueueWait = SupplementWait.Mean,
            KeysInitial = (double)options.InitialBits * gateways.Length,
            KeysGenerated = Ledger.Generated,
            KeysConsumed = Ledger.Consumed,
            KeysStored = gateways.Sum(g => g.Level),
            KeysWasted = Ledger.Wasted,
            SimulatedSeconds = now,
            PoolLevels = _levels,
        };
    }
}
