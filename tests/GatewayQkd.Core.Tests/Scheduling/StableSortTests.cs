using System.Collections;
using GatewayQkd.Core.Scheduling;
using Xunit;

namespace GatewayQkd.Core.Tests.Scheduling;

/// <summary>The generic-free stable sort against LINQ's stable OrderBy.</summary>
public sealed class StableSortTests
{
    private sealed record Item(int Key, int Position);

    private sealed class ByKey : IComparer
    {
        public int Compare(object? x, object? y) => ((Item)x!).Key.CompareTo(((Item)y!).Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Sorts_Like_A_Stable_Reference_Keeping_Equal_Items_In_Input_Order(int count)
    {
        var random = new Random(count);
        Item[] input = Enumerable.Range(0, count).Select(i => new Item(random.Next(5), i)).ToArray();
        object[] array = input.Cast<object>().ToArray();
        StableSort.Sort(array, count, new ByKey());
        Assert.Equal(input.OrderBy(i => i.Key).ToArray(), array.Cast<Item>().ToArray());
    }

    [Fact]
    public void Sorts_Only_The_Counted_Prefix()
    {
        object[] array = [new Item(3, 0), new Item(1, 1), new Item(0, 2)];
        StableSort.Sort(array, 2, new ByKey());
        Assert.Equal([1, 3, 0], array.Cast<Item>().Select(i => i.Key));
    }

    [Fact]
    public void Sorts_An_ArrayList_In_Place()
    {
        var list = new ArrayList { new Item(2, 0), new Item(1, 1), new Item(2, 2) };
        StableSort.Sort(list, new ByKey());
        Assert.Equal([1, 0, 2], list.Cast<Item>().Select(i => i.Position));
    }

    [Fact]
    public void Rejects_A_Count_Beyond_The_Array()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StableSort.Sort(new object[2], 3, new ByKey()));
        Assert.Equal("count", error.ParamName);
    }
}
