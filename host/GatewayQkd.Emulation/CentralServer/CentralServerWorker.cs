using System.Data.Common;
using System.Diagnostics;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// One of several central-server workers sharing the gateways (docs/deployment.md): a leased
/// <see cref="CentralServerNode"/> on its own MQTT connection and database connections, and a loop that runs its
/// <see cref="LeaseKeeper"/> every <see cref="RoundInterval"/>. A granted lease attaches the gateway's key streams
/// (send counter and replay marks from the shared storage, unacknowledged blocks pushed again from the shared store);
/// a lost one detaches them at once; every renewal moves the local deadline before which the streams may send.
/// Ownership changes hands only through the leases, so at most one worker sends to a gateway at a time.
/// A database error in a round is logged and the round skipped: the streams stop on their deadline by themselves.
/// </summary>
/// <remarks>
/// A gateway handed over (another worker joined, or this one shuts down cleanly) is detached first and its lease
/// released only once this worker's bus has flushed every frame published before (the broker acknowledged them), so
/// those frames reach the gateway before any of the new owner's, whose counters are higher (the gateway's replay guard
/// would refuse the old ones). NATS acknowledges an MQTT QoS 1 publish only after storing it in its JetStream stream
/// (nats-io/nats-server v2.9.10 server/mqtt.go:675-678 and :3046-3049), from which a subscriber's consumer delivers in
/// stream order. A flush that does not finish keeps the leases (renewed, unserved) and is tried again next round.
/// </remarks>
public sealed class CentralServerWorker : IAsyncDisposable
{
    /// <summary>Time between two lease rounds (a sixth of the default 3 s lease: several renewals before the fence).</summary>
    public static readonly TimeSpan RoundInterval = TimeSpan.FromMilliseconds(500);

    // A lease round slower than this is logged (half the default margin).
    private static readonly TimeSpan SlowRound = TimeSpan.FromMilliseconds(500);

    // How long a round waits for its frames to gateways being handed over to leave before it tries again next round.
    private static readonly TimeSpan HandOverFlush = TimeSpan.FromSeconds(1);

    private readonly IRunBus _bus;
    private readonly LeaseKeeper _keeper;
    private readonly ILog _log;
    private readonly IDisposable[] _owned;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private ushort[] _held = [];
    private bool _stopped;

    /// <summary>
    /// Creates worker <paramref name="keeper"/>.Worker serving through <paramref name="node"/> (created leased) on
    /// <paramref name="bus"/>; <paramref name="owned"/> (its database connections) are closed when it stops.
    /// </summary>
    public CentralServerWorker(CentralServerNode node, IRunBus bus, LeaseKeeper keeper, ILog log, params IDisposable[] owned)
    {
        Node = node ?? throw new ArgumentNullException(nameof(node));
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _keeper = keeper ?? throw new ArgumentNullException(nameof(keeper));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _owned = owned ?? [];
        _keeper.Lost += (_, lease) => Node.Streams.Detach(lease.GatewayId);
    }

    /// <summary>Gets the worker's name (its lease owner name).</summary>
    public string Name => _keeper.Worker;

    /// <summary>Gets the worker's central server.</summary>
    public CentralServerNode Node { get; }

    /// <summary>Gets the gateways whose leases this worker held after its last round (none once stopped).</summary>
    public IReadOnlyList<ushort> Held => Volatile.Read(ref _held);

    /// <summary>Gets whether the worker runs (started and neither killed nor disposed).</summary>
    public bool IsRunning => _loop is not null && !_stopped;

    /// <summary>Connects, subscribes, takes its first leases and starts the lease loop.</summary>
    public async Task StartAsync(TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        await _bus.ConnectAsync(connectTimeout, cancellationToken).ConfigureAwait(false);
        Node.Start();
        await _bus.FlushOrLogAsync(TimeSpan.FromSeconds(10), _log, LogLevel.Error, $"central server worker {Name} start").ConfigureAwait(false);
        await RunRoundAsync().ConfigureAwait(false);
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Ends the worker as a crash would: it stops sending at once and its connections close, but its leases are not
    /// released, so the other workers take its gateways only once they lapse (one lease time).
    /// </summary>
    public async Task KillAsync()
    {
        await StopLoopAsync().ConfigureAwait(false);
        Node.Streams.DetachAll();
        await CloseAsync().ConfigureAwait(false);
        _log.Write(LogLevel.Warning, $"Central server worker {Name} killed (its leases lapse).");
    }

    /// <summary>
    /// A clean shutdown: stops serving every gateway, waits for its frames to leave, then hands every lease over at once
    /// (if they did not leave in time, the leases are left to lapse) and closes the connections.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        await StopLoopAsync().ConfigureAwait(false);
        _keeper.StopServing();
        Node.Streams.DetachAll();
        if (await _bus.FlushOrLogAsync(TimeSpan.FromSeconds(2), _log, LogLevel.Warning, $"central server worker {Name} stopping (its leases lapse)").ConfigureAwait(false))
        {
            try
            {
                _keeper.ReleaseAll();
            }
            catch (DbException e)
            {
                _log.Write(LogLevel.Warning, $"Central server worker {Name} could not release its leases ({e.Message}); they lapse.");
            }
        }

        await CloseAsync().ConfigureAwait(false);
    }

    private async Task StopLoopAsync()
    {
        _stopped = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task CloseAsync()
    {
        Volatile.Write(ref _held, []);
        await _bus.DisposeAsync().ConfigureAwait(false);
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(RoundInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                await RunRoundAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task RunRoundAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _keeper.Round();
            if (Stopwatch.GetElapsedTime(started) > SlowRound)
            {
                // a round this slow eats the margin: leases renewed early in it reach their local deadline sooner
                _log.Write(LogLevel.Warning, $"Central server worker {Name}: a lease round took {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s for {_keeper.Held.Count} gateways.");
            }
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            // the database is unreachable or busy: renew nothing; the streams stop on their deadlines by themselves
            _log.Write(LogLevel.Warning, $"Central server worker {Name}: lease round failed ({e.Message}).");
            _keeper.Fence();
        }

        foreach (var id in _keeper.Held)
        {
            try
            {
                // a new lease attaches (and pushes what the store holds unacknowledged), a renewed one moves the deadline;
                // an attach that failed is tried again next round, so no held gateway stays unserved
                Node.Streams.Attach(id, _keeper.ServeFor(id));
            }
            catch (Exception e) when (e is DbException or Kms.Store.KeyStoreException or IOException)
            {
                _log.Write(LogLevel.Warning, $"Central server worker {Name} could not attach gateway {id} ({e.Message}); it tries again next round.");
            }
        }

        Volatile.Write(ref _held, [.. _keeper.Held]);
        if (_keeper.HandingOver.Count > 0)
        {
            await HandOverAsync().ConfigureAwait(false);
        }
    }

    // The surplus was detached in this round (the keeper's Lost): release its leases once what was sent to it has left.
    private async Task HandOverAsync()
    {
        if (!await _bus.FlushOrLogAsync(HandOverFlush, _log, LogLevel.Info, $"central server worker {Name} handing over gateways {string.Join(", ", _keeper.HandingOver)} (tried again next round)").ConfigureAwait(false))
        {
            return;
        }

        try
        {
            _keeper.ReleaseHandedOver();
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            _log.Write(LogLevel.Warning, $"Central server worker {Name} could not release the gateways it hands over ({e.Message}); it tries again next round.");
        }
    }
}
