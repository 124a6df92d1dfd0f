using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// est(K) of eq. (5) at one w, computed by the core's <see cref="ResponseWeight.Estimate"/> once per (K_qua, K_sec)
/// pair and then looked up (a run draws from a handful of pairs), instead of two logarithms per comparison.
/// Plaintext (K_qua 0) weighs 0, so it comes first within a slot as in the core's order.
/// </summary>
internal sealed class WeightTable
{
    private const int Size = 64;
    private readonly double _w;
    private readonly int[] _kQua = new int[Size];
    private readonly int[] _kSec = new int[Size];
    private readonly double[] _weight = new double[Size];

    public WeightTable(double w)
    {
        _w = w;
        Array.Fill(_kQua, -1);
    }

    public double Of(int kQuaBits, int kSec)
    {
        if (kQuaBits == 0)
        {
            return 0;
        }

        int slot = (((kQuaBits >> 3) * 31) + kSec) & (Size - 1);
        if (_kQua[slot] == kQuaBits && _kSec[slot] == kSec)
        {
            return _weight[slot];
        }

        double weight = ResponseWeight.Estimate(kQuaBits, kSec, _w);
        _kQua[slot] = kQuaBits;
        _kSec[slot] = kSec;
        _weight[slot] = weight;
        return weight;
    }
}
