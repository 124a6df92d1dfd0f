namespace GatewayQkd.Kms.Cluster;

/// <summary>
/// One worker's side of the gateway leases: each <see cref="Round"/> it renews what it holds, drops what it lost or
/// could not renew in time, and takes free or lapsed gateways up to its fair share (all gateways divided by the live
/// workers, rounded up), so a dead worker's gateways move to the others within one lease time. The caller serves
/// exactly the gateways of <see cref="Held"/> between rounds and starts or stops serving on <see cref="Gained"/> and
/// <see cref="Lost"/>. Not thread-safe: one loop calls it.
/// </summary>
/// <remarks>
/// Handing a gateway over (a worker joined, so the fair share shrank) is two steps, so the new owner's frames never
/// overtake the old owner's: the round stops serving the surplus (<see cref="Lost"/>) but keeps renewing its leases
/// (<see cref="HandingOver"/>); the caller makes sure every frame it sent to those gateways has left (its broker
/// acknowledged them), then calls <see cref="ReleaseHandedOver"/>. Only then can another worker acquire them, with a
/// higher epoch. A worker that dies in between leaves the leases to lapse, as any crash does.
/// </remarks>
public sealed class LeaseKeeper
{
    private readonly GatewayLeases _leases;
    private readonly TimeProvider _time;
    private readonly LeaseKeeperSettings _settings;
    private readonly ushort[] _gateways;
    private readonly Dictionary<ushort, (GatewayLease Lease, long RenewedAt)> _held = [];
    private readonly Dictionary<ushort, GatewayLease> _handingOver = [];

    /// <summary>Creates the keeper of worker <paramref name="worker"/> for <paramref name="gateways"/>.</summary>
    public LeaseKeeper(GatewayLeases leases, string worker, IReadOnlyList<ushort> gateways, TimeProvider time, LeaseKeeperSettings? settings = null)
    {
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        ArgumentException.ThrowIfNullOrEmpty(worker);
        ArgumentNullException.ThrowIfNull(gateways);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _settings = settings ?? LeaseKeeperSettings.Default;
        if (_settings.Margin >= _settings.Ttl)
        {
            throw new ArgumentException($"The lease margin ({_settings.Margin}) must be shorter than the lease time ({_settings.Ttl}).", nameof(settings));
        }

        Worker = worker;
        _gateways = [.. gateways.Distinct().Order()];
    }

    /// <summary>Raised when this worker starts holding a gateway (serve it from now on).</summary>
    public event EventHandler<GatewayLease>? Gained;

    /// <summary>Raised when this worker must stop serving a gateway (taken over, or not renewed in time).</summary>
    public event EventHandler<GatewayLease>? Lost;

    /// <summary>Gets the worker's name.</summary>
    public string Worker { get; }

    /// <summary>Gets the gateways this worker may serve now, in order.</summary>
    public IReadOnlyList<ushort> Held => [.. _held.Keys.Order()];

    /// <summary>
    /// Gets the gateways this worker no longer serves but still holds, renewed each round, until
    /// <see cref="ReleaseHandedOver"/> gives them up: its surplus, while what it sent them may still be on its way.
    /// </summary>
    public IReadOnlyList<ushort> HandingOver => [.. _handingOver.Keys.Order()];

    /// <summary>Gets the number of live workers seen in the last round.</summary>
    public int LiveWorkers { get; private set; }

