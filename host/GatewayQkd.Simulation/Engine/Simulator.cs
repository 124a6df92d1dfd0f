using System.Collections;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Statistics;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The discrete-event DDKA-QKDN simulator. Each gateway serves its waiting requests one at a time in the scheme's
/// order (the portable core's <see cref="DdkaOrderComparer"/> for DDKA); a request starts when the QKP slot is free
/// (t_get &lt;= now, eq. (8)) and the pool holds K_qua bits, otherwise it waits for a supplement (eq. (9)). Supplement
/// decisions come from the core's <see cref="SupplementPolicy"/>; the HAP serves supplement requests one per channel,
/// streaming bits into the pool at V_gen, so a waiting request starts as soon as its missing (K_qua - K_sur) bits are
/// in. Ties: events at the same time run in scheduling order; waiting requests follow the scheme's comparer, whose
/// last keys are arrival time, sensor id and request id. Seeded: equal options give equal results.
/// </summary>
public sealed class Simulator
{
    /// <summary>Tolerance in seconds for floating-point comparisons of times.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>
    /// Tolerance in bits for pool levels: a level within it of K_qua counts as enough, so the rounding of the
    /// level's integration can never make a wake-up fire a hair early and repeat forever.
    /// </summary>
    public const double BitTolerance = 1e-6;

    private const int FirstGatewaysSampled = 4;
    private const long MaxEventsAtOneInstant = 10_000_000;
    private readonly SimulationOptions _options;
    private readonly SchemeDefinition _scheme;
    private readonly IRequestSource _source;
    private readonly TextWriter _log;
    private readonly Action<long, long>? _progress;
    private readonly EventQueue _events = new();
    private readonly KeyLedger _ledger = new();
    private readonly DelayStatistics _delays = new();
    private readonly RunningMean _supplementWait = new();
    private readonly List<LevelSample> _levels = [];
    private readonly GatewayState[] _gateways;
    private readonly SupplementPolicy _policy;
    private readonly OrderedQueue _hapQueue;
    private readonly long _slotUnits;
    private int _freeChannels;
    private long _supplementSequence;
    private long _arrived;
    private long _served;
    private bool _sourceDone;
    private KeyRequest? _nextArrival;
    private double _sampleInterval;
    private double _lastCompletion;

    /// <summary>Creates a simulator over a request source; <paramref name="progress"/> gets (served, expected).</summary>
    public Simulator(SimulationOptions options, IRequestSource source, TextWriter log, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _scheme = SchemeDefinition.Of(options.Scheme);
        _source = source;
        _log = log;
        _progress = progress;
        _slotUnits = SimulationTime.ToUnits(options.SlotSeconds);
        var ddka = new DdkaOrderComparer(_slotUnits, options.W);
        IComparer requestOrder = _scheme.RequestOrder switch
        {
            RequestOrder.Ddka => ddka,
            RequestOrder.Clustered => new ClusteredComparer(_slotUnits),
            _ => FifoComparer.Instance,
        };
        IComparer supplementOrder = _scheme.SupplementOrder switch
        {
            SupplementOrder.Ddka => ddka,
            SupplementOrder.LowestLevelFirst => LowestLevelFirstComparer.Instance,
            _ => FifoComparer.Instance,
        };

        // S1/S3 ("no dynamic supplement"): thresholds 0 make the core policy ask only for the missing bits.
        _policy = _scheme.Supply == SupplyMode.OnDemandOnly
            ? new SupplementPolicy(options.CapacityBits, 0, 0, options.W)
            : new SupplementPolicy(options.CapacityBits, options.LowThresholdBits, options.HighThresholdBits, options.W);
        _hapQueue = new OrderedQueue(supplementOrder, 16);
        _freeChannels = options.HapChannels;
        _gateways = new GatewayState[options.Gateways];
        for (int g = 0; g < _gateways.Length; g++)
        {
            _gateways[g] = new GatewayState(g, options.VGenOf(g), options.CapacityBits, options.InitialBits, requestOrder, _ledger);
        }
    }

    /// <summary>Creates a simulator over the paper's Poisson workload for these options.</summary>
    public Simulator(SimulationOptions options, TextWriter log, Action<long, long>? progress = null)
        : this(options, new PoissonRequestSource(Checked(options)), log, progress)
    {
    }

