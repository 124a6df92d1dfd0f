using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Channel.Network;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Hap;

/// <summary>
/// The HAP: each step it reads every link's key rate from the key rate source, shares its link time among the
/// gateways (<see cref="LinkTimeScheduler"/>: supplements first in DDKA order, the rest as idle replenishment), turns
/// link time into key bits, and has the central server issue whole blocks, never more than a gateway's pool has room
/// for. Supplements are kept in the core's <see cref="OrderedQueue"/> with the <see cref="DdkaOrderComparer"/> and
/// leave it when the bits they asked for were generated. Called from one thread (the run loop); supplements arrive
/// from the central server under its lock and are queued under this object's lock.
/// </summary>
public sealed class HapEmulator : IHap
{
    private readonly object _sync = new();
    private readonly IKeyStreams _server;
    private readonly IGatewayLinkRates _rates;
    private readonly LinkTimeScheduler _scheduler;
    private readonly OrderedQueue _supplements;
    private readonly int _blockBytes;
    private readonly IReadOnlyList<ushort> _gateways;
    // Per-step state by gateway position (the order of _gateways), kept between steps: the dictionaries each step
    // built over every gateway (conditions, room, link time, generated bits) were 1.4-2.9 KB per key delivered at
    // 1,000 gateways, 50 steps a second (`bench capacity` allocation table, docs/benchmarks-emulation.md).
    private readonly Dictionary<ushort, int> _position;
    private readonly KeyBitAccumulator[] _accumulatorAt;
    private readonly LinkCondition[] _conditions;
    private readonly double[] _rate;
    private readonly double[] _room;
    private readonly bool[] _accepts;
    private readonly double[] _time;
    private readonly double[] _generated;
    private readonly List<(int Position, double BitsNeeded)> _demands = [];
    private readonly Dictionary<ushort, (LinkCondition Condition, double Share)> _last = [];
    private readonly Dictionary<ushort, double> _linkSeconds = [];
    private readonly Dictionary<GatewayPair, KeyBitAccumulator> _pairAccumulators;
    private readonly double _pairShare;
    private double _lastSeconds = double.NaN;

