using System.Runtime.CompilerServices;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Simulation.Schemes;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The discrete-event DDKA-QKDN simulator behind <see cref="Simulator"/>, compiled once per <typeparamref name="TScheme"/>. Each gateway serves its waiting requests one at a time in the scheme's
/// order (for DDKA the core's <see cref="DdkaOrderComparer"/> order); a request starts when the QKP slot is free
/// (t_get &lt;= now, eq. (8)) and the pool holds K_qua bits, otherwise it waits for a supplement (eq. (9)). Supplement
/// amounts come from the core's <see cref="SupplementPolicy"/>; the HAP serves supplement requests one per channel,
/// streaming whole bits into the pool at V_gen, so a waiting request starts at the first tick its missing
/// (K_qua - K_sur) bits are in.
/// </summary>
/// <remarks>
/// Time is whole 10 ns ticks and pools hold whole bits, so nothing needs a tolerance and no comparison degrades with
/// the horizon. Each gateway has at most one wake-up timer and one inflow timer (an indexed heap moves them in place);
/// a gateway with nothing waiting has no timer. Arrivals are not queued as events: the next one is held aside.
/// Ties: timers at one tick fire in the order they were set, before an arrival at that tick; waiting requests follow
/// the scheme's order, whose last keys are arrival time, sensor id and request id. Seeded runs reproduce exactly.
/// The scheme's choices come from <typeparamref name="TScheme"/>, a struct: for <see cref="DdkaTraits"/> they are
/// constants, so the JIT compiles this class for DDKA without the tests of the other schemes' branches.
/// </remarks>
/// <typeparam name="TScheme">The scheme's traits (see <see cref="ISchemeTraits"/>).</typeparam>
internal sealed class SchemeSimulator<TScheme>
    where TScheme : struct, ISchemeTraits
{
    private readonly SimulationOptions _options;
    private readonly SchemeDefinition _scheme;
    private readonly IRequestSource _source;
    /// <summary>Requests read ahead from the source per batch (40 bytes each: 10 KiB, well inside L1).</summary>
    private const int ArrivalBatch = 256;

    /// <summary>How many arrivals ahead a gateway's state is prefetched, and from how many gateways on (below, it stays in L1).</summary>
    private const int PrefetchDistance = 8;
    private const int PrefetchFromGateways = 64;
    /// <summary>
    /// The first this many distinct V_gen values get their stream inverse as a table of 0..capacity bits (8 bytes per
    /// bit: 40 KB at the paper's 5120), shared by their gateways; capacities above <see cref="TabulatedBits"/> get none.
    /// </summary>
    private const int TabulatedRates = 16;
    private const long TabulatedBits = 1 << 16;
    private readonly TextWriter _log;
    private readonly Action<long, long>? _progress;
    private readonly RunRecorder _recorder;
    private readonly GatewayState[] _gateways;
    private readonly SupplementPolicy _policy;
    private OrderedRing<SupplementEntry> _hap = new(16);
    private readonly SimRequest[] _arrivals = new SimRequest[ArrivalBatch];
    private readonly TimerHeap _timers;
    private readonly WeightTable _requestWeights;
    private readonly WeightTable _supplementWeights;
    private readonly ReplenishmentWeights _replenishmentWeights;
    private readonly Action<GatewayState, long> _sharedStreamSet;
    private readonly int _n;
    private readonly long _slotTicks;
    private SlotClock _slots;
    private readonly TransmissionTable _transmission;
    private readonly bool _prefetch;
    private readonly TScheme _traits;

    /// <summary>The policy's K_threshold_low (0 for schemes without replenishment; see <see cref="RequestSupplement"/>).</summary>
    private readonly long _replenishBelow;
    /// <summary>Events handled per call of <see cref="Events"/> (a few microseconds of work, so the call costs nothing).</summary>
    private const int EventsPerCall = 1024;
    private int _freeChannels;
    private int _prefetchedTimer = -1;

    /// <summary>The end timer of a replenishment the current arrival stopped, left in the heap until it is handled (-1: none).</summary>
    private int _parkedStream = -1;
    private bool _pending;
    private int _arrivalIndex;
    private int _arrivalCount;
    private long _supplementSequence;
    private long _arrived;
    private long _served;
    private long _lastArrival;
    private long _lastCompletion;
    private long _now;

    /// <summary>Creates a simulator over a request source (validated options); <paramref name="progress"/> gets (served, expected).</summary>
    public SchemeSimulator(SimulationOptions options, SchemeDefinition scheme, TScheme traits, IRequestSource source, TextWriter log, Action<long, long>? progress)
    {
        _options = options;
        _scheme = scheme;
        _traits = traits;
        _source = source;
        _log = log ?? TextWriter.Null;
        _progress = progress;
        _n = options.Gateways;
        _slotTicks = SimulationTime.ToTicks(options.SlotSeconds);
        _slots = new SlotClock(_slotTicks);
        _transmission = new TransmissionTable(SimulationTime.TicksPerSecond / options.LinkBitsPerSecond);
        _requestWeights = new WeightTable(_scheme.RequestOrder == RequestOrder.DdkaOmegaZero ? 0 : options.TradeOff);
        _supplementWeights = new WeightTable(options.TradeOff);
        _replenishmentWeights = new ReplenishmentWeights(options.TradeOff, options.CapacityBits);
        _prefetch = _n >= PrefetchFromGateways;

        // No replenishment (S1, S3, KoD): thresholds 0 make the core policy ask only for the missing bits.
        _policy = _traits.Thresholds
            ? new SupplementPolicy(options.CapacityBits, options.LowThresholdBits, options.HighThresholdBits, options.TradeOff)
            : new SupplementPolicy(options.CapacityBits, 0, 0, options.TradeOff);
        _replenishBelow = _policy.LowThresholdBits;
        _freeChannels = options.HapChannels;
        _recorder = new RunRecorder(_scheme.Name, options);
        _timers = new TimerHeap((2 * _n) + 1);
        _sharedStreamSet = SetSharedStream;
        _gateways = new GatewayState[_n];
        var rates = new Dictionary<double, StreamRate>();
        for (int g = 0; g < _n; g++)
        {
            double vGen = options.VGenOf(g);
            if (!rates.TryGetValue(vGen, out StreamRate rate))
            {
                rate = rates.Count < TabulatedRates && options.CapacityBits <= TabulatedBits ? StreamRate.WithInverse(vGen, (int)options.CapacityBits) : new StreamRate(vGen);
                rates.Add(vGen, rate);
            }

            _gateways[g] = new GatewayState(g, vGen, rate, options.CapacityBits, options.InitialBits, _recorder.Ledger);
        }
    }

    private int SlottedEntity => 2 * _n;

    /// <summary>Runs the simulation until every request is served, and returns its metrics.</summary>
    public SimulationResult Run()
    {
        long horizon = (long)Math.Min(SimulationTime.ToTicks(_options.ExpectedHorizonSeconds), long.MaxValue / 4);
        long sampleInterval = Math.Max(1, horizon / _options.LevelSamples);
        int maxSamples = 2 * _options.LevelSamples;
        StartSupply();
        Loop(sampleInterval, maxSamples);

        // The run ends when the last transmission completes; running supplements deliver up to then.
        long end = Math.Max(_now, _lastCompletion);
        foreach (var gateway in _gateways)
        {
            gateway.Integrate(end);
        }

        _recorder.Sample(end, _gateways);
        var result = _recorder.Result(end, _gateways);
        _log.WriteLine($"{_scheme.Name}: {result.Requests} requests in {result.SimulatedSeconds:F1} simulated s, mean delay {result.MeanDelay:F4} s, SR {result.SuccessRate:F4}");
        return result;
    }

    /// <summary>The event loop: the earlier of the next timer and the next arrival, until every request is served.</summary>
    private void Loop(long sampleInterval, int maxSamples)
    {
        _pending = ReadAhead();
        long nextSample = 0;
        while (Events(ref nextSample, sampleInterval, maxSamples))
        {
        }
    }

    /// <summary>Handles up to <see cref="EventsPerCall"/> events; returns false when every request is served.</summary>
    /// <remarks>
    /// The loop is cut into calls so that the method is entered often: the runtime compiles a method that is called
    /// 30 times with full tier-1 optimisation and dynamic PGO, while a method entered once (the whole run in one loop)
    /// only ever runs its on-stack-replacement version, compiled from the tier-0 frame. Not inlined, or it would be
    /// compiled into that version of <see cref="Loop"/> again.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Events(ref long nextSample, long sampleInterval, int maxSamples)
    {
        bool pending = _pending;
        for (int budget = EventsPerCall; budget > 0; budget--)
        {
            if (!pending && _served == _arrived)
            {
                return false;
            }

            long timerAt = _timers.NextTime;
            long arrivalAt = pending ? _arrivals[_arrivalIndex].ArrivalTicks : long.MaxValue;
            bool arrival = pending && arrivalAt < timerAt;
            long at = arrival ? arrivalAt : timerAt;
            if (at == long.MaxValue)
            {
                throw new InvalidOperationException($"Simulation stalled with {_arrived - _served} requests unserved at t = {SimulationTime.ToSeconds(_now)} s: no key supply can reach them.");
            }

            while (nextSample <= at && _recorder.SampleCount < maxSamples)
            {
                _recorder.Sample(nextSample, _gateways);
                nextSample += sampleInterval;
            }

            _now = at;
            if (arrival)
            {
                if (_prefetch)
                {
                    if (_arrivalIndex + PrefetchDistance < _arrivalCount)
                    {
                        Prefetch(_arrivals[_arrivalIndex + PrefetchDistance].SourceGateway);
                    }

                    // The earliest timer's gateway too: it fires after this arrival or a few more, at a gateway
                    // that is otherwise not in cache (a wake-up or an inflow end, entity g or N + g). Once per
                    // timer: it usually stays the earliest over several arrivals, and each prefetch of the same
                    // lines again cost a dependent load chain (heap root, gateway array) per arrival.
                    int timer = _timers.NextEntity;
                    if (timer != _prefetchedTimer)
                    {
                        _prefetchedTimer = timer;
                        Prefetch(timer < _n ? timer : timer - _n);
                    }
                }

                Arrive(in _arrivals[_arrivalIndex]);
                if (++_arrivalIndex == _arrivalCount)
                {
                    pending = _pending = ReadAhead();
                }
            }
            else
            {
                Fire(_timers.Pop());
            }
        }

        return true;
    }

    /// <summary>Hints the cache to load a gateway's state (its queue's count included), whose arrival comes a few events later.</summary>
    private void Prefetch(int gateway)
    {
        if ((uint)gateway < (uint)_n)
        {
            // A GatewayState, with its queue's count and array reference, is about three cache lines.
            CachePrefetch.Object(_gateways[gateway], 3);
        }
    }

    /// <summary>Reads the next batch of requests from the source (the source does not depend on the run's state).</summary>
    private bool ReadAhead()
    {
        _arrivalIndex = 0;
        _arrivalCount = _source.Fill(_arrivals);
        return _arrivalCount > 0;
    }

    private void Fire(int entity)
    {
        if (entity < _n)
        {
            TryStart(_gateways[entity]);
        }
        else if (entity < 2 * _n)
        {
            FinishStream(_gateways[entity - _n]);
        }
        else
        {
            // Slotted reading: re-divide every t_slot; while every pool is at the ceiling the re-division changes
            // nothing, so the timer rests until a request takes keys (then resumes on the slot grid).
            if (ResidualAdaptiveRates.Apply(_gateways, _now, _options.HighThresholdBits, _options.HapChannels, _sharedStreamSet))
            {
                _timers.Set(SlottedEntity, _now + _slotTicks);
            }
        }
    }

    private void Arrive(in SimRequest r)
    {
        if ((uint)r.SourceGateway >= (uint)_n)
        {
            throw new InvalidOperationException($"Request {r.RequestId} names gateway {r.SourceGateway}, outside 0..{_n - 1}.");
        }

        if (r.ArrivalTicks < _lastArrival || r.KQuaBits < 0 || r.KQuaBits > _options.CapacityBits)
        {
            throw new InvalidOperationException($"Request {r.RequestId} is out of order or asks {r.KQuaBits} bits (pool capacity {_options.CapacityBits}).");
        }

        _lastArrival = r.ArrivalTicks;
        long serial = ++_arrived;
        GatewayState g = _gateways[r.SourceGateway];

        // Table 4 line 16: replenishment runs in the interval between two key requests; this arrival ends it. Its
        // timer stays parked in the heap until the arrival is handled: the serve usually restarts the replenishment
        // at once (StartStream then moves the timer instead of inserting it anew), else it is cancelled below.
        if (_traits.IdleGaps && g.Supply == SupplyState.Replenish)
        {
            StopStream(g);
            _parkedStream = _n + g.Id;
            StartSupplements();
        }

        bool atOnce = g.Queue.Count == 0 && g.BusyUntil <= _now;
        if (atOnce)
        {
            g.Integrate(_now);
            atOnce = g.Level >= r.KQuaBits;
        }

        if (atOnce)
        {
            ServeAtOnce(g, r.KQuaBits, r.KSec);
        }
        else
        {
            Enqueue(g, in r, serial);
        }

        if (_parkedStream >= 0)
        {
            _timers.Cancel(_parkedStream);
            _parkedStream = -1;
        }
    }

    /// <summary>Queues a request that cannot start at arrival and tries the gateway's head.</summary>
    /// <remarks>
    /// Not inlined into <see cref="Arrive"/>: the 56-byte entry built here would make every arrival set up and zero
    /// a large stack frame, although most arrivals are served at once.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Enqueue(GatewayState g, in SimRequest r, long serial)
    {
        g.Queue.Insert(new WaitingRequest(RequestKeys.InSlot(_traits.RequestOrder, _slots.IndexOf(r.ArrivalTicks), _requestWeights, r), r.KQuaBits, r.KSec, serial));
        g.PendingDemand += r.KQuaBits;
        TryStart(g);
    }

    /// <summary>Starts the next request of a gateway if its slot is free and keys are there; else arranges a wake-up.</summary>
    private void TryStart(GatewayState g)
    {
        if (g.Queue.Count == 0)
        {
            _timers.Cancel(g.Id);
            RequestSupplement(g);
            return;
        }

        if (g.BusyUntil > _now)
        {
            _timers.Set(g.Id, g.BusyUntil);
            return;
        }

        g.Integrate(_now);
        int index = SelectIndex(g);
        ref readonly WaitingRequest head = ref g.Queue.At(index);
        int kQuaBits = head.KQuaBits;
        long serial = head.Serial;
        if (g.Level >= kQuaBits)
        {
            long arrival = head.Key.Arrival;
            int kSec = head.KSec;
            g.Queue.RemoveAt(index);
            g.PendingDemand -= kQuaBits;
            Serve(g, arrival, kQuaBits, kSec, serial);
            return;
        }

        if (g.BlockedSerial != serial)
        {
            g.BlockedSerial = serial;
            g.BlockedSince = _now;
        }

        g.BlockedBits = kQuaBits;
        RequestSupplement(g);
        WaitForKeys(g);
    }

    private int SelectIndex(GatewayState g)
    {
        if (!_traits.FirstFit)
        {
            return 0;
        }

        // KoD-FirstFit: the first waiting request (FIFO) that the pool can serve now; else the head waits.
        for (int i = 0; i < g.Queue.Count; i++)
        {
            if (g.Level >= g.Queue.At(i).KQuaBits)
            {
                return i;
            }
        }

        return 0;
    }

    private void Serve(GatewayState g, long arrival, int kQuaBits, int kSec, long serial)
    {
        long waited = _now - arrival;
        long keyWait = 0;
        if (g.BlockedSerial == serial)
        {
            keyWait = _now - Math.Max(g.BlockedSince, arrival);
            g.BlockedSerial = -1;
        }

        Transmit(g, kQuaBits, kSec, waited - keyWait, keyWait);
        if (g.Queue.Count > 0)
        {
            _timers.Set(g.Id, g.BusyUntil);
        }
        else
        {
            _timers.Cancel(g.Id);
        }

        Resupply(g);
    }

    /// <summary>Serves a request at its arrival tick at a gateway with nothing waiting (about 3 in 4 requests).</summary>
    /// <remarks>
    /// The straight path of <see cref="Serve"/>: no wait of either kind (the request was never blocked), and no
    /// wake-up timer to move or cancel, because a gateway with an empty queue never has one (every path that empties
    /// the queue cancels it, and a fired timer is gone).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ServeAtOnce(GatewayState g, int kQuaBits, int kSec)
    {
        Transmit(g, kQuaBits, kSec, 0, 0);
        Resupply(g);
    }

    /// <summary>Takes the keys, records the delay parts and occupies the QKP slot for T_tra (eq. (8)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Transmit(GatewayState g, int kQuaBits, int kSec, long slotWait, long keyWait)
    {
        g.Consume(kQuaBits);
        long transmission = _transmission.Of(kQuaBits);
        _recorder.Record(kSec, slotWait, keyWait, transmission);
        _served++;
        if (_progress is not null && (_served & 0xFFFF) == 0)
        {
            _progress(_served, _source.ExpectedCount);
        }

        g.BusyUntil = _now + transmission;
        if (g.BusyUntil > _lastCompletion)
        {
            _lastCompletion = g.BusyUntil;
        }
    }

    /// <summary>After a serve took keys: the scheme's re-division of the shared supply, or the pool's supplement check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Resupply(GatewayState g)
    {
        if (_traits.UtilizationShare)
        {
            ResidualAdaptiveRates.Apply(_gateways, _now, _options.CapacityBits, _options.HapChannels, _sharedStreamSet);
        }
        else if (_traits.SlottedShare && !_timers.IsSet(SlottedEntity))
        {
            _timers.Set(SlottedEntity, (_slots.IndexOf(_now) + 1) * _slotTicks);
        }

        RequestSupplement(g);
    }

    /// <summary>Sets the wake-up of a gateway whose head waits for keys to the tick its inflow brings them.</summary>
    private void WaitForKeys(GatewayState g)
    {
        long ready = g.ReadyTick(g.BlockedBits);
        if (ready == long.MaxValue)
        {
            _timers.Cancel(g.Id);
        }
        else
        {
            _timers.Set(g.Id, Math.Max(ready, _now));
        }
    }

    private bool IsWaitingForKeys(GatewayState g) => g.BlockedSerial >= 0 && g.Queue.Count > 0 && g.BusyUntil <= _now;

    /// <summary>The bits due now (0: none) and whether they are a threshold replenishment rather than on demand.</summary>
    private long Due(GatewayState g, out bool replenish)
    {
        long level = g.Level;
        if (g.PendingDemand > level)
        {
            // On demand (Table 4 lines 11-14). In idle-gap timing only the missing bits; the rest waits for a gap.
            replenish = false;
            return _traits.IdleGaps ? g.PendingDemand - level : _policy.RequiredBits(level, g.PendingDemand);
        }

        replenish = true;
        if (!_traits.Thresholds || !_policy.IsBelowLow(level) || (_traits.IdleGaps && g.Queue.Count > 0))
        {
            return 0;
        }

        return _policy.RequiredBits(level, g.PendingDemand);
    }

    /// <summary>Sends the pool's supplement request to the HAP if one is due (core policy amounts).</summary>
    /// <remarks>
    /// The guard is inlined into the callers (about 1.5 calls per request; a pool with a supplement running or queued
    /// needs nothing more), the rest is not.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RequestSupplement(GatewayState g)
    {
        // With no supplement running or queued the pool has no inflow (Integrate would add nothing), so its level is
        // current, and Due can only find bits if the waiting requests need more than the pool holds or the pool is
        // below K_threshold_low (_replenishBelow is 0 without thresholds: a level is never below 0). About 1.5 checks
        // per request, 1.06 of which find nothing: those now cost these compares instead of a call, an
        // integration and Due.
        if (_traits.Requests && g.Supply == SupplyState.None && (g.PendingDemand > g.Level || g.Level < _replenishBelow))
        {
            AskSupplement(g);
        }
    }

    private void AskSupplement(GatewayState g)
    {
        g.Integrate(_now);
        long bits = Due(g, out bool replenish);
        if (bits <= 0)
        {
            return;
        }

        _supplementSequence++;
        if (_freeChannels > 0 && _hap.Count == 0)
        {
            _recorder.SupplementWait.Add(0);
            StartStream(g, bits, replenish);
            return;
        }

        g.Supply = SupplyState.Queued;
        _hap.Insert(new SupplementEntry(SupplementKey(g, bits, replenish), g.Id));
    }

    private OrderKey SupplementKey(GatewayState g, long bits, bool replenish)
    {
        switch (_traits.SupplementOrder)
        {
            case SupplementOrder.Ddka:
                // Eq. (2): an on-demand supplement carries the weight of the request at the head; a replenishment is
                // weighed by its own size at K_sec 0, the least urgent level (as the core's SupplementPolicy.Decide).
                WaitingRequest head = g.Queue.Count > 0 ? g.Queue.At(0) : default;
                double weight = replenish || g.Queue.Count == 0
                    ? _replenishmentWeights.Of(bits)
                    : _supplementWeights.Of(head.KQuaBits, head.KSec);
                return new OrderKey(_slots.IndexOf(_now), weight, _now, g.Id, _supplementSequence);
            case SupplementOrder.LowestLevelFirst:
                return new OrderKey(0, g.Level, _now, g.Id, _supplementSequence);
            default:
                return new OrderKey(0, 0, _now, g.Id, _supplementSequence);
        }
    }

    /// <summary>Gives free HAP channels to waiting supplement requests in the scheme's order, re-evaluating each.</summary>
    private void StartSupplements()
    {
        while (_freeChannels > 0 && _hap.Count > 0)
        {
            ref readonly SupplementEntry entry = ref _hap.At(0);
            GatewayState g = _gateways[entry.Gateway];
            _recorder.SupplementWait.Add(_now - entry.Key.Arrival);
            _hap.RemoveAt(0);
            g.Supply = SupplyState.None;
            g.Integrate(_now);

            // The level and demand may have changed while the request queued (T_wait): ask again what is due.
            long bits = Due(g, out bool replenish);
            if (bits > 0)
            {
                StartStream(g, bits, replenish);
            }
        }
    }

    private void StartStream(GatewayState g, long bits, bool replenish)
    {
        _freeChannels--;
        g.Supply = replenish ? SupplyState.Replenish : SupplyState.OnDemand;
        long end = g.StartStream(_now, g.VGen, bits);
        int entity = _n + g.Id;
        if (entity == _parkedStream)
        {
            // The replenishment this arrival stopped starts again: the same timer as cancel and set, moved once.
            _parkedStream = -1;
            _timers.Reset(entity, end);
        }
        else
        {
            _timers.Set(entity, end);
        }

        if (IsWaitingForKeys(g))
        {
            WaitForKeys(g);
        }
    }

    /// <summary>Stops a running supplement early, frees its HAP channel and cancels its end.</summary>
    private void EndStream(GatewayState g)
    {
        StopStream(g);
        _timers.Cancel(_n + g.Id);
    }

    /// <summary>Stops a running supplement and frees its HAP channel; the caller deals with its end timer.</summary>
    private void StopStream(GatewayState g)
    {
        g.StopStream(_now);
        g.Supply = SupplyState.None;
        _freeChannels++;
    }

    private void FinishStream(GatewayState g)
    {
        if (!_traits.Requests)
        {
            g.StopStream(_now);
            if (_traits.UtilizationShare)
            {
                ResidualAdaptiveRates.Apply(_gateways, _now, _options.CapacityBits, _options.HapChannels, _sharedStreamSet);
            }

            return;
        }

        EndStream(g);
        TryStart(g);
        RequestSupplement(g);
        StartSupplements();
    }

    private void StartSupply()
    {
        if (_traits.Requests)
        {
            // A pool that starts below K_threshold_low is idle, so replenishment may start at once.
            foreach (var gateway in _gateways)
            {
                RequestSupplement(gateway);
            }
        }
        else if (_traits.UtilizationShare)
        {
            ResidualAdaptiveRates.Apply(_gateways, 0, _options.CapacityBits, _options.HapChannels, _sharedStreamSet);
        }
        else if (_traits.SlottedShare)
        {
            _timers.Set(SlottedEntity, 0);
        }
    }

    private void SetSharedStream(GatewayState g, long end)
    {
        g.Supply = SupplyState.Shared;
        if (end == long.MaxValue)
        {
            _timers.Cancel(_n + g.Id);
        }
        else
        {
            _timers.Set(_n + g.Id, end);
        }

        if (IsWaitingForKeys(g))
        {
            WaitForKeys(g);
        }
    }
}
