using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The index of the t_slot window a tick falls in (tick / t_slot), for ticks that mostly move forward by less than a
/// slot: it remembers the current window, so the usual case is two comparisons instead of a 64-bit division (the
/// simulator asks once per queued request and supplement key). Any other tick is divided, so the result is always
/// exactly tick / t_slot.
/// </summary>
internal struct SlotClock
{
    private readonly long _slotTicks;
    private long _index;
    private long _start;
    private long _end;

    public SlotClock(long slotTicks)
    {
        _slotTicks = slotTicks;
        _end = slotTicks;
    }

    /// <summary>Returns floor(tick / t_slot) for a non-negative tick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long IndexOf(long tick)
    {
        if (tick >= _end)
        {
            if (tick - _end < _slotTicks)
            {
                _index++;
                _start = _end;
                _end += _slotTicks;
            }
            else
            {
                Move(tick);
            }
        }
        else if (tick < _start)
        {
            Move(tick);
        }

        return _index;
    }

    private void Move(long tick)
    {
        _index = tick / _slotTicks;
        _start = _index * _slotTicks;
        _end = _start + _slotTicks;
    }
}
