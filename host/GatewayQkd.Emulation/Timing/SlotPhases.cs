namespace GatewayQkd.Emulation.Timing;

/// <summary>
/// Where each emulated gateway's DDKA slots start relative to the run's clock. A board counts its slots from its own
/// uptime (firmware/Device/Adapters/TickClock.cs: Environment.TickCount64, milliseconds since boot; the core's slot is
/// now / t_slot, firmware/Core/Gateway/GatewayService.cs, Tick), so gateways booted at different moments end their
/// slots at different instants. On one emulation clock every gateway's slot ended at the same instant, and every
/// gateway's answers of a slot went out in one burst: at 1,000 gateways and 2,000 requests/s about 100 answers, their
/// keys and their telemetry (300 messages) every 50 ms, queued behind each other on 2 cores. With P phases gateway i's
/// clock runs (i mod P) x t_slot / P ms ahead, as if the boards had booted that far apart, and each slot end serves
/// 1/P of the gateways. A request still waits for its own gateway's slot end (0 to t_slot), so the latency a key is
/// measured against is unchanged; only the bursts are.
/// </summary>
public static class SlotPhases
{
    /// <summary>Returns how many milliseconds gateway <paramref name="index"/>'s clock runs ahead of the run's with <paramref name="phases"/> phases of a <paramref name="slotMilliseconds"/> slot.</summary>
    public static long Offset(int index, int phases, long slotMilliseconds)
    {
        Check(phases, slotMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return index % phases * slotMilliseconds / phases;
    }

    /// <summary>
    /// Returns the first instant after <paramref name="nowMilliseconds"/> (run clock) at which some phase's slot ends:
    /// gateway time now + offset crosses a multiple of the slot.
    /// </summary>
    public static double NextSlotEnd(double nowMilliseconds, int phases, long slotMilliseconds)
    {
        Check(phases, slotMilliseconds);
        var next = double.PositiveInfinity;
        for (var phase = 0; phase < phases; phase++)
        {
            var offset = Offset(phase, phases, slotMilliseconds);
            var end = ((Math.Floor((nowMilliseconds + offset) / slotMilliseconds) + 1) * slotMilliseconds) - offset;
            next = Math.Min(next, end);
        }

        return next;
    }

    private static void Check(int phases, long slotMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slotMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(phases, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(phases, slotMilliseconds); // at most one phase per millisecond
    }
}
