using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Report;

namespace GatewayQkd.Emulation.Run;

/// <summary>Sampling and the end-of-run report of <see cref="EmulationRun"/>.</summary>
public sealed partial class EmulationRun
{
    // Per gateway at the previous sample: HAP link seconds and delivered bits (rates and shares are over the interval).
    private readonly Dictionary<ushort, (double LinkSeconds, long DeliveredBits)> _previousSample = [];
    private double _previousSampleSeconds;

    /// <summary>Takes a sample of every gateway and the counters (also kept for the report).</summary>
    public RunSnapshot TakeSample()
    {
        Counters.Set(RunCounter.BrokerReconnects, _gateways.Sum(g => g.Reconnects) + _sensors.Sum(s => s.Reconnects) + (_serverBus?.Statistics.Reconnects ?? 0));
        Counters.Set(RunCounter.KeysIssuedTwice, IssuedKeys.Overlaps);
        var samples = new List<GatewaySample>();
        var now = Clock.EmulatedSeconds;
        var wall = Clock.WallElapsed.TotalSeconds;
        var elapsed = now - _previousSampleSeconds;
        _previousSampleSeconds = now;
        foreach (var id in _server!.GatewayIds)
        {
            var view = _server.View(id, TimeSpan.FromSeconds(5));
            var (condition, _) = _hap!.LastLink(id);
            var emulated = _gateways.FirstOrDefault(g => g.Id == id);
            var state = emulated?.Read();
            var served = state?.Counters[(int)GatewayCounter.RequestsServed] ?? 0;
            var linkSeconds = _hap.LinkSeconds(id);
            var (previousLink, previousDelivered) = _previousSample.GetValueOrDefault(id);
            _previousSample[id] = (linkSeconds, view.DeliveredBits);
            samples.Add(new GatewaySample(
                id,
                state?.AvailableBits ?? view.ReportedAvailableBits,
                condition.KeyRateBitsPerSecond,
                condition.Qber,
                elapsed > 0 ? Math.Clamp((linkSeconds - previousLink) / elapsed, 0, 1) : 0,
                view.DeliveredBits,
                served,
                state?.QueueLength ?? view.ReportedQueueLength,
                emulated is null ? view.RecentlyHeard : state is not null,
                elapsed > 0 ? (view.DeliveredBits - previousDelivered) / elapsed : 0));
        }

        var snapshot = new RunSnapshot(wall, now, samples, Counters.ToList());
        lock (_samples)
        {
            _samples.Add(snapshot);
        }

        return snapshot;
    }

    private EmulationReport BuildReport(string endReason)
    {
        RunSnapshot[] samples;
        lock (_samples)
        {
            samples = [.. _samples];
        }

        var last = samples[^1];
        var lost = _server!.GatewayIds.Sum(id =>
        {
            // A gateway's lost counter is its lifetime total (recovered at boot); this run's losses are what it added.
            var state = _gateways.FirstOrDefault(g => g.Id == id)?.Read();
            var total = state is not null ? state.Counters[(int)GatewayCounter.KeyBytesLost] * 8L : _server.View(id, TimeSpan.Zero).ReportedLostBits;
            return Math.Max(0, total - _lostAtStart.GetValueOrDefault(id));
        });
        return new EmulationReport
        {
            Options = Options,
            KeyRateSource = Rates.Description,
            Broker = _inProcess is not null ? "in-process (virtual time)" : (_embedded is null ? "external " : "embedded ") + BrokerEndpoint,
            WallSeconds = last.WallSeconds,
            EmulatedSeconds = last.EmulatedSeconds,
            EndReason = endReason,
            Counters = Counters.ToList(),
            KeyBitsInPools = last.Gateways.Sum(g => g.PoolBits),
            KeyBitsLost = lost,
            KeyBitsIssuedUnused = Math.Max(0, Counters[RunCounter.KeyBitsIssued] - Counters[RunCounter.KeyBitsUsed]),
            RequestToKey = RequestLatency.Summarize(),
            TelemetryToVerified = Telemetry.Latency.Summarize(),
            Samples = samples,
            Start = Start,
            Requests = Requests.Records(),
        };
    }
}
