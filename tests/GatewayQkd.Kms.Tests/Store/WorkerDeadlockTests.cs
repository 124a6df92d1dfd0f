using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;
using Npgsql;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// PostgreSQL runs two workers' transactions side by side, so two of them can lock the same two streams in opposite
/// orders; the server then aborts one (a deadlock). The store runs that batch again instead of failing its calls.
/// </summary>
public sealed class WorkerDeadlockTests(EngineFixture engines) : IClassFixture<EngineFixture>
{
    private const ushort Cs = 0;
    private const ushort Gateway = 7;

    [Fact]
    public async Task A_Deadlock_With_Another_Worker_Runs_The_Batch_Again_And_Reports_Only_The_Calls_Own_Outcome()
    {
        var database = engines.Create("postgres");
        // The store's server process checks for a deadlock after waiting 15 s (the other side waits 300 s), so the store
        // is the one the server aborts, and the test has 15 s to close the cycle. A waiter checks only once
        // (postgres/postgres src/backend/storage/lmgr/proc.c, ProcSleep arms DEADLOCK_TIMEOUT once per wait): with 3 s the
        // cycle closed too late on a loaded machine, the store's one check found nothing, and the other side was aborted.
        using var store = CentralKeyStore.Open(DatabaseEngine.Postgres(database.ConnectionString + ";Options=-c deadlock_timeout=15000"));
        store.AppendBlock(Gateway, Cs, new byte[64]);
        store.ReserveForEtsi014(Gateway, Cs, new byte[64]);
        var issued = Assert.Single(store.DeliverToMaster(Cs, Gateway, 16, 1));
        var onSensorsStream = new GatewayKeyId(Gateway, new KeyRange(Cs, 0, 16)); // never issued to a slave: NotIssued

        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await Execute(other, "SET deadlock_timeout = '300s'");
        await using var otherWork = await other.BeginTransactionAsync();
        await Execute(other, "SELECT 1 FROM streams WHERE gateway = 7 AND peer = 0 AND stream_use = 0 FOR UPDATE");

        // The store locks the reservation's stream (first id), then waits for the sensors' stream held above.
        var call = Task.Run(() => store.DeliverToSlave(Gateway, Cs, [issued.Id, onSensorsStream]));
        await WaitUntil(() => Waiting(database) == 1, "the store waiting for the sensors' stream");
        var closing = Execute(other, "SELECT 1 FROM streams WHERE gateway = 7 AND peer = 0 AND stream_use = 1 FOR UPDATE");
        await WaitUntil(() => store.Retries == 1 || call.IsCompleted, "the store's batch aborted by the deadlock");
        await closing;
        await otherWork.RollbackAsync();

        var refused = await Assert.ThrowsAsync<KeyStoreException>(() => call); // not the deadlock's PostgresException
        Assert.Equal(1, store.Retries);
        Assert.Equal(KeyStoreError.NotIssued, refused.Error);
        Assert.Equal(1, store.GetPendingDeliveries(Gateway, Cs));
        Assert.Equal(issued.Key, Assert.Single(store.DeliverToSlave(Gateway, Cs, [issued.Id])).Key);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Server processes of this database waiting for a lock (read on a connection of its own: pg_stat_activity is a
    // snapshot per transaction).
    private static long Waiting(DatabaseEngine database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
