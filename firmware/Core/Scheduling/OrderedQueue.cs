namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// A queue kept in the order of an <see cref="System.Collections.IComparer"/> (e.g. <see cref="DdkaOrderComparer"/>):
    /// an item is inserted after every item that does not come after it, so equal items stay first-in first-out. New
    /// items usually belong near the tail (later slots come later), so insertion scans from the tail.
    /// </summary>
    /// <remarks>Backed by a growing circular array; not thread-safe.</remarks>
    public sealed class OrderedQueue
    {
        private readonly System.Collections.IComparer _comparer;
        private object[] _items;
        private int _head;
        private int _count;

        /// <summary>Creates an empty queue with the given order and initial capacity (at least 1).</summary>
        public OrderedQueue(System.Collections.IComparer comparer, int initialCapacity)
        {
            if (comparer == null)
            {
                throw new System.ArgumentNullException("comparer");
            }

            _comparer = comparer;
            _items = new object[initialCapacity < 1 ? 1 : initialCapacity];
        }

        /// <summary>Gets the number of queued items.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Inserts an item at its place in the order.</summary>
        public void Enqueue(object item)
        {
            if (item == null)
            {
                throw new System.ArgumentNullException("item");
            }

            if (_count == _items.Length)
            {
                Grow();
            }

            // After every item not greater than it (stable): the upper bound, found by binary search over the sorted
            // items (one comparison when it goes last, the usual case; log2 n otherwise, where walking back from the
            // end compared up to n times), then the greater items move up one place.
            int position = _count;
            if (position > 0 && _comparer.Compare(_items[Physical(position - 1)], item) > 0)
            {
                int low = 0;
                int high = position - 1; // the last item is greater: the place is at or before it
                while (low < high)
                {
                    int middle = low + ((high - low) / 2);
                    if (_comparer.Compare(_items[Physical(middle)], item) > 0)
                    {
                        high = middle;
                    }
                    else
                    {
                        low = middle + 1;
                    }
                }

                for (int i = position; i > low; i--)
                {
                    _items[Physical(i)] = _items[Physical(i - 1)];
                }

                position = low;
            }

            _items[Physical(position)] = item;
            _count++;
        }

        /// <summary>Returns the item at a position (0 = first to be served).</summary>
        public object ItemAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new System.ArgumentOutOfRangeException("index", "No queued item at this position.");
            }

            return _items[Physical(index)];
        }

        /// <summary>Returns the first item without removing it.</summary>
        public object Peek()
        {
            return ItemAt(0);
        }

        /// <summary>Removes and returns the first item.</summary>
        public object Dequeue()
        {
            return RemoveAt(0);
        }

        /// <summary>Removes and returns the item at a position, keeping the order of the others.</summary>
        public object RemoveAt(int index)
        {
            object item = ItemAt(index);
            if (index == 0)
            {
                _items[_head] = null;
                _head = (_head + 1) % _items.Length;
            }
            else
            {
                for (int i = index; i < _count - 1; i++)
                {
                    _items[Physical(i)] = _items[Physical(i + 1)];
                }

                _items[Physical(_count - 1)] = null;
            }

            _count--;
            return item;
        }

        private int Physical(int index)
        {
            int p = _head + index;
            return p >= _items.Length ? p - _items.Length : p;
        }

        private void Grow()
        {
            object[] bigger = new object[_items.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                bigger[i] = _items[Physical(i)];
            }

            _items = bigger;
            _head = 0;
        }
    }
}
