using System.Diagnostics;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>A monotonic wall clock (Stopwatch), milliseconds since this instance was created plus an optional start offset.</summary>
public sealed class SystemClock : IClock
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _offsetMilliseconds;

    /// <summary>Creates a clock that starts at <paramref name="offsetMilliseconds"/>.</summary>
    public SystemClock(long offsetMilliseconds = 0) => _offsetMilliseconds = offsetMilliseconds;

    /// <inheritdoc />
    public long NowMilliseconds => _offsetMilliseconds + (long)Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
}
