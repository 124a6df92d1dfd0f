using GatewayQkd.Emulation.Timing;

namespace GatewayQkd.Emulation.Tests.Timing;

/// <summary>The real-time run loop wakes at its tick or just past the next slot end, whichever is sooner.</summary>
public sealed class TickScheduleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void Wakes_Just_Past_A_Slot_End_That_Comes_Before_The_Tick()
    {
        var wait = TickSchedule.NextWait(1042, 50, 1, Tick); // the slot ends at 1050

        Assert.Equal(TimeSpan.FromMilliseconds(8) + TickSchedule.PastSlotEnd, wait);
    }

    [Fact]
    public void Waits_One_Tick_When_The_Slot_End_Is_Further_Away()
    {
        Assert.Equal(Tick, TickSchedule.NextWait(1001, 50, 1, Tick));
    }

    [Fact]
    public void At_A_Slot_End_Aims_At_The_Next_One()
    {
        Assert.Equal(Tick, TickSchedule.NextWait(1000, 50, 1, Tick)); // the slot 1000..1050 has just begun
    }

    [Fact]
    public void Converts_Emulated_Time_To_Wall_Time_At_The_Speed()
    {
        var wait = TickSchedule.NextWait(1040, 50, 10, Tick); // 10 emulated ms to the slot end are 1 wall ms at 10x

        Assert.Equal(TimeSpan.FromMilliseconds(1) + TickSchedule.PastSlotEnd, wait);
    }

    [Fact]
    public void With_Phases_Wakes_Just_Past_The_Next_Slot_End_Of_Any_Phase()
    {
        var wait = TickSchedule.NextWait(1042, 50, 1, Tick, phases: 10); // the 5 ms-ahead gateways' slot ends at 1045

        Assert.Equal(TimeSpan.FromMilliseconds(3) + TickSchedule.PastSlotEnd, wait);
    }
}
