using GatewayQkd.Simulation.Statistics;

namespace GatewayQkd.Simulation.Engine;

/// <summary>Collects a run's metrics in bounded memory and builds its <see cref="SimulationResult"/>.</summary>
internal sealed class RunRecorder(string scheme, SimulationOptions options)
{
    private const int FirstGatewaysSampled = 4;
    private readonly List<LevelSample> _levels = [];

    public KeyLedger Ledger { get; } = new();

    public DelayStatistics Delays { get; } = new();

    /// <summary>Records a served request's parts of T_sum (ticks), overall and under its K_sec.</summary>
    public void Record(int kSec, long slotWait, long keyWait, long transmission) => Delays.Record(kSec, slotWait, keyWait, transmission);

    /// <summary>Gets the HAP queue waits T_get - T_arr of the supplement requests (eq. (9)).</summary>
    public TickMean SupplementWait { get; } = new();

    public int SampleCount => _levels.Count;

    /// <summary>Records the mean pool level and the first gateways' levels at <paramref name="now"/> (ticks).</summary>
    public void Sample(long now, GatewayState[] gateways)
    {
        long sum = 0;
        var first = new double[Math.Min(FirstGatewaysSampled, gateways.Length)];
        for (int g = 0; g < gateways.Length; g++)
        {
            gateways[g].Integrate(now);
            sum += gateways[g].Level;
            if (g < first.Length)
            {
                first[g] = gateways[g].Level;
            }
        }

        _levels.Add(new LevelSample(SimulationTime.ToSeconds(now), (double)sum / gateways.Length, first));
    }

    public SimulationResult Result(long now, GatewayState[] gateways)
    {
        long served = Delays.Count;
        return new SimulationResult
        {
            Scheme = scheme,
            Seed = options.Seed,
            Requests = served,
            MeanDelay = Delays.MeanTotal,
            DelayStdDev = Delays.StdDevTotal,
            SuccessRate = served == 0 ? 0 : (double)Delays.NoWait / served,
            P50Delay = SimulationTime.ToSeconds((long)Math.Round(Delays.Histogram.Quantile(0.5))),
            P90Delay = SimulationTime.ToSeconds((long)Math.Round(Delays.Histogram.Quantile(0.9))),
            P99Delay = SimulationTime.ToSeconds((long)Math.Round(Delays.Histogram.Quantile(0.99))),
            MaxDelay = SimulationTime.ToSeconds(Delays.Max),
            MeanSlotWait = Delays.MeanSlotWait,
            MeanKeyWait = Delays.MeanKeyWait,
            MeanTransmission = Delays.MeanTransmission,
            SupplementRequests = SupplementWait.Count,
            MeanSupplementQueueWait = SupplementWait.MeanSeconds,
            KeysInitial = (double)options.InitialBits * gateways.Length,
            KeysGenerated = Ledger.Generated,
            KeysConsumed = Ledger.Consumed,
            KeysStored = gateways.Sum(g => g.Level),
            KeysWasted = Ledger.Wasted,
            SimulatedSeconds = SimulationTime.ToSeconds(now),
            PoolLevels = _levels,
            ByLevel = [.. Enumerable.Range(0, Core.Scheduling.SecurityLevel.Highest + 1).Where(level => Delays.CountOf(level) > 0)
                .Select(level => new LevelDelay(level, Delays.CountOf(level), Delays.MeanTotalOf(level), (double)Delays.NoWaitOf(level) / Delays.CountOf(level)))],
        };
    }
}
