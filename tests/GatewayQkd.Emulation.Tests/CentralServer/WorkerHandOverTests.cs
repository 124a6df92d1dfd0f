using GatewayQkd.Adapters;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.Tests.CentralServer;

/// <summary>
/// A worker handing gateways over to one that joined (docs/deployment.md): it stops sending to them at once, but lets
/// the new owner have them only once the broker acknowledged every frame it had sent, so the old frames (lower
/// counters) cannot reach a gateway after the new owner's. Two real workers on one SQLite database and real leases; the
/// first worker's bus holds its publishes unacknowledged until the test lets them go.
/// </summary>
public sealed class WorkerHandOverTests : IDisposable
{
    private static readonly ushort[] Gateways = [1, 2, 3, 4];
    private readonly string _folder = Directory.CreateTempSubdirectory("gq-handover-").FullName;
    private readonly ListLog _log = new();

    [Fact]
    public async Task A_Handed_Over_Gateway_Moves_Only_Once_The_Old_Owner_Frames_To_It_Were_Acknowledged()
    {
        var slowBus = new HeldBus();
        await using var first = Worker("w1", slowBus);
        await first.StartAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        foreach (var id in Gateways)
        {
            Assert.NotNull(first.Node.Streams.IssueBlock(id, 16)); // in flight on w1's bus: not acknowledged by its broker
        }

        var fastBus = new HeldBus { Acknowledges = true };
        await using var second = Worker("w2", fastBus);
        await second.StartAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        var stoppedServing = await Eventually.TrueAsync(() => first.Held.Count == 2, TimeSpan.FromSeconds(30));
        var surplus = Gateways.Except(first.Held).ToList();
        await Task.Delay(TimeSpan.FromSeconds(4)); // longer than a lease (3 s): w1 keeps the surplus while its frames wait
        var heldMeanwhile = second.Held.ToList();
        var sentMeanwhile = fastBus.Topics.Count(topic => surplus.Any(id => topic == Topics.Blocks(id)));

        slowBus.Acknowledges = true;
        var moved = await Eventually.TrueAsync(() => second.Held.Count == 2, TimeSpan.FromSeconds(30));

        Assert.True(stoppedServing, $"w1 holds {first.Held.Count} gateways");
        Assert.All(surplus, id => Assert.False(first.Node.Streams.Serves(id), $"w1 still serves gateway {id}"));
        Assert.Empty(heldMeanwhile);
        Assert.Equal(0, sentMeanwhile);
        Assert.True(moved, "w2 never got the handed-over gateways: " + string.Join(" | ", _log.Lines));
        Assert.Equal(surplus, second.Held);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private CentralServerWorker Worker(string name, HeldBus bus)
    {
        var database = DatabaseEngine.Sqlite(Path.Combine(_folder, "shared.sqlite"));
        var store = CentralKeyStore.Open(Path.Combine(_folder, "keys.sqlite"));
        var storage = new DatabaseKeyStorage(database, "central");
        var leases = new GatewayLeases(database);
        var time = TimeProvider.System;
        var services = new CentralServerServices(store, storage, new HostCryptoPrimitives(), new CryptoRandomSource(), bus, _log, new RunCounters(), new TelemetryTracker(time), time);
        var settings = new KeyStreamSettings(Gateways.ToDictionary(id => id, id => Enumerable.Repeat((byte)id, 32).ToArray()), 8192);
        var node = new CentralServerNode(settings, services, leased: true);
        return new CentralServerWorker(node, bus, new LeaseKeeper(leases, name, Gateways, time), _log, leases, storage, store);
    }

    // A bus whose broker acknowledges publishes only while Acknowledges is set (a slow or congested connection).
    private sealed class HeldBus : IRunBus
    {
        private readonly List<string> _topics = [];
        private long _unacknowledged;

        public volatile bool Acknowledges;

        public BusStatistics Statistics { get; } = new();

        public IReadOnlyList<string> Topics
        {
            get
            {
                lock (_topics)
                {
                    return [.. _topics];
                }
            }
        }

        public long Pending => Acknowledges ? 0 : Interlocked.Read(ref _unacknowledged);

        public Task ConnectAsync(TimeSpan? timeout, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<bool> FlushAsync(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Acknowledges && Interlocked.Read(ref _unacknowledged) > 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(10);
            }

            Interlocked.Exchange(ref _unacknowledged, 0);
            return true;
        }

        public void Publish(string topic, byte[] payload)
        {
            lock (_topics)
            {
                _topics.Add(topic);
            }

            if (!Acknowledges)
            {
                Interlocked.Increment(ref _unacknowledged);
            }
        }

        public void Subscribe(string topicFilter)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
