using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Workload;

/// <summary>
/// A fixed list of the core's key requests (hand-computed test cases, replayed traces), whose arrival times are ticks
/// of <see cref="SimulationTime"/>; sorted by arrival on creation (stable, so equal times keep their order).
/// </summary>
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
    public bool TryNext(out SimRequest request)
    {
        if (_next == _requests.Length)
        {
            request = default;
            return false;
        }

        KeyRequest r = _requests[_next++];
        request = new SimRequest(r.ArrivalTime, r.KQuaBits, r.KSec, r.SourceGateway, r.DestinationGateway, r.SensorId, r.RequestId);
        return true;
    }
}
