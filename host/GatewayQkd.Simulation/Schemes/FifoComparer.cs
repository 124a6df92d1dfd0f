using System.Collections;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Schemes;

/// <summary>First in, first out over <see cref="IDdkaOrderable"/> items: arrival, then sender id, then sequence number.</summary>
public sealed class FifoComparer : IComparer
{
    /// <summary>Gets the shared instance.</summary>
    public static FifoComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(object? x, object? y) => CompareArrival((IDdkaOrderable)x!, (IDdkaOrderable)y!);

    /// <summary>The arrival-based tie-break shared by the host's orders (same as the core's last three keys).</summary>
    public static int CompareArrival(IDdkaOrderable a, IDdkaOrderable b)
    {
        int c = a.ArrivalTime.CompareTo(b.ArrivalTime);
        if (c != 0)
        {
            return c;
        }

        c = a.SenderId.CompareTo(b.SenderId);
        return c != 0 ? c : a.SequenceNumber.CompareTo(b.SequenceNumber);
    }
}
