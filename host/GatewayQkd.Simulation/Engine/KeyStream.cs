using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// Bits flowing into a pool at a constant rate from a start tick, up to a total: after dt ticks the pool has received
/// floor(dt x rate), never more than the total. Whole bits and whole ticks make the level exact (no tolerance can be
/// missed by rounding), and <see cref="TicksToDeliver"/> is the exact inverse, so a wake-up at the tick it returns
/// always finds the bits there (eq. (9)'s (K_qua - K_sur) / V_gen, rounded up to the next tick).
/// </summary>
internal struct KeyStream
{
    private long _start;
    private double _bitsPerTick;
    private double _ticksPerBit;
    private long[]? _inverse;

    /// <summary>Gets the bits this stream delivers in total.</summary>
    public long Total { get; private set; }

    /// <summary>Gets the bits already credited to the pool.</summary>
    public long Credited { get; private set; }

    public readonly bool Active => _bitsPerTick > 0 && Credited < Total;

    /// <summary>Starts a stream of <paramref name="total"/> bits at <paramref name="rate"/> (see <see cref="StreamRate"/>).</summary>
    public void Start(long now, in StreamRate rate, long total)
    {
        _start = now;
        _bitsPerTick = total > 0 ? rate.BitsPerTick : 0;
        _ticksPerBit = rate.TicksPerBit;
        _inverse = rate.Inverse;
        Total = total;
        Credited = 0;
    }

    public void Stop()
    {
        _bitsPerTick = 0;
        Total = Credited;
    }

    /// <summary>Returns the bits newly delivered up to <paramref name="now"/> and credits them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Collect(long now)
    {
        if (!Active || now <= _start)
        {
            return 0;
        }

        long delivered = DeliveredAfter(now - _start);
        long added = delivered - Credited;
        Credited = delivered;
        return added;
    }

    /// <summary>Returns the tick at which <paramref name="more"/> further bits will have arrived, or long.MaxValue if never.</summary>
    public readonly long TickOfMore(long more)
    {
        long target = Credited + more;
        if (!Active || target > Total)
        {
            return long.MaxValue;
        }

        long dt = TicksToDeliver(target);
        return dt >= long.MaxValue - _start ? long.MaxValue : _start + dt;
    }

    /// <summary>Returns the tick at which the whole total will have arrived, or long.MaxValue if never.</summary>
    public readonly long EndTick => TickOfMore(Total - Credited);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly long DeliveredAfter(long dt)
    {
        double bits = Math.Floor(dt * _bitsPerTick);
        return bits >= Total ? Total : (long)bits;
    }

    /// <summary>The smallest dt with floor(dt x rate) &gt;= bits: the rate's table where it has one, else computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly long TicksToDeliver(long bits) =>
        _inverse is { } inverse && (ulong)bits < (ulong)inverse.Length ? inverse[bits] : TicksToDeliver(bits, _bitsPerTick, _ticksPerBit);

    /// <summary>The smallest dt with floor(dt x <paramref name="bitsPerTick"/>) &gt;= bits (floating-point products are monotone in dt).</summary>
    /// <remarks>
    /// The start estimate multiplies by the precomputed reciprocal instead of dividing (a division per supplement and
    /// wake-up was a visible share of the run); it may be a tick off, and the two corrections below make the result
    /// the exact smallest dt whatever the estimate, so runs are unchanged.
    /// </remarks>
    internal static long TicksToDeliver(long bits, double bitsPerTick, double ticksPerBit)
    {
        double estimate = Math.Ceiling(bits * ticksPerBit);
        if (estimate >= long.MaxValue / 2.0)
        {
            return long.MaxValue;
        }

        long dt = (long)estimate;
        while (dt > 0 && Math.Floor((dt - 1) * bitsPerTick) >= bits)
        {
            dt--;
        }

        while (Math.Floor(dt * bitsPerTick) < bits)
        {
            dt++;
        }

        return dt;
    }
}
