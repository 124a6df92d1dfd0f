using System.Collections;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Schemes;

/// <summary>DSKP's lowest-first supplement (Wang et al. 2021): the pool with the fewest keys when it asked goes first.</summary>
public sealed class LowestLevelFirstComparer : IComparer
{
    /// <summary>Gets the shared instance.</summary>
    public static LowestLevelFirstComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(object? x, object? y)
    {
        var a = (SupplementRequest)x!;
        var b = (SupplementRequest)y!;
        int c = a.PoolLevelBits.CompareTo(b.PoolLevelBits);
        return c != 0 ? c : FifoComparer.CompareArrival(a, b);
    }
}
