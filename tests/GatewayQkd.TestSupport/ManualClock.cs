using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>A clock that moves only when the test says so; it refuses to go backwards, as the port's contract demands.</summary>
public sealed class ManualClock(long startMilliseconds = 0) : IClock
{
    /// <inheritdoc />
    public long NowMilliseconds { get; private set; } = startMilliseconds;

    /// <summary>Moves the clock forward by <paramref name="milliseconds"/> (not negative).</summary>
    public long Advance(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        NowMilliseconds += milliseconds;
        return NowMilliseconds;
    }

    /// <summary>Sets the clock to <paramref name="milliseconds"/>, which must not be earlier than now.</summary>
    public void Set(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, NowMilliseconds);
        NowMilliseconds = milliseconds;
    }
}
