namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The future event list: earliest time first; events at the same time run in the order they were scheduled
/// (a sequence number breaks ties), so runs are deterministic.
/// </summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<SimEvent, (double Time, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(double time, SimEvent e) => _queue.Enqueue(e, (time, _sequence++));

    public SimEvent Next(out double time)
    {
        _queue.TryDequeue(out var e, out var priority);
        time = priority.Time;
        return e;
    }
}
