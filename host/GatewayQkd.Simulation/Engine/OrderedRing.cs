namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A queue of value-type entries kept in <see cref="OrderKey"/> order in a growing circular array, the allocation-free
/// counterpart of the core's <see cref="GatewayQkd.Core.Scheduling.OrderedQueue"/>: a new entry is inserted after
/// every entry that is not served after it (equal keys stay first-in first-out), scanning from the tail because new
/// requests usually belong there.
/// </summary>
internal sealed class OrderedRing<T>
    where T : struct, IOrdered
{
    private T[] _items;
    private int _head;

    public OrderedRing(int capacity)
    {
        _items = new T[Math.Max(2, capacity)];
    }

    public int Count { get; private set; }

    public void Insert(in T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        int position = Count;
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
        Count++;
    }

    /// <summary>Returns the entry at a position (0 = first to be served) by reference.</summary>
    public ref T At(int index) => ref _items[Physical(index)];

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
            for (int i = index; i < Count - 1; i++)
            {
                _items[Physical(i)] = _items[Physical(i + 1)];
            }
        }

        Count--;
    }

    private int Physical(int index)
    {
        int p = _head + index;
        return p >= _items.Length ? p - _items.Length : p;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (int i = 0; i < Count; i++)
        {
            bigger[i] = _items[Physical(i)];
        }

        _items = bigger;
        _head = 0;
    }
}
