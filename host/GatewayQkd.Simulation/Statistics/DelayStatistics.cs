using System.Runtime.CompilerServices;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Statistics;

/// <summary>
/// Streaming per-request delay statistics in constant memory (eqs. (8)-(10) parts, SR, quantiles), in ticks, overall
/// and per K_sec. Counts and the sums of the three parts are kept per K_sec only (one record per request, not one
/// overall and one per level); the overall figures are their sums, which is exact because the sums are 128-bit
/// integers, so the means of 10^9 requests carry no rounding. The variance uses a floating sum of squares over all
/// requests in arrival-of-service order (relative error near 1e-9 at that count), the maximum and the histogram are
/// overall only.
/// </summary>
public sealed class DelayStatistics
{
    /// <summary>K_sec 0..Highest each have their own totals; any other K_sec (a listed workload) shares the last.</summary>
    private const int Other = SecurityLevel.Highest + 1;
    private readonly LevelTotals[] _levels = new LevelTotals[Other + 1];
    private double _squares;

    /// <summary>Gets the number of requests recorded.</summary>
    public long Count => Sum(static (in LevelTotals l) => l.Count);

    /// <summary>Gets the number of requests served with no waiting (SR's numerator).</summary>
    public long NoWait => Sum(static (in LevelTotals l) => l.NoWait);

    /// <summary>Gets the largest T_sum in ticks.</summary>
    public long Max { get; private set; }

    /// <summary>Gets the T_sum histogram (ticks) for quantiles.</summary>
    public LogHistogram Histogram { get; } = new();

    /// <summary>Gets the mean T_sum in seconds.</summary>
    public double MeanTotal => Mean(Total(static (in LevelTotals l) => l.Slot + l.Key + l.Transmission), Count);

    /// <summary>Gets the mean t_wait (waiting for the QKP slot) in seconds.</summary>
    public double MeanSlotWait => Mean(Total(static (in LevelTotals l) => l.Slot), Count);

    /// <summary>Gets the mean wait for keys at the head (T_wait plus generation of the missing bits) in seconds.</summary>
    public double MeanKeyWait => Mean(Total(static (in LevelTotals l) => l.Key), Count);

    /// <summary>Gets the mean T_tra in seconds.</summary>
    public double MeanTransmission => Mean(Total(static (in LevelTotals l) => l.Transmission), Count);

    /// <summary>Gets the sample standard deviation of T_sum in seconds.</summary>
    public double StdDevTotal
    {
        get
        {
            long count = Count;
            if (count < 2)
            {
                return 0;
            }

            double mean = (double)Total(static (in LevelTotals l) => l.Slot + l.Key + l.Transmission) / count;
            double variance = (_squares - (count * mean * mean)) / (count - 1);
            return Math.Sqrt(Math.Max(0, variance)) / SimulationTime.TicksPerSecond;
        }
    }

    /// <summary>Records one served request of security level <paramref name="kSec"/> (ticks).</summary>
    /// <remarks>Inlined into the simulator's serve, which runs once per request (the call was a visible share).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(int kSec, long slotWait, long keyWait, long transmission)
    {
        long total = slotWait + keyWait + transmission;
        ref LevelTotals level = ref _levels[(uint)kSec < Other ? kSec : Other];
        level.Count++;
        level.Slot += slotWait;
        level.Key += keyWait;
        level.Transmission += transmission;
        _squares += (double)total * total;
        if (total > Max)
        {
            Max = total;
        }

        Histogram.Add(total);
        if ((slotWait | keyWait) == 0)
        {
            level.NoWait++;
        }
    }

    /// <summary>Gets the requests of security level <paramref name="kSec"/> (0..Highest) recorded.</summary>
    public long CountOf(int kSec) => _levels[kSec].Count;

    /// <summary>Gets the requests of security level <paramref name="kSec"/> served with no waiting.</summary>
    public long NoWaitOf(int kSec) => _levels[kSec].NoWait;

    /// <summary>Gets the mean T_sum in seconds of the requests of security level <paramref name="kSec"/>.</summary>
    public double MeanTotalOf(int kSec)
    {
        ref readonly LevelTotals l = ref _levels[kSec];
        return Mean(l.Slot + l.Key + l.Transmission, l.Count);
    }

    private static double Mean(Int128 sum, long count) => count == 0 ? 0 : (double)sum / count / SimulationTime.TicksPerSecond;

    private long Sum(LevelField<long> field)
    {
        long sum = 0;
        foreach (ref readonly LevelTotals l in _levels.AsSpan())
        {
            sum += field(in l);
        }

        return sum;
    }

    private Int128 Total(LevelField<Int128> field)
    {
        Int128 sum = 0;
        foreach (ref readonly LevelTotals l in _levels.AsSpan())
        {
            sum += field(in l);
        }

        return sum;
    }

    private delegate T LevelField<out T>(in LevelTotals level);

    /// <summary>The counts and exact tick sums of one K_sec (one cache line).</summary>
    private struct LevelTotals
    {
        public long Count;
        public long NoWait;
        public Int128 Slot;
        public Int128 Key;
        public Int128 Transmission;
    }
}
