using System.Diagnostics;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Timing;

/// <summary>
/// The emulated time every part of a run shares: wall-clock time since the start multiplied by the speed factor
/// (`--speed`), in milliseconds. Implements the core's <see cref="IClock"/>, so the gateway core's slots and
/// deadlines run at the same accelerated pace as the HAP and the sensors. Thread-safe.
/// </summary>
public sealed class EmulationClock : IClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>Creates a clock running <paramref name="speed"/> emulated seconds per wall-clock second.</summary>
    public EmulationClock(double speed)
    {
        if (!(speed > 0) || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed factor must be a positive number.");
        }

        Speed = speed;
    }

    /// <summary>Gets the emulated seconds per wall-clock second.</summary>
    public double Speed { get; }

    /// <summary>Gets the wall-clock time since the start.</summary>
    public TimeSpan WallElapsed => Stopwatch.GetElapsedTime(_start);

    /// <summary>Gets the emulated time since the start in seconds.</summary>
    public double EmulatedSeconds => WallElapsed.TotalSeconds * Speed;

    /// <inheritdoc />
    public long NowMilliseconds => (long)(EmulatedSeconds * 1000.0);

    /// <summary>Returns the wall-clock time that <paramref name="emulatedSeconds"/> of emulated time take.</summary>
    public TimeSpan ToWall(double emulatedSeconds) => TimeSpan.FromSeconds(emulatedSeconds / Speed);
}
