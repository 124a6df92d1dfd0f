using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// est(K) of eq. (5) for a replenishment of a given size at K_sec 0 (how <see cref="Simulator"/> weighs it in the HAP
/// queue), computed by the core's <see cref="ResponseWeight.Estimate"/> once per size and then looked up. Sizes run
/// over thousands of values (K_threshold_high minus a level anywhere below K_threshold_low), too many for
/// <see cref="WeightTable"/>'s 64 slots, but no more than the pool capacity, so one slot per size up to
/// <see cref="MaxTabulated"/> bits; larger sizes are computed each time.
/// </summary>
internal sealed class ReplenishmentWeights
{
    /// <summary>Sizes up to this many bits are tabulated (512 KiB at most).</summary>
    public const int MaxTabulated = 1 << 16;

    private readonly double _w;
    private readonly double[] _weight;

    public ReplenishmentWeights(double w, long capacityBits)
    {
        _w = w;
        _weight = new double[(int)Math.Clamp(capacityBits, 0, MaxTabulated) + 1];
        Array.Fill(_weight, double.NaN);
    }

    /// <summary>Returns est(K) of a replenishment of <paramref name="bits"/> (positive) at K_sec 0.</summary>
    public double Of(long bits)
    {
        if ((ulong)bits >= (ulong)_weight.Length)
        {
            return Compute(bits);
        }

        double weight = _weight[bits];
        if (double.IsNaN(weight))
        {
            weight = _weight[bits] = Compute(bits);
        }

        return weight;
    }

    private double Compute(long bits) => ResponseWeight.Estimate((int)Math.Min(bits, int.MaxValue), SecurityLevel.Plaintext, _w);
}
