using GatewayQkd.Adapters;
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
    public string Title => "Thread CPU time";

    public bool IsAvailable => ThreadCpuTime.IsAvailable;

    public Frequency Frequency => new(1e9);

    public long GetTimestamp() => ThreadCpuTime.Nanoseconds();
}
