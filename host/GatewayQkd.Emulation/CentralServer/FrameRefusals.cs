using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The central server's refused inbound frames, shared by its parts: each refusal is counted by status and in the
/// run's counters and logged with its reason, so none is silent. Thread-safe.
/// </summary>
public sealed class FrameRefusals
{
    private readonly object _sync = new();
    private readonly Dictionary<FrameStatus, long> _counts = [];
    private readonly ILog _log;
    private readonly RunCounters _counters;

    /// <summary>Creates the tally logging to <paramref name="log"/> and counting in <paramref name="counters"/>.</summary>
    public FrameRefusals(ILog log, RunCounters counters)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
    }

    /// <summary>Returns how many inbound frames were refused with <paramref name="status"/>.</summary>
    public long Count(FrameStatus status)
    {
        lock (_sync)
        {
            return _counts.GetValueOrDefault(status);
        }
    }

    /// <summary>Counts and logs one refusal; returns <paramref name="status"/>.</summary>
    public FrameStatus Refuse(FrameStatus status, string message)
    {
        lock (_sync)
        {
            _counts[status] = _counts.GetValueOrDefault(status) + 1;
        }

        _counters.Add(RunCounter.FramesRejected);
        _log.Write(LogLevel.Warning, "Central server refused: " + message + ".");
        return status;
    }
}
