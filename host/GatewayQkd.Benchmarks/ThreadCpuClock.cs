using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that counts the CPU time of the benchmark's thread (Linux clock_gettime with
/// CLOCK_THREAD_CPUTIME_ID, nanoseconds) instead of wall time, so a figure does not grow with the other processes of a
/// shared machine: with a load average of 40 on 2 cores, wall-clock means were 20-40 times the CPU cost. Select it with
/// <c>--cpu-clock</c> (Program.cs); it runs benchmarks in process, on one thread.
/// </summary>
internal sealed class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID, Linux <time.h>

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => new(1e9);

    public long GetTimestamp()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
