namespace GatewayQkd.Simulation.Workload;

/// <summary>Key requests in non-decreasing arrival order (arrival times in ticks of <see cref="SimulationTime"/>).</summary>
public interface IRequestSource
{
    /// <summary>Gets the number of requests, when known (for progress).</summary>
    long ExpectedCount { get; }

    /// <summary>Gets the next request; false when there are no more.</summary>
    bool TryNext(out SimRequest request);

    /// <summary>
    /// Writes the next requests into <paramref name="buffer"/> in order and returns how many (0: no more): the same
    /// sequence as repeated <see cref="TryNext"/>. The simulator reads ahead in batches so that drawing requests is
    /// a tight loop of its own, off the event loop's dependency chain; a source may override it with a faster loop.
    /// </summary>
    int Fill(Span<SimRequest> buffer)
    {
        int count = 0;
        while (count < buffer.Length && TryNext(out buffer[count]))
        {
            count++;
        }

        return count;
    }
}
