using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Timing;

/// <summary>
/// A gateway's own clock: the run's clock plus a fixed offset, as a board's uptime clock of a board booted
/// <see cref="OffsetMilliseconds"/> earlier would read (<see cref="SlotPhases"/>).
/// </summary>
public sealed class OffsetClock : IClock
{
    private readonly IClock _run;

    /// <summary>Creates a clock <paramref name="offsetMilliseconds"/> (non-negative) ahead of <paramref name="run"/>.</summary>
    public OffsetClock(IClock run, long offsetMilliseconds)
    {
        _run = run ?? throw new ArgumentNullException(nameof(run));
        ArgumentOutOfRangeException.ThrowIfNegative(offsetMilliseconds);
        OffsetMilliseconds = offsetMilliseconds;
    }

    /// <summary>Gets how far this clock runs ahead of the run's.</summary>
    public long OffsetMilliseconds { get; }

    /// <inheritdoc />
    public long NowMilliseconds => _run.NowMilliseconds + OffsetMilliseconds;
}
