namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// A stable sort over object arrays and ArrayLists with an <see cref="System.Collections.IComparer"/>: items that
    /// compare equal keep their input order. Insertion sort for short runs, bottom-up merge sort above that.
    /// </summary>
    public static class StableSort
    {
        private const int InsertionLimit = 16;

        /// <summary>Sorts the first <paramref name="count"/> items of the array in place.</summary>
        public static void Sort(object[] items, int count, System.Collections.IComparer comparer)
        {
            if (items == null)
            {
                throw new System.ArgumentNullException("items");
            }

            if (comparer == null)
            {
                throw new System.ArgumentNullException("comparer");
            }

            if (count < 0 || count > items.Length)
            {
                throw new System.ArgumentOutOfRangeException("count", "The count must lie within the array.");
            }

            if (count <= InsertionLimit)
            {
                InsertionSort(items, 0, count, comparer);
                return;
            }

            MergeSort(items, count, comparer);
        }

        /// <summary>Sorts an ArrayList in place.</summary>
        public static void Sort(System.Collections.ArrayList list, System.Collections.IComparer comparer)
        {
            if (list == null)
            {
                throw new System.ArgumentNullException("list");
            }

            object[] items = list.ToArray();
            Sort(items, items.Length, comparer);
            for (int i = 0; i < items.Length; i++)
            {
                list[i] = items[i];
            }
        }

        private static void InsertionSort(object[] items, int start, int end, System.Collections.IComparer comparer)
        {
            for (int i = start + 1; i < end; i++)
            {
                object item = items[i];
                int j = i - 1;

                // Strictly greater only: equal items are not moved past each other (stability).
                while (j >= start && comparer.Compare(items[j], item) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }

                items[j + 1] = item;
            }
        }

        private static void MergeSort(object[] items, int count, System.Collections.IComparer comparer)
        {
            for (int start = 0; start < count; start += InsertionLimit)
            {
                InsertionSort(items, start, start + InsertionLimit < count ? start + InsertionLimit : count, comparer);
            }

            object[] source = items;
            object[] target = new object[count];
            for (int width = InsertionLimit; width < count; width *= 2)
            {
                for (int left = 0; left < count; left += 2 * width)
                {
                    int middle = left + width < count ? left + width : count;
                    int right = left + (2 * width) < count ? left + (2 * width) : count;
                    Merge(source, target, left, middle, right, comparer);
                }

                object[] swap = source;
                source = target;
                target = swap;
            }

            if (source != items)
            {
                System.Array.Copy(source, 0, items, 0, count);
            }
        }

        private static void Merge(object[] source, object[] target, int left, int middle, int right, System.Collections.IComparer comparer)
        {
            int i = left;
            int j = middle;
            for (int k = left; k < right; k++)
            {
                // Take from the left run on ties (stability).
                if (i < middle && (j >= right || comparer.Compare(source[i], source[j]) <= 0))
                {
                    target[k] = source[i++];
                }
                else
                {
                    target[k] = source[j++];
                }
            }
        }
    }
}
