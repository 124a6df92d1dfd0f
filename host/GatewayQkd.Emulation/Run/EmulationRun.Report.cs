using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Report;

namespace GatewayQkd.Emulation.Run;

/// <summary>Sampling and the end-of-run report of <see cref="EmulationRun"/>.</summary>
public sealed partial class EmulationRun
{
    /// <summary>Takes a sample of every gateway and the counters (also kept for the report).</summary>
    public RunSnapshot TakeSample()
    {
        Counters.Set(RunCounter.BrokerReconnects, _gateways.Sum(g => g.Reconnects) + _sensors.Sum(s => s.Reconnects) + (_pairSensors?.Reconnects ?? 0) + (_serverBus?.Statistics.Reconnects ?? 0));
        Counters.Set(RunCounter.KeysIssuedTwice, IssuedKeys.Overlaps);
        return _sampler!.Take(Clock.WallElapsed.TotalSeconds, Clock.EmulatedSeconds, Counters);
    }

    private EmulationReport BuildReport(string endReason)
    {
        var samples = _sampler!.Samples();

        var last = samples[^1];
        var lost = _streams!.GatewayIds.Sum(id =>
        {
            // A gateway's lost counter is its lifetime total (recovered at boot); this run's losses are what it added.
            var state = _gateways.FirstOrDefault(g => g.Id == id)?.Read();
            var total = state is not null ? state.Counters[(int)GatewayCounter.KeyBytesLost] * 8L : _streams.View(id, TimeSpan.Zero).ReportedLostBits;
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
            IssuedKeys = _ledger!.Keys,
            Requests = Requests.Records(),
        };
    }
}
