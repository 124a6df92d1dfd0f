using System.Diagnostics;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Timing;

/// <summary>
/// The emulated time every part of a run shares: wall-clock time since the start multiplied by the speed factor
/// (`--speed`), in milliseconds. Implements the core's <see cref="IClock"/>, so the gateway core's slots and
/// deadlines run at the same accelerated pace as the HAP and the sensors. In virtual time (`--virtual-time`) the
/// "wall clock" is a counter that only <see cref="Advance"/> moves, so a run's timing does not depend on the machine
/// and repeats exactly. <see cref="Time"/> gives the same wall clock as a <see cref="TimeProvider"/> for timeouts and
/// latencies. Thread-safe.
/// </summary>
public sealed class EmulationClock : IClock
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _virtualTicks;

    /// <summary>Creates a clock running <paramref name="speed"/> emulated seconds per wall-clock second (virtual wall clock when <paramref name="isVirtual"/>).</summary>
    public EmulationClock(double speed, bool isVirtual = false)
    {
        if (!(speed > 0) || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed factor must be a positive number.");
        }

        Speed = speed;
        IsVirtual = isVirtual;
        Time = isVirtual ? new VirtualWallTime(this) : TimeProvider.System;
    }

    /// <summary>Gets the emulated seconds per wall-clock second.</summary>
    public double Speed { get; }

    /// <summary>Gets a value indicating whether the wall clock is virtual (moved only by <see cref="Advance"/>).</summary>
    public bool IsVirtual { get; }

    /// <summary>Gets the wall clock as a time provider (timestamps for timeouts and latencies).</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the wall-clock time since the start.</summary>
    public TimeSpan WallElapsed => IsVirtual ? TimeSpan.FromTicks(Interlocked.Read(ref _virtualTicks)) : Stopwatch.GetElapsedTime(_start);

    /// <summary>Gets the emulated time since the start in seconds.</summary>
    public double EmulatedSeconds => WallElapsed.TotalSeconds * Speed;

    /// <inheritdoc />
    public long NowMilliseconds => (long)(EmulatedSeconds * 1000.0);

    /// <summary>Returns the wall-clock time that <paramref name="emulatedSeconds"/> of emulated time take.</summary>
    public TimeSpan ToWall(double emulatedSeconds) => TimeSpan.FromSeconds(emulatedSeconds / Speed);

    /// <summary>Moves a virtual wall clock forward by <paramref name="wall"/>.</summary>
    public void Advance(TimeSpan wall)
    {
        if (!IsVirtual)
        {
            throw new InvalidOperationException("Only a virtual clock can be advanced; a real one follows the wall clock.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(wall, TimeSpan.Zero);
        Interlocked.Add(ref _virtualTicks, wall.Ticks);
    }

    // The virtual wall clock as a TimeProvider: timestamps in TimeSpan ticks.
    private sealed class VirtualWallTime(EmulationClock clock) : TimeProvider
    {
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => clock.WallElapsed.Ticks + 1; // never 0: callers use 0 for "not yet"
    }
}
