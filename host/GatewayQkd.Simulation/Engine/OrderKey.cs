using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A precomputed position in a waiting order, compared field by field: major (the arrival slot, or 0), minor (est(K)
/// of eq. (5), a destination, a pool level, or 0), then the core's tie-break: arrival time, sender id, sequence
/// number. For the DDKA order this is exactly the core's <see cref="GatewayQkd.Core.Scheduling.DdkaOrderComparer"/>
/// (tested), but est is computed once per request instead of on every comparison.
/// </summary>
internal readonly struct OrderKey(long major, double minor, long arrival, int sender, long sequence)
{
    public long Arrival { get; } = arrival;

    public long Sequence { get; } = sequence;

    private long Major { get; } = major;

    private double Minor { get; } = minor;

    private int Sender { get; } = sender;

    /// <summary>Returns true when this key is served after <paramref name="other"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool After(in OrderKey other)
    {
        if (Major != other.Major)
        {
            return Major > other.Major;
        }

        if (Minor != other.Minor)
        {
            return Minor > other.Minor;
        }

        if (Arrival != other.Arrival)
        {
            return Arrival > other.Arrival;
        }

        return Sender != other.Sender ? Sender > other.Sender : Sequence > other.Sequence;
    }
}
