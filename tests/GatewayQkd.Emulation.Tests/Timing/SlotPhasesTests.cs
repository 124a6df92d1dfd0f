using GatewayQkd.Emulation.Timing;

namespace GatewayQkd.Emulation.Tests.Timing;

/// <summary>
/// Gateways whose slots end at different instants, as boards booted at different moments (each counts slots from its
/// own uptime): gateway i's clock runs (i mod P) x t_slot / P ms ahead, and the run loop wakes at every phase's slot end.
/// </summary>
public sealed class SlotPhasesTests
{
    [Fact]
    public void Ten_Phases_Spread_The_Gateways_Over_A_Slot_Five_Milliseconds_Apart()
    {
        long[] offsets = [.. Enumerable.Range(0, 11).Select(i => SlotPhases.Offset(i, 10, 50))];

        Assert.Equal([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 0], offsets); // the eleventh gateway shares the first's phase
    }

    [Fact]
    public void One_Phase_Keeps_Every_Gateway_On_The_Run_Clock()
    {
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(0, SlotPhases.Offset(i, 1, 50)));
    }

    [Fact]
    public void With_One_Phase_The_Next_Slot_End_Is_The_Next_Multiple_Of_The_Slot()
    {
        Assert.Equal(1050, SlotPhases.NextSlotEnd(1042, 1, 50));
        Assert.Equal(1100, SlotPhases.NextSlotEnd(1050, 1, 50)); // a slot that has just begun ends a slot later
    }

    [Fact]
    public void The_Next_Slot_End_Is_The_First_Of_Any_Phase()
    {
        var end = SlotPhases.NextSlotEnd(1042, 10, 50);

        Assert.Equal(1045, end);
        Assert.Equal(0, (end + SlotPhases.Offset(1, 10, 50)) % 50); // the 5 ms-ahead gateway's clock reads a slot boundary then
    }

    [Fact]
    public void A_Phase_Count_That_Does_Not_Divide_The_Slot_Still_Finds_Each_Phase_End()
    {
        // offsets 0, 16, 33 of a 50 ms slot: their slots end at run times 0, 34 and 17 (mod 50)
        Assert.Equal(1017, SlotPhases.NextSlotEnd(1001, 3, 50));
        Assert.Equal(1034, SlotPhases.NextSlotEnd(1017, 3, 50));
        Assert.Equal(1050, SlotPhases.NextSlotEnd(1034, 3, 50));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Refuses_No_Phase_Or_More_Phases_Than_Milliseconds_In_A_Slot(int phases)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotPhases.Offset(0, phases, 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotPhases.NextSlotEnd(0, phases, 50));
    }

    [Fact]
    public void A_Gateway_Clock_Reads_The_Run_Clock_Plus_Its_Offset()
    {
        var run = new EmulationClock(1, isVirtual: true);
        run.Advance(TimeSpan.FromMilliseconds(1000));

        var gateway = new OffsetClock(run, 25);

        Assert.Equal(1025, gateway.NowMilliseconds);
    }

    [Fact]
    public void A_Gateway_Clock_Refuses_A_Negative_Offset()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OffsetClock(new EmulationClock(1, isVirtual: true), -1));
    }
}
