namespace GatewayQkd.Simulation.Workload;

/// <summary>Key requests in non-decreasing arrival order (arrival times in ticks of <see cref="SimulationTime"/>).</summary>
public interface IRequestSource
{
    /// <summary>Gets the number of requests, when known (for progress).</summary>
    long ExpectedCount { get; }

    /// <summary>Gets the next request; false when there are no more.</summary>
    bool TryNext(out SimRequest request);
}
