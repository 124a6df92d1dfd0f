using System.Collections;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Schemes;

/// <summary>
/// Our reading of DSKP's clustered consumption (Wang et al., Opt. Express 29(2), 2021): within an arrival slot,
/// requests are grouped by security level (highest first) and destination, FIFO inside a group.
/// </summary>
public sealed class ClusteredComparer(long slotLength) : IComparer
{
    /// <inheritdoc />
    public int Compare(object? x, object? y)
    {
        var a = (KeyRequest)x!;
        var b = (KeyRequest)y!;
        int c = (a.ArrivalTime / slotLength).CompareTo(b.ArrivalTime / slotLength);
        if (c != 0)
        {
            return c;
        }

        c = b.KSec.CompareTo(a.KSec);
        if (c != 0)
        {
            return c;
        }

        c = a.DestinationGateway.CompareTo(b.DestinationGateway);
        return c != 0 ? c : FifoComparer.CompareArrival(a, b);
    }
}
