using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The pending timers: at most one per entity (a gateway's wake-up, a pool's inflow end), in an indexed binary heap
/// keyed by (tick, scheduling order), so a timer is moved in place instead of piling up stale events, and timers at
/// the same tick fire in the order they were set (deterministic runs).
/// </summary>
/// <remarks>
/// Each heap node carries its own key, so sifting compares neighbouring nodes (two children share a cache line)
/// instead of looking up the keys of two entities at unrelated places; with thousands of gateways those look-ups
/// were cache misses at every level. The order is a strict total order, so which timer fires next does not depend on
/// the heap's layout.
/// </remarks>
internal sealed class TimerHeap
{
    private readonly Node[] _heap;
    private readonly int[] _position;
    private long _nextOrder;

    public TimerHeap(int entities)
    {
        _heap = new Node[entities];
        _position = new int[entities];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    /// <summary>Gets the tick of the earliest timer (long.MaxValue when none).</summary>
    public long NextTime => Count > 0 ? _heap[0].Time : long.MaxValue;

    /// <summary>Gets the entity of the earliest timer (-1 when none).</summary>
    public int NextEntity => Count > 0 ? _heap[0].Entity : -1;

    public bool IsSet(int entity) => _position[entity] >= 0;

    /// <summary>Sets (or moves) the entity's timer to a tick; a timer already at that tick keeps its place.</summary>
    public void Set(int entity, long tick)
    {
        int position = _position[entity];
        var node = new Node(tick, _nextOrder, entity);
        if (position < 0)
        {
            _nextOrder++;
            Up(Count++, node);
            return;
        }

        if (_heap[position].Time == tick)
        {
            return;
        }

        _nextOrder++;
        Resift(position, node);
    }

    /// <summary>
    /// Moves the entity's timer (or sets it) to a tick as a fresh timer: it takes the next set order even when it is
    /// already at that tick, exactly as <see cref="Cancel"/> followed by <see cref="Set"/> would, but sifts once
    /// instead of removing and inserting.
    /// </summary>
    public void Reset(int entity, long tick)
    {
        int position = _position[entity];
        var node = new Node(tick, _nextOrder++, entity);
        if (position < 0)
        {
            Up(Count++, node);
        }
        else
        {
            Resift(position, node);
        }
    }

    /// <summary>Removes the entity's timer if it has one.</summary>
    /// <remarks>Inlined: most calls (about two per request) find no timer, and then cost one load and compare.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Cancel(int entity)
    {
        int position = _position[entity];
        if (position >= 0)
        {
            Remove(entity, position);
        }
    }

    private void Remove(int entity, int position)
    {
        _position[entity] = -1;
        Count--;
        if (position == Count)
        {
            return;
        }

        Resift(position, _heap[Count]);
    }

    /// <summary>Puts <paramref name="node"/> in place of the node at <paramref name="position"/>, sifting it either way.</summary>
    private void Resift(int position, Node node)
    {
        if (node.Before(_heap[position]))
        {
            Up(position, node);
        }
        else
        {
            Down(position, node);
        }
    }

    /// <summary>Removes and returns the earliest timer's entity.</summary>
    /// <remarks>
    /// Bottom-up (Floyd's variant of the sift-down): the hole at the root moves down along the earlier children to a
    /// leaf, one comparison per level and chosen without a branch (which child is earlier is a coin toss the branch
    /// predictor loses half the time), and then the last node rises from there; it came from the bottom, so it rarely
    /// rises far. With 2000 gateways (hundreds of timers, 9 levels) the pop was about a tenth of the run.
    /// </remarks>
    public int Pop()
    {
        int entity = _heap[0].Entity;
        _position[entity] = -1;
        int count = --Count;
        if (count == 0)
        {
            return entity;
        }

        Node last = _heap[count];
        int hole = 0;
        int child = 1;
        while (child + 1 < count)
        {
            child += EarlierBit(in _heap[child + 1], in _heap[child]);
            Place(_heap[child], hole);
            hole = child;
            child = (2 * hole) + 1;
        }

        if (child < count)
        {
            Place(_heap[child], hole);
            hole = child;
        }

        Up(hole, last);
        return entity;
    }

    /// <summary>1 when <paramref name="a"/> fires before <paramref name="b"/>, else 0, computed without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EarlierBit(in Node a, in Node b)
    {
        bool earlier = (a.Time < b.Time) | ((a.Time == b.Time) & (a.Order < b.Order));
        return earlier ? 1 : 0;
    }

    /// <summary>Places <paramref name="node"/> at or above <paramref name="position"/>, moving later parents down.</summary>
    private void Up(int position, Node node)
    {
        while (position > 0)
        {
            int parent = (position - 1) >> 1;
            if (!node.Before(_heap[parent]))
            {
                break;
            }

            Place(_heap[parent], position);
            position = parent;
        }

        Place(node, position);
    }

    /// <summary>Places <paramref name="node"/> at or below <paramref name="position"/>, moving earlier children up.</summary>
    private void Down(int position, Node node)
    {
        while (true)
        {
            int child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _heap[child + 1].Before(_heap[child]))
            {
                child++;
            }

            if (!_heap[child].Before(node))
            {
                break;
            }

            Place(_heap[child], position);
            position = child;
        }

        Place(node, position);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Place(in Node node, int position)
    {
        _heap[position] = node;
        _position[node.Entity] = position;
    }

    private readonly struct Node(long time, long order, int entity)
    {
        public readonly long Time = time;
        public readonly long Order = order;
        public readonly int Entity = entity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Before(in Node other) => Time < other.Time || (Time == other.Time && Order < other.Order);
    }
}
