using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.Metrics;

/// <summary>
/// Every key range sensors received, per gateway, checked on arrival against all earlier ones: the run's independent
/// check of the invariant "no key bit range is ever issued twice" (docs/architecture.md, invariants), across gateway restarts. Thread-safe.
/// </summary>
public sealed class KeyIssueLog
{
    private readonly Dictionary<(ushort Gateway, ushort Peer), SortedList<uint, KeyRange>> _ranges = [];
    private long _count;
    private long _overlaps;

    /// <summary>Gets the number of ranges recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Gets the number of ranges that overlapped an earlier one (must stay 0).</summary>
    public long Overlaps => Interlocked.Read(ref _overlaps);

    /// <summary>Records a range gateway <paramref name="gatewayId"/> issued; returns false (and counts it) when it overlaps an earlier one.</summary>
    public bool Record(ushort gatewayId, KeyRange range)
    {
        Interlocked.Increment(ref _count);
        return Remember(gatewayId, range);
    }

    /// <summary>
    /// Adds a range an earlier run issued (read from the <see cref="IssuedKeyLedger"/> of a resumed run) without counting
    /// it in <see cref="Count"/>, so that a key this run issues again is caught as an overlap; false when it overlaps.
    /// </summary>
    public bool RecordEarlier(ushort gatewayId, KeyRange range) => Remember(gatewayId, range);

    private bool Remember(ushort gatewayId, KeyRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        lock (_ranges)
        {
            if (!_ranges.TryGetValue((gatewayId, range.PeerId), out var list))
            {
                _ranges[(gatewayId, range.PeerId)] = list = [];
            }

            // Ranges of one stream are sorted by offset: only the neighbours can overlap.
            var index = LowerBound(list.Keys, range.Offset);
            var clash = (index < list.Count && list.Values[index].Overlaps(range)) || (index > 0 && list.Values[index - 1].Overlaps(range));
            if (clash)
            {
                Interlocked.Increment(ref _overlaps);
                return false;
            }

            list.Add(range.Offset, range);
            return true;
        }
    }

    private static int LowerBound(IList<uint> keys, uint value)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (keys[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