    /// <summary>Runs the simulation until every request is served, and returns its metrics.</summary>
    public SimulationResult Run()
    {
        double expectedHorizon = _source.ExpectedCount / (_options.Load / _options.SlotSeconds);
        _sampleInterval = Math.Max(expectedHorizon / _options.LevelSamples, _options.SlotSeconds / 1000);
        StartSupply();
        ScheduleNextArrival();
        _events.Schedule(0, new SimEvent(EventKind.Sample, -1));
        double now = 0;
        long eventsAtThisTime = 0;
        while (!Done && _events.Count > 0)
        {
            double previous = now;
            SimEvent e = _events.Next(out now);
            eventsAtThisTime = now > previous ? 0 : eventsAtThisTime + 1;
            if (eventsAtThisTime > MaxEventsAtOneInstant)
            {
                throw new InvalidOperationException($"Simulation made no progress at t = {now} s ({MaxEventsAtOneInstant} events at one instant).");
            }

            Dispatch(e, now);
        }

        if (!Done)
        {
            throw new InvalidOperationException($"Simulation stalled with {_arrived - _served} requests unserved: no key supply can reach them.");
        }

        // The run ends when the last transmission completes.
        now = Math.Max(now, _lastCompletion);
        foreach (var gateway in _gateways)
        {
            gateway.Integrate(now);
        }

        Sample(now);
        _log.WriteLine($"{_scheme.Name}: {_served} requests in {now:F1} simulated s, mean delay {_delays.Total.Mean:F4} s, SR {(double)_delays.NoWait / _served:F4}");
        return BuildResult(now);
    }

    private bool Done => _sourceDone && _served == _arrived;

