using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Scheduling;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Links;

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
    private readonly Dictionary<ushort, KeyBitAccumulator> _accumulators;
    private readonly Dictionary<ushort, (LinkCondition Condition, double Share)> _last = [];
    private readonly Dictionary<ushort, double> _linkSeconds = [];
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
        _accumulators = _gateways.ToDictionary(g => g, _ => new KeyBitAccumulator(_blockBytes));
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
        var conditions = _gateways.ToDictionary(g => g, g => _rates.At(g, emulatedSeconds));
        var room = _gateways.ToDictionary(g => g, g => _server.RoomBits(g) - (long)_accumulators[g].Bits);
        List<PendingSupplement> queued;
        lock (_sync)
        {
            queued = [.. Enumerable.Range(0, _supplements.Count).Select(i => (PendingSupplement)_supplements.ItemAt(i))];
        }

        var time = _scheduler.Allocate(
            dt,
            _gateways,
            [.. queued.Select(s => new LinkDemand(s.GatewayId, s.BitsNeeded))],
            g => conditions[g].KeyRateBitsPerSecond,
            g => room[g] >= _blockBytes * 8,
            g => room[g]);

        var issued = 0;
        var generated = new Dictionary<ushort, double>();
        foreach (var g in _gateways)
        {
            var bits = time[g] * conditions[g].KeyRateBitsPerSecond;
            generated[g] = bits;
            var accumulator = _accumulators[g];
            accumulator.Add(bits);
            var blocks = accumulator.TakeBlocks((int)Math.Max(0, _server.RoomBits(g) / (_blockBytes * 8)));
            for (var i = 0; i < blocks; i++)
            {
                _server.IssueBlock(g, _blockBytes);
            }

            issued += blocks;
        }

        lock (_sync)
        {
            foreach (var g in _gateways)
            {
                _last[g] = (conditions[g], dt > 0 ? time[g] / dt : 0);
                _linkSeconds[g] = _linkSeconds.GetValueOrDefault(g) + time[g];
            }

            Settle(generated);
        }

        return issued;
    }

    // Deducts generated bits from the gateway's supplements in queue order; a satisfied supplement leaves the queue.
    private void Settle(Dictionary<ushort, double> generated)
    {
        for (var i = 0; i < _supplements.Count;)
        {
            var s = (PendingSupplement)_supplements.ItemAt(i);
            var take = Math.Min(s.BitsNeeded, generated.GetValueOrDefault(s.GatewayId));
            s.BitsNeeded -= take;
            generated[s.GatewayId] = generated.GetValueOrDefault(s.GatewayId) - take;
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
