using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Workload;

/// <summary>A fixed list of requests (hand-computed test cases, replayed traces); sorted by arrival on creation.</summary>
public sealed class ListRequestSource : IRequestSource
{
    private readonly KeyRequest[] _requests;
    private int _next;

    /// <summary>Creates the source.</summary>
    public ListRequestSource(IEnumerable<KeyRequest> requests)
    {
        _requests = requests.OrderBy(r => r.ArrivalTime).ToArray();
    }

    /// <inheritdoc />
    public long ExpectedCount => _requests.Length;

    /// <inheritdoc />
    public KeyRequest? Next() => _next < _requests.Length ? _requests[_next++] : null;
}