    private static SimulationOptions Checked(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private void Dispatch(SimEvent e, double now)
    {
        switch (e.Kind)
        {
            case EventKind.Arrival:
                Arrive(now);
                break;
            case EventKind.GatewayWake:
                if (_gateways[e.Gateway].NextWake <= now)
                {
                    _gateways[e.Gateway].NextWake = -1;
                }

                TryStart(_gateways[e.Gateway], now);
                break;
            case EventKind.SupplementDone:
                FinishSupplement(_gateways[e.Gateway], now);
                break;
            case EventKind.RateUpdate:
                UpdateResidualAdaptiveRates(now);
                break;
            case EventKind.Sample:
                Sample(now);
                if (!Done && _levels.Count < 2 * _options.LevelSamples)
                {
                    _events.Schedule(now + _sampleInterval, e);
                }

                break;
        }
    }

    private void ScheduleNextArrival()
    {
        _nextArrival = _source.Next();
        if (_nextArrival is null)
        {
            _sourceDone = true;
            return;
        }

        if (_nextArrival.SourceGateway < 0 || _nextArrival.SourceGateway >= _gateways.Length)
        {
            throw new InvalidOperationException($"Request {_nextArrival.RequestId} names gateway {_nextArrival.SourceGateway}, outside 0..{_gateways.Length - 1}.");
        }

        _events.Schedule(SimulationTime.ToSeconds(_nextArrival.ArrivalTime), new SimEvent(EventKind.Arrival, -1));
    }

    private void Arrive(double now)
    {
        KeyRequest request = _nextArrival!;
        _arrived++;
        GatewayState gateway = _gateways[request.SourceGateway];
        gateway.Queue.Enqueue(request);
        gateway.PendingDemand += request.KQuaBits;
        ScheduleNextArrival();
        TryStart(gateway, now);
    }

    /// <summary>Starts the next request of a gateway if its slot is free and keys are there; else arranges a wake-up.</summary>
    private void TryStart(GatewayState gateway, double now)
    {
        if (gateway.BusyUntil > now + Epsilon)
        {
            // An earlier wake-up may have stood in for the one at t_get; make sure one comes when the slot frees.
            ScheduleWake(gateway, now, gateway.BusyUntil);
            return;
        }

        gateway.Integrate(now);
        if (gateway.Queue.Count == 0)
        {
            RequestSupplementIfDue(gateway, now);
            return;
        }

        int index = SelectIndex(gateway);
        var request = (KeyRequest)gateway.Queue.ItemAt(index);
        if (gateway.Level + BitTolerance >= request.KQuaBits)
        {
            Serve(gateway, index, request, now);
            return;
        }

        if (!ReferenceEquals(gateway.Blocked, request))
        {
            gateway.Blocked = request;
            gateway.BlockedSince = now;
        }

        RequestSupplementIfDue(gateway, now);
        ScheduleWake(gateway, now, gateway.ReadyTime(now, request.KQuaBits));
    }

    private int SelectIndex(GatewayState gateway)
    {
        if (_scheme.RequestOrder != RequestOrder.FirstFit)
        {
            return 0;
        }

        // KoD First-Fit: the first waiting request (FIFO) that the pool can serve now; else the head waits.
        for (int i = 0; i < gateway.Queue.Count; i++)
        {
            if (gateway.Level + BitTolerance >= ((KeyRequest)gateway.Queue.ItemAt(i)).KQuaBits)
            {
                return i;
            }
        }

        return 0;
    }

    private void Serve(GatewayState gateway, int index, KeyRequest request, double now)
    {
        gateway.Queue.RemoveAt(index);
        gateway.PendingDemand -= request.KQuaBits;
        gateway.Consume(request.KQuaBits);
        double arrival = SimulationTime.ToSeconds(request.ArrivalTime);
        double keyWait = ReferenceEquals(gateway.Blocked, request) ? now - Math.Max(gateway.BlockedSince, arrival) : 0;
        if (ReferenceEquals(gateway.Blocked, request))
        {
            gateway.Blocked = null;
        }

        double waited = Math.Max(0, now - arrival);
        keyWait = Math.Clamp(keyWait, 0, waited);
        double transmission = request.KQuaBits / _options.LinkBitsPerSecond;
        _delays.Record(waited - keyWait, keyWait, transmission);
        _served++;
        if (_progress is not null && (_served & 0xFFFF) == 0)
        {
            _progress(_served, _source.ExpectedCount);
        }

        gateway.BusyUntil = now + transmission;
        _lastCompletion = Math.Max(_lastCompletion, gateway.BusyUntil);
        ScheduleWake(gateway, now, gateway.BusyUntil);
        RequestSupplementIfDue(gateway, now);
    }

    private void ScheduleWake(GatewayState gateway, double now, double at)
    {
        if (double.IsPositiveInfinity(at))
        {
            return;
        }

        at = Math.Max(at, now);
        if (gateway.NextWake >= now && gateway.NextWake <= at + Epsilon)
        {
            return;
        }

        gateway.NextWake = at;
        _events.Schedule(at, new SimEvent(EventKind.GatewayWake, gateway.Id));
    }

    /// <summary>Asks the core's policy whether this pool needs a supplement now, and queues it at the HAP.</summary>
    private void RequestSupplementIfDue(GatewayState gateway, double now)
    {
        if (gateway.SupplementOutstanding || !IsOnDemand)
        {
            return;
        }

        long level = (long)Math.Floor(gateway.Level + BitTolerance);
        KeyRequest? trigger = gateway.Queue.Count > 0 && gateway.PendingDemand > level ? (KeyRequest)gateway.Queue.Peek() : null;
        SupplementRequest? supplement = _policy.Decide(gateway.Id, 0, ++_supplementSequence, SimulationTime.ToUnits(now), level,
            gateway.PendingDemand, trigger?.KQuaBits ?? 0, trigger?.KSec ?? 0);
        if (supplement is null)
        {
            return;
        }

        gateway.SupplementOutstanding = true;
        _hapQueue.Enqueue(supplement);
        StartSupplements(now);
    }

    private bool IsOnDemand => _scheme.Supply is SupplyMode.OnDemandWithThresholds or SupplyMode.OnDemandOnly;

    /// <summary>Gives free HAP channels to waiting supplement requests, in the scheme's supplement order.</summary>
    private void StartSupplements(double now)
    {
        while (_freeChannels > 0 && _hapQueue.Count > 0)
        {
            var supplement = (SupplementRequest)_hapQueue.Dequeue();
            GatewayState gateway = _gateways[supplement.GatewayId];
            _supplementWait.Add(now - SimulationTime.ToSeconds(supplement.ArrivalTime));
            gateway.Integrate(now);

            // Re-evaluated at start: the level and demand may have changed while the request queued (T_wait).
            long required = _policy.RequiredBits((long)Math.Floor(gateway.Level + BitTolerance), gateway.PendingDemand);
            if (required <= 0)
            {
                gateway.SupplementOutstanding = false;
                continue;
            }

            _freeChannels--;
            double end = now + (required / gateway.VGen);
            gateway.SetInflow(now, gateway.VGen, end);
            _events.Schedule(end, new SimEvent(EventKind.SupplementDone, gateway.Id));
            TryStart(gateway, now);
        }
    }

    private void FinishSupplement(GatewayState gateway, double now)
    {
        gateway.SetInflow(now, 0, now);
        gateway.SupplementOutstanding = false;
        _freeChannels++;
        TryStart(gateway, now);
        RequestSupplementIfDue(gateway, now);
        StartSupplements(now);
    }

    private void StartSupply()
    {
        if (_scheme.Supply == SupplyMode.ResidualAdaptive)
        {
            _events.Schedule(0, new SimEvent(EventKind.RateUpdate, -1));
        }
    }

    /// <summary>
    /// RAKP: every t_slot, the HAP's channel time goes to pools in proportion to their deficit below K_threshold_high
    /// (the same storage ceiling DDKA keeps); a pool's inflow stops when it reaches the ceiling.
    /// </summary>
    private void UpdateResidualAdaptiveRates(double now)
    {
        double totalDeficit = 0;
        foreach (var gateway in _gateways)
        {
            gateway.Integrate(now);
            totalDeficit += Math.Max(0, _options.HighThresholdBits - gateway.Level);
        }

        foreach (var gateway in _gateways)
        {
            double deficit = Math.Max(0, _options.HighThresholdBits - gateway.Level);
            double share = totalDeficit > Epsilon ? Math.Min(1.0, _options.HapChannels * deficit / totalDeficit) : 0;
            double rate = share * gateway.VGen;
            gateway.SetInflow(now, rate, rate > 0 ? now + (deficit / rate) : now);
            if (gateway.Queue.Count > 0)
            {
                TryStart(gateway, now);
            }
        }

        if (!Done)
        {
            _events.Schedule(now + _options.SlotSeconds, new SimEvent(EventKind.RateUpdate, -1));
        }
    }

    private void Sample(double now)
    {
        double sum = 0;
        foreach (var gateway in _gateways)
        {
            gateway.Integrate(now);
            sum += gateway.Level;
        }

        var first = _gateways.Take(FirstGatewaysSampled).Select(g => g.Level).ToArray();
        _levels.Add(new LevelSample(now, sum / _gateways.Length, first));
    }

    private SimulationResult BuildResult(double now)
    {
        double stored = _gateways.Sum(g => g.Level);
        return new SimulationResult
        {
            Scheme = _scheme.Name,
            Seed = _options.Seed,
            Requests = _served,
            MeanDelay = _delays.Total.Mean,
            DelayStdDev = Math.Sqrt(_delays.Total.Variance),
            SuccessRate = _served == 0 ? 0 : (double)_delays.NoWait / _served,
            P50Delay = _delays.Histogram.Quantile(0.5),
            P90Delay = _delays.Histogram.Quantile(0.9),
            P99Delay = _delays.Histogram.Quantile(0.99),
            MaxDelay = _delays.Total.Max,
            MeanSlotWait = _delays.SlotWait.Mean,
            MeanKeyWait = _delays.KeyWait.Mean,
            MeanTransmission = _delays.Transmission.Mean,
            SupplementRequests = _supplementWait.Count,
            MeanSupplementQueueWait = _supplementWait.Mean,
            KeysInitial = (double)_options.InitialBits * _gateways.Length,
            KeysGenerated = _ledger.Generated,
            KeysConsumed = _ledger.Consumed,
            KeysStored = stored,
            KeysWasted = _ledger.Wasted,
            SimulatedSeconds = now,
            PoolLevels = _levels,
        };
    }
}
