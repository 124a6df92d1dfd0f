namespace GatewayQkd.Emulation.Timing;

/// <summary>
/// When the real-time run loop wakes next: at its regular tick or just after the next DDKA slot end, whichever comes
/// first. A gateway serves the requests of a slot when its tick sees the slot has ended (paper s3.3), so with a tick
/// every 20 ms and no regard to slots every key waited up to 20 ms (10 ms on average) past its slot end; with 50 ms
/// slots the capacity benchmark's p99 bound of t_slot + 20 ms left no room for the broker at all.
/// </summary>
public static class TickSchedule
{
    /// <summary>How far past a slot end the loop wakes, so the clock reads the next slot (timers fire late, never early, but round to milliseconds).</summary>
    public static readonly TimeSpan PastSlotEnd = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Returns the wall-clock wait from emulated time <paramref name="emulatedMilliseconds"/> until the next tick
    /// (<paramref name="tick"/>) or until just past the next end of a <paramref name="slotMilliseconds"/> slot at
    /// <paramref name="speed"/> emulated seconds per wall-clock second, whichever is sooner. With
    /// <paramref name="phases"/> above 1 the gateways' slots end at that many instants per slot
    /// (<see cref="SlotPhases"/>), and the next slot end is the first of them.
    /// </summary>
    public static TimeSpan NextWait(double emulatedMilliseconds, long slotMilliseconds, double speed, TimeSpan tick, int phases = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(emulatedMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        var slotEnd = SlotPhases.NextSlotEnd(emulatedMilliseconds, phases, slotMilliseconds);
        var untilSlotEnd = TimeSpan.FromMilliseconds((slotEnd - emulatedMilliseconds) / speed) + PastSlotEnd;
        return untilSlotEnd < tick ? untilSlotEnd : tick;
    }
}
