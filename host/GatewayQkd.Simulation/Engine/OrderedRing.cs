namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A queue of value-type entries kept in <see cref="OrderKey"/> order in a growing circular array, the allocation-free
/// counterpart of the core's <see cref="GatewayQkd.Core.Scheduling.OrderedQueue"/>: a new entry is inserted after
/// every entry that is not served after it (equal keys stay first-in first-out), scanning from the tail because new
/// requests usually belong there.
/// </summary>
/// <remarks>
/// A struct, so that its owner holds the count and the array in its own fields (a gateway's <c>Queue.Count</c>, read on
/// every arrival, is then one load, not two). Keep it in a mutable field and call it there: a copy (a property getter,
/// a readonly field) would insert into the copy.
/// </remarks>
internal struct OrderedRing<T>
    where T : struct, IOrdered
{
    private T[] _items;
    private int _head;
    private int _count;

    public OrderedRing(int capacity)
    {
        _items = new T[Math.Max(2, capacity)];
    }

    public readonly int Count => _count;

    public void Insert(in T item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        int position = _count;
        OrderKey key = item.Key;
        while (position > 0)
        {
            ref T previous = ref _items[Physical(position - 1)];
            if (!previous.Key.After(key))
            {
                break;
            }

            _items[Physical(position)] = previous;
            position--;
        }

        _items[Physical(position)] = item;
        _count++;
    }

    /// <summary>Returns the entry at a position (0 = first to be served) by reference.</summary>
    public readonly ref T At(int index) => ref _items[Physical(index)];

    /// <summary>Removes the entry at a position, keeping the order of the others (read it first with <see cref="At"/>).</summary>
    /// <remarks>Returns nothing: a returned entry was a copy of up to 56 bytes that the callers only read fields of.</remarks>
    public void RemoveAt(int index)
    {
        if (index == 0)
        {
            _head = _head + 1 == _items.Length ? 0 : _head + 1;
        }
        else
        {
            for (int i = index; i < _count - 1; i++)
            {
                _items[Physical(i)] = _items[Physical(i + 1)];
            }
        }

        _count--;
    }

    private readonly int Physical(int index)
    {
        int p = _head + index;
        return p >= _items.Length ? p - _items.Length : p;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            bigger[i] = _items[Physical(i)];
        }

        _items = bigger;
        _head = 0;
    }
}
