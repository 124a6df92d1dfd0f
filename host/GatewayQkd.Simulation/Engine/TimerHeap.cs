namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The pending timers: at most one per entity (a gateway's wake-up, a pool's inflow end), in an indexed binary heap
/// keyed by (tick, scheduling order), so a timer is moved in place instead of piling up stale events, and timers at
/// the same tick fire in the order they were set (deterministic runs).
/// </summary>
internal sealed class TimerHeap
{
    private readonly long[] _time;
    private readonly long[] _order;
    private readonly int[] _position;
    private readonly int[] _heap;
    private long _nextOrder;

    public TimerHeap(int entities)
    {
        _time = new long[entities];
        _order = new long[entities];
        _position = new int[entities];
        _heap = new int[entities];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    /// <summary>Gets the tick of the earliest timer (long.MaxValue when none).</summary>
    public long NextTime => Count > 0 ? _time[_heap[0]] : long.MaxValue;

    public bool IsSet(int entity) => _position[entity] >= 0;

    public long TimeOf(int entity) => _time[entity];

    /// <summary>Sets (or moves) the entity's timer to a tick; a timer already at that tick keeps its place.</summary>
    public void Set(int entity, long tick)
    {
        int position = _position[entity];
        if (position >= 0 && _time[entity] == tick)
        {
            return;
        }

        _time[entity] = tick;
        _order[entity] = _nextOrder++;
        if (position < 0)
        {
            position = Count++;
            _heap[position] = entity;
            _position[entity] = position;
            Up(position);
            return;
        }

        Down(Up(position));
    }

    public void Cancel(int entity)
    {
        int position = _position[entity];
        if (position < 0)
        {
            return;
        }

        _position[entity] = -1;
        Count--;
        if (position == Count)
        {
            return;
        }

        int last = _heap[Count];
        _heap[position] = last;
        _position[last] = position;
        Down(Up(position));
    }

    /// <summary>Removes and returns the earliest timer's entity.</summary>
    public int Pop()
    {
        int entity = _heap[0];
        Cancel(entity);
        return entity;
    }

    private bool Earlier(int a, int b) => _time[a] < _time[b] || (_time[a] == _time[b] && _order[a] < _order[b]);

    private int Up(int position)
    {
        int entity = _heap[position];
        while (position > 0)
        {
            int parent = (position - 1) >> 1;
            if (!Earlier(entity, _heap[parent]))
            {
                break;
            }

            Move(_heap[parent], position);
            position = parent;
        }

        Move(entity, position);
        return position;
    }

    private void Down(int position)
    {
        int entity = _heap[position];
        while (true)
        {
            int child = (2 * position) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Earlier(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Earlier(_heap[child], entity))
            {
                break;
            }

            Move(_heap[child], position);
            position = child;
        }

        Move(entity, position);
    }

    private void Move(int entity, int position)
    {
        _heap[position] = entity;
        _position[entity] = position;
    }
}