    /// <summary>Creates the HAP for the gateways of the central server's <paramref name="streams"/>.</summary>
    public HapEmulator(IKeyStreams streams, IGatewayLinkRates rates, HapParameters parameters)
    {
        _server = streams ?? throw new ArgumentNullException(nameof(streams));
        _rates = rates ?? throw new ArgumentNullException(nameof(rates));
        ArgumentNullException.ThrowIfNull(parameters);
        _scheduler = new LinkTimeScheduler(parameters.Terminals);
        _supplements = new OrderedQueue(new DdkaOrderComparer(parameters.SlotMilliseconds, parameters.TradeOff), 16);
        _blockBytes = parameters.BlockBytes;
        _gateways = streams.GatewayIds;
        _position = Enumerable.Range(0, _gateways.Count).ToDictionary(i => _gateways[i]);
        _accumulatorAt = [.. _gateways.Select(_ => new KeyBitAccumulator(_blockBytes))];
        _conditions = new LinkCondition[_gateways.Count];
        _rate = new double[_gateways.Count];
        _room = new double[_gateways.Count];
        _accepts = new bool[_gateways.Count];
        _time = new double[_gateways.Count];
        _generated = new double[_gateways.Count];
        _pairAccumulators = streams.Pairs.ToDictionary(p => p, _ => new KeyBitAccumulator(_blockBytes));
        _pairShare = streams.Pairs.Count > 0 ? parameters.PairLinkShare : 0;
        if (_pairShare is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.PairLinkShare, "The pair link share must be in [0, 1).");
        }
        streams.SupplementReceived += OnSupplement;
    }

    /// <inheritdoc />
    public int PendingSupplements
    {
        get
        {
            lock (_sync)
            {
                return _supplements.Count;
            }
        }
    }

    /// <inheritdoc />
    public (LinkCondition Condition, double Share) LastLink(ushort gatewayId)
    {
        lock (_sync)
        {
            return _last.TryGetValue(gatewayId, out var value) ? value : (new LinkCondition(0, double.NaN), 0);
        }
    }

    /// <summary>
    /// Returns the link time (emulated seconds) the HAP has spent on a gateway's link since the start: the time series
    /// divides its growth by the emulated time between two samples (link_share), since a single step's share is 0
    /// whenever the pool was full in that 20 ms step.
    /// </summary>
    public double LinkSeconds(ushort gatewayId)
    {
        lock (_sync)
        {
            return _linkSeconds.GetValueOrDefault(gatewayId);
        }
    }

    /// <inheritdoc />
    public int Step(double emulatedSeconds)
    {
        var dt = double.IsNaN(_lastSeconds) ? 0 : Math.Max(0, emulatedSeconds - _lastSeconds);
        _lastSeconds = emulatedSeconds;
        var n = _gateways.Count;
        var blockBits = _blockBytes * 8;
        for (var i = 0; i < n; i++)
        {
            var g = _gateways[i];
            _conditions[i] = _rates.At(g, emulatedSeconds);
            _rate[i] = _conditions[i].KeyRateBitsPerSecond;
            var room = _server.RoomBits(g) - (long)_accumulatorAt[i].Bits;
            _room[i] = room;
            _accepts[i] = room >= blockBits;
        }

        _demands.Clear();
        lock (_sync)
        {
            for (var i = 0; i < _supplements.Count; i++)
            {
                var s = (PendingSupplement)_supplements.ItemAt(i);
                _demands.Add((_position.GetValueOrDefault(s.GatewayId, -1), s.BitsNeeded));
            }
        }

        _scheduler.Allocate(dt * (1 - _pairShare), _rate, _accepts, _room, _demands, _time);

        var issued = 0;
        for (var i = 0; i < n; i++)
        {
            var g = _gateways[i];
            var bits = _time[i] * _rate[i];
            _generated[i] = bits;
            var accumulator = _accumulatorAt[i];
            accumulator.Add(bits);
            var blocks = accumulator.TakeBlocks((int)Math.Max(0, _server.RoomBits(g) / blockBits));
            for (var b = 0; b < blocks; b++)
            {
                _server.IssueBlock(g, _blockBytes);
            }

            issued += blocks;
        }

        issued += RelayPairs(dt);
        lock (_sync)
        {
            for (var i = 0; i < n; i++)
            {
                var g = _gateways[i];
                _last[g] = (_conditions[i], dt > 0 ? _time[i] / dt : 0);
                _linkSeconds[g] = _linkSeconds.GetValueOrDefault(g) + _time[i];
            }

            Settle();
        }

        return issued;
    }

    // Gateway-to-gateway keys (DDKA paper s2.3): each pair gets its share of link time on both its links (split among
    // the pairs a link is in); a relayed bit costs a bit on each link, so the pair's rate is the trusted-relay rate of
    // the two (Channel.Network.TrustedRelay). Time is spent only while both pools and the pair's stream have room.
    private int RelayPairs(double dt)
    {
        var issued = 0;
        var blockBits = _blockBytes * 8;
        foreach (var (pair, accumulator) in _pairAccumulators)
        {
            var room = _server.PairRoomBits(pair) - (long)accumulator.Bits;
            if (room < blockBits)
            {
                continue;
            }

            var sharing = Math.Max(_pairAccumulators.Keys.Count(p => p.Has(pair.Lower)), _pairAccumulators.Keys.Count(p => p.Has(pair.Higher)));
            var rate = TrustedRelay.KeyRate(_conditions[_position[pair.Lower]].KeyRateBitsPerSecond, _conditions[_position[pair.Higher]].KeyRateBitsPerSecond);
            accumulator.Add(rate * dt * _pairShare / sharing);
            var blocks = accumulator.TakeBlocks((int)Math.Max(0, _server.PairRoomBits(pair) / blockBits));
            for (var i = 0; i < blocks; i++)
            {
                _server.IssuePairBlock(pair, _blockBytes);
            }

            issued += blocks;
        }

        return issued;
    }

    // Deducts the step's generated bits (_generated, by position) from the gateways' supplements in queue order; a
    // satisfied supplement leaves the queue.
    private void Settle()
    {
        for (var i = 0; i < _supplements.Count;)
        {
            var s = (PendingSupplement)_supplements.ItemAt(i);
            var g = _position.GetValueOrDefault(s.GatewayId, -1);
            var generated = g < 0 ? 0 : _generated[g];
            var take = Math.Min(s.BitsNeeded, generated);
            s.BitsNeeded -= take;
            if (g >= 0)
            {
                _generated[g] = generated - take;
            }

            if (s.BitsNeeded <= 0)
            {
                _supplements.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    private void OnSupplement(object? sender, SupplementReceivedEventArgs e)
    {
        var (gatewayId, counter, message) = (e.GatewayId, e.Counter, e.Message);
        var arrival = (long)(_lastSeconds is double t && !double.IsNaN(t) ? t * 1000 : 0);
        lock (_sync)
        {
            // One supplement per gateway at a time: a newer request replaces the older one (it carries the newer
            // level and demand) but keeps the older arrival time, so repeating a request never loses its place.
            for (var i = 0; i < _supplements.Count; i++)
            {
                var older = (PendingSupplement)_supplements.ItemAt(i);
                if (older.GatewayId == gatewayId)
                {
                    arrival = older.ArrivalTime;
                    _supplements.RemoveAt(i);
                    break;
                }
            }

            _supplements.Enqueue(new PendingSupplement(gatewayId, counter, arrival, (int)message.WeightQuantityBits, message.WeightSecurityLevel, message.RequestedBits));
        }
    }
}
