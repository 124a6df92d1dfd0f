using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Workload;

/// <summary>Key requests in non-decreasing arrival order (arrival times in simulator time units, microseconds).</summary>
public interface IRequestSource
{
    /// <summary>Gets the number of requests, when known (for progress).</summary>
    long ExpectedCount { get; }

    /// <summary>Returns the next request, or null when there are no more.</summary>
    KeyRequest? Next();
}