    /// <summary>
    /// Returns how much longer this worker may serve <paramref name="gatewayId"/> by its own monotonic clock: the lease
    /// time minus the margin, counted from the start of its last successful renewal (zero when not held). A server that
    /// checks this deadline before each send stops on time even when the rounds stall.
    /// </summary>
    public TimeSpan ServeFor(ushort gatewayId)
    {
        if (!_held.TryGetValue(gatewayId, out var held))
        {
            return TimeSpan.Zero;
        }

        var left = _settings.Ttl - _settings.Margin - _time.GetElapsedTime(held.RenewedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// Drops gateways whose last renewal is older than the lease time minus the margin, by this worker's monotonic
    /// clock, without touching the database: call it before serving when a round may have failed (database unreachable).
    /// </summary>
    public void Fence()
    {
        var limit = _settings.Ttl - _settings.Margin;
        foreach (var (id, (lease, renewedAt)) in _held.ToList())
        {
            if (_time.GetElapsedTime(renewedAt) >= limit)
            {
                Drop(id, lease);
            }
        }
    }

    /// <summary>One round: heartbeat, renew, fence, hand over any surplus, then take gateways up to the fair share.</summary>
    public void Round()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var ttl = (long)_settings.Ttl.TotalMilliseconds;
        LiveWorkers = Math.Max(1, _leases.Heartbeat(Worker, now, ttl));
        // one transaction renews what is served and what is being handed over (kept, unserved, until the caller's frames
        // to it have left); the stamp is taken before it, so the local deadline never outlasts the lease
        var renewedAt = _time.GetTimestamp();
        var renewed = _leases.RenewAll([.. _held.Values.Select(h => h.Lease), .. _handingOver.Values], now, ttl).ToDictionary(l => l.GatewayId);
        foreach (var (id, (lease, _)) in _held.ToList())
        {
            if (renewed.TryGetValue(id, out var again))
            {
                _held[id] = (again, renewedAt);
            }
            else
            {
                Drop(id, lease);
            }
        }

        foreach (var id in _handingOver.Keys.ToList())
        {
            if (renewed.TryGetValue(id, out var again))
            {
                _handingOver[id] = again;
            }
            else
            {
                _handingOver.Remove(id); // lost meanwhile: nothing to release
            }
        }

        Fence();
        var share = (_gateways.Length + LiveWorkers - 1) / LiveWorkers;
        foreach (var id in _held.Keys.Order().Skip(share).ToList())
        {
            // more than the fair share (a worker joined): stop serving the surplus now, release it once its frames left
            var lease = _held[id].Lease;
            Drop(id, lease);
            _handingOver[id] = lease;
        }

        foreach (var id in _gateways)
        {
            if (_held.Count >= share)
            {
                break;
            }

            if (_held.ContainsKey(id) || _handingOver.ContainsKey(id))
            {
                continue;
            }

            var acquiredAt = _time.GetTimestamp();
            if (_leases.TryAcquire(id, Worker, now, ttl) is { } lease)
            {
                _held[id] = (lease, acquiredAt);
                Gained?.Invoke(this, lease);
            }
        }
    }

    /// <summary>
    /// Gives up the leases of <see cref="HandingOver"/> (call once every frame sent to those gateways has left), so
    /// other workers can take them at once. A lease taken over meanwhile is not touched (the release names its epoch).
    /// </summary>
    public void ReleaseHandedOver()
    {
        foreach (var (id, lease) in _handingOver.ToList())
        {
            _leases.Release(lease);
            _handingOver.Remove(id);
        }
    }

    /// <summary>
    /// Stops serving every gateway (<see cref="Lost"/> for each) and hands all over as <see cref="HandingOver"/>: the
    /// first step of a clean shutdown; <see cref="ReleaseAll"/> is the second, once the frames left.
    /// </summary>
    public void StopServing()
    {
        foreach (var (id, (lease, _)) in _held.ToList())
        {
            Drop(id, lease);
            _handingOver[id] = lease;
        }
    }

    /// <summary>
    /// Gives every lease up at once and leaves the worker list (a clean shutdown: others take over without waiting).
    /// Call <see cref="StopServing"/> first and wait for the frames sent to leave, or the next owner's may overtake them.
    /// </summary>
    public void ReleaseAll()
    {
        StopServing();
        ReleaseHandedOver();
        _leases.Leave(Worker);
    }

    private void Drop(ushort id, GatewayLease lease)
    {
        _held.Remove(id);
        Lost?.Invoke(this, lease);
    }
}
