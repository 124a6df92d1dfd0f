using GatewayQkd.Simulation.Engine;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The remembered slot window gives exactly tick / t_slot, whatever order the ticks come in.</summary>
public sealed class SlotClockTests
{
    [Theory]
    [InlineData(100_000_000L, 3.0)]
    [InlineData(100_000_000L, 0.2)]
    [InlineData(100L, 100.0)]
    [InlineData(7_919L, 1.0)]
    public void Index_Equals_Division_For_Forward_Ticks(long slotTicks, double slotsPerStep)
    {
        var clock = new SlotClock(slotTicks);
        var random = new Random(12);
        long tick = 0;
        for (int i = 0; i < 200_000; i++)
        {
            // Steps of all sizes: zero, within the window, onto the next boundary, and several windows ahead.
            tick += i % 997 == 0 ? slotTicks - (tick % slotTicks) : (long)(random.NextDouble() * slotsPerStep * slotTicks);
            Assert.Equal(tick / slotTicks, clock.IndexOf(tick));
        }
    }

    [Fact]
    public void Index_Equals_Division_For_Ticks_Out_Of_Order()
    {
        const long slotTicks = 1_000;
        var clock = new SlotClock(slotTicks);
        var random = new Random(5);
        foreach (long tick in new long[] { 0, 999, 1_000, 999, 0, 5_000_000_000_000, 1_001, 1_999, 2_000, 4_000, 4_999, long.MaxValue / 4 })
        {
            Assert.Equal(tick / slotTicks, clock.IndexOf(tick));
        }

        for (int i = 0; i < 100_000; i++)
        {
            long tick = (long)(random.NextDouble() * 50 * slotTicks);
            Assert.Equal(tick / slotTicks, clock.IndexOf(tick));
        }
    }
}
