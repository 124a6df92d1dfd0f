using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Metrics;

/// <summary>
/// Every sensor key request of a run with its K_sec and its times in emulated seconds, so the report can show
/// requests served and waiting by K_sec over time and the delay by K_sec in each phase of a scenario (the
/// <see cref="LatencyRecorder"/> keeps only wall-clock percentiles over all levels). Thread-safe (one lock); a run
/// of hours at the demo's rates keeps a few hundred thousand small records.
/// </summary>
public sealed class RequestLedger
{
    private readonly object _sync = new();
    private readonly Func<double> _now;
    private readonly Dictionary<(ushort Gateway, ushort Sensor, uint Request), int> _open = [];
    private readonly List<RequestRecord> _records = [];
    private long _served;

    /// <summary>Creates the ledger on an emulated clock (seconds).</summary>
    public RequestLedger(Func<double> emulatedSeconds) => _now = emulatedSeconds ?? throw new ArgumentNullException(nameof(emulatedSeconds));

    /// <summary>Records a request a sensor sent.</summary>
    public void Sent(ushort gatewayId, ushort sensorId, uint requestId, int securityLevel)
    {
        lock (_sync)
        {
            _open[(gatewayId, sensorId, requestId)] = _records.Count;
            _records.Add(new RequestRecord(gatewayId, sensorId, securityLevel, _now(), false, double.NaN, double.NaN));
        }
    }

    /// <summary>Records the gateway's answer to a request: waiting, served or refused (others are ignored).</summary>
    public void Answered(ushort gatewayId, ushort sensorId, uint requestId, SensorOutcomeKind kind)
    {
        lock (_sync)
        {
            if (!_open.TryGetValue((gatewayId, sensorId, requestId), out var index))
            {
                return; // an answer to a request of an earlier run, or a second answer
            }

            var r = _records[index];
            switch (kind)
            {
                case SensorOutcomeKind.Waiting:
                    _records[index] = r with { Waited = true };
                    return;
                case SensorOutcomeKind.Served:
                    _records[index] = r with { ServedSeconds = _now(), ServedOrder = ++_served };
                    break;
                case SensorOutcomeKind.Refused:
                    _records[index] = r with { RefusedSeconds = _now() };
                    break;
                default:
                    return;
            }

            _open.Remove((gatewayId, sensorId, requestId));
        }
    }

    /// <summary>Returns a copy of every record so far, in sending order.</summary>
    public IReadOnlyList<RequestRecord> Records()
    {
        lock (_sync)
        {
            return [.. _records];
        }
    }
}
