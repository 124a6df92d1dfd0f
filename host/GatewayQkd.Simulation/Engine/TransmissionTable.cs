using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// T_tra of eq. (8) in whole ticks for a K_qua: round(K_qua / V_link x ticks per second), computed once per distinct
/// K_qua and then looked up (a run draws from a handful of K_qua values; the rounding chain was on the critical path
/// of every request served). The same expression as before, so the ticks are identical.
/// </summary>
internal sealed class TransmissionTable
{
    private const int Size = 64;
    private readonly double _ticksPerBit;
    private readonly int[] _kQua = new int[Size];
    private readonly long[] _ticks = new long[Size];

    public TransmissionTable(double ticksPerBit)
    {
        _ticksPerBit = ticksPerBit;
        Array.Fill(_kQua, -1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Of(int kQuaBits)
    {
        // Fibonacci hashing: the top 6 bits of K_qua x 2^32 / phi spread the powers of two the levels use.
        int slot = (int)(((uint)kQuaBits * 0x9E3779B1u) >> 26);
        return _kQua[slot] == kQuaBits ? _ticks[slot] : Compute(slot, kQuaBits);
    }

    private long Compute(int slot, int kQuaBits)
    {
        long ticks = (long)Math.Round(kQuaBits * _ticksPerBit);
        _kQua[slot] = kQuaBits;
        _ticks[slot] = ticks;
        return ticks;
    }
}
