using GatewayQkd.Simulation.Engine;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The timer heap fires by tick, and timers at one tick in the order they were last set.</summary>
public sealed class TimerHeapTests
{
    [Theory]
    [InlineData(9, 3)]
    [InlineData(4001, 50)]
    public void Pops_Match_A_Sorted_Model_Under_Random_Sets_And_Cancels(int entities, int distinctTicks)
    {
        var heap = new TimerHeap(entities);
        var model = new Dictionary<int, (long Tick, long Order)>();
        var random = new Random(entities);
        long order = 0;
        long now = 0;
        for (int step = 0; step < 200_000; step++)
        {
            int entity = random.Next(entities);
            int action = random.Next(10);
            if (action == 0)
            {
                // A reset is a fresh timer, as a cancel and a set: it always takes the next set order.
                long tick = now + random.Next(distinctTicks);
                heap.Reset(entity, tick);
                model[entity] = (tick, order++);
            }
            else if (action < 6)
            {
                // Few distinct ticks, so many timers share one and the set order decides.
                long tick = now + random.Next(distinctTicks);
                heap.Set(entity, tick);
                if (!model.TryGetValue(entity, out var old) || old.Tick != tick)
                {
                    model[entity] = (tick, order++);
                }
            }
            else if (action < 8)
            {
                heap.Cancel(entity);
                model.Remove(entity);
            }
            else if (model.Count > 0)
            {
                var first = model.MinBy(p => (p.Value.Tick, p.Value.Order));
                Assert.Equal(first.Value.Tick, heap.NextTime);
                Assert.Equal(first.Key, heap.Pop());
                model.Remove(first.Key);
                now = first.Value.Tick;
            }

            Assert.Equal(model.Count, heap.Count);
            Assert.Equal(model.ContainsKey(entity), heap.IsSet(entity));
        }
    }

    [Fact]
    public void Reset_At_The_Same_Tick_Fires_After_Timers_Set_Since()
    {
        // Set would leave entity 0 in place (first at tick 5); a reset re-queues it behind entity 1, as cancel + set.
        var heap = new TimerHeap(3);
        heap.Set(0, 5);
        heap.Set(1, 5);
        heap.Reset(0, 5);
        Assert.Equal(1, heap.Pop());
        Assert.Equal(0, heap.Pop());
    }

    [Fact]
    public void Empty_Heap_Has_No_Next_Time()
    {
        var heap = new TimerHeap(3);
        heap.Set(1, 5);
        heap.Cancel(1);
        Assert.Equal(long.MaxValue, heap.NextTime);
        Assert.Equal(0, heap.Count);
    }
}
