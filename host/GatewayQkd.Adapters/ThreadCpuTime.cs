using System.Runtime.InteropServices;

namespace GatewayQkd.Adapters;

/// <summary>
/// The CPU time the calling thread has used (Linux clock_gettime with CLOCK_THREAD_CPUTIME_ID, nanoseconds), so a
/// benchmark can state a cost that does not grow with the other processes of a shared machine, as wall time does.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID, Linux <time.h>

    /// <summary>Gets a value indicating whether the clock exists here (Linux only).</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Returns the calling thread's CPU time in nanoseconds.</summary>
    /// <exception cref="InvalidOperationException">The clock is not available or the call failed.</exception>
    public static long Nanoseconds()
    {
        if (!IsAvailable || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed or is not available here (errno {Marshal.GetLastPInvokeError()}).");
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
