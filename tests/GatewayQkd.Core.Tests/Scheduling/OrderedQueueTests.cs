using System.Collections;
using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>The ordered queue keeps its comparer's order and is first-in first-out among equal items.</summary>
public sealed class OrderedQueueTests
{
    private sealed record Item(int Key, int Position);

    private sealed class ByKey : IComparer
    {
        public int Compare(object? x, object? y) => ((Item)x!).Key.CompareTo(((Item)y!).Key);
    }

    private sealed class CountingByKey : IComparer
    {
        public int Calls { get; set; }

        public int Compare(object? x, object? y)
        {
            Calls++;
            return ((Item)x!).Key.CompareTo(((Item)y!).Key);
        }
    }

    [Fact]
    public void Dequeues_In_Stable_Comparer_Order_Across_Growth_And_Wraparound()
    {
        var random = new Random(3);
        var queue = new OrderedQueue(new ByKey(), 1);
        var reference = new List<Item>();
        int position = 0;
        for (int round = 0; round < 200; round++)
        {
            for (int i = random.Next(4); i > 0; i--)
            {
                var item = new Item(random.Next(6), position++);
                queue.Enqueue(item);
                reference.Add(item);
            }

            reference = reference.OrderBy(x => x.Key).ThenBy(x => x.Position).ToList();
            if (queue.Count > 0 && random.Next(3) > 0)
            {
                Assert.Equal(reference[0], queue.Dequeue());
                reference.RemoveAt(0);
            }

            Assert.Equal(reference.Count, queue.Count);
        }

        Assert.Equal(reference, Enumerable.Range(0, queue.Count).Select(queue.ItemAt).Cast<Item>());
    }

    [Fact]
    public void Finds_An_Items_Place_With_A_Binary_Search_Not_A_Walk_From_The_End()
    {
        var comparer = new CountingByKey();
        var queue = new OrderedQueue(comparer, 4);
        for (int i = 0; i < 1024; i++)
        {
            queue.Enqueue(new Item(1, i));
        }

        comparer.Calls = 0;
        queue.Enqueue(new Item(0, 1024)); // goes first: a walk back would compare 1,024 times

        Assert.Equal(new Item(0, 1024), queue.Peek());
        Assert.InRange(comparer.Calls, 1, 1 + 10); // the last item, then log2 1,024
    }

    [Fact]
    public void Removes_From_The_Middle_Keeping_The_Rest_In_Order()
    {
        var queue = new OrderedQueue(new ByKey(), 2);
        foreach (int key in new[] { 5, 1, 3, 2 })
        {
            queue.Enqueue(new Item(key, key));
        }

        Assert.Equal(new Item(3, 3), queue.RemoveAt(2));
        Assert.Equal([1, 2, 5], Enumerable.Range(0, queue.Count).Select(i => ((Item)queue.ItemAt(i)).Key));
    }

    [Fact]
    public void Rejects_Peeking_An_Empty_Queue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedQueue(new ByKey(), 4).Peek());
        Assert.Equal("index", error.ParamName);
    }
}
