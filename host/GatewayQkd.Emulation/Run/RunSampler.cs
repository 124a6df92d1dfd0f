using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Hap;
using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Run;

/// <summary>
/// Samples a run: per gateway its pool level (from the emulated gateway, or as last reported for a board), the
/// HAP's link rate and link share, delivered bits and rate over the interval, requests served and waiting; keeps
/// every sample for the report. Rates and shares are over the interval since the previous sample (a single 20 ms
/// step's share is 0 whenever the pool was full in that step). Thread-safe for readers of <see cref="Samples"/>.
/// </summary>
public sealed class RunSampler
{
    private readonly IKeyStreams _streams;
    private readonly IHap _hap;
    private readonly IReadOnlyList<EmulatedGateway> _gateways;
    private readonly List<RunSnapshot> _samples = [];
    private readonly Dictionary<ushort, (double LinkSeconds, long DeliveredBits)> _previous = [];
    private double _previousSeconds;

    /// <summary>Creates the sampler of the central server's <paramref name="streams"/>, the <paramref name="hap"/> and the emulated <paramref name="gateways"/>.</summary>
    public RunSampler(IKeyStreams streams, IHap hap, IReadOnlyList<EmulatedGateway> gateways)
    {
        _streams = streams ?? throw new ArgumentNullException(nameof(streams));
        _hap = hap ?? throw new ArgumentNullException(nameof(hap));
        _gateways = gateways ?? throw new ArgumentNullException(nameof(gateways));
    }

    /// <summary>Gets the last sample taken (null before the first).</summary>
    public RunSnapshot? Latest
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count == 0 ? null : _samples[^1];
            }
        }
    }

    /// <summary>Returns a copy of every sample taken.</summary>
    public RunSnapshot[] Samples()
    {
        lock (_samples)
        {
            return [.. _samples];
        }
    }

    /// <summary>Takes and keeps one sample at <paramref name="wallSeconds"/> / <paramref name="emulatedSeconds"/> with the run's <paramref name="counters"/>.</summary>
    public RunSnapshot Take(double wallSeconds, double emulatedSeconds, RunCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var samples = new List<GatewaySample>();
        var elapsed = emulatedSeconds - _previousSeconds;
        _previousSeconds = emulatedSeconds;
        foreach (var id in _streams.GatewayIds)
        {
            var view = _streams.View(id, TimeSpan.FromSeconds(5));
            var (condition, _) = _hap.LastLink(id);
            var emulated = _gateways.FirstOrDefault(g => g.Id == id);
            var state = emulated?.Read();
            var served = state?.Counters[(int)GatewayCounter.RequestsServed] ?? 0;
            var linkSeconds = _hap.LinkSeconds(id);
            var (previousLink, previousDelivered) = _previous.GetValueOrDefault(id);
            _previous[id] = (linkSeconds, view.DeliveredBits);
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

        var snapshot = new RunSnapshot(wallSeconds, emulatedSeconds, samples, counters.ToList());
        lock (_samples)
        {
            _samples.Add(snapshot);
        }

        return snapshot;
    }
}
