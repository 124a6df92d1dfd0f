using System.Data.Common;

namespace GatewayQkd.Kms.Cluster;

/// <summary>
/// Which central-server worker owns which gateway's key streams: one row per gateway (owner, epoch, expiry) in the
/// shared database, and one row per worker (its heartbeat), so every worker can count the live ones and take its share.
/// </summary>
/// <remarks>
/// Acquiring is one atomic upsert that succeeds only when the row is missing or lapsed (an UPDATE's WHERE is re-checked on
/// the locked row in PostgreSQL under READ COMMITTED, and SQLite runs one writer at a time), so two workers can never
/// both win a gateway; each win raises the epoch. Renewing succeeds only for the owner of the current epoch.
/// Expiry is in the writers' wall clocks: a worker stops serving a gateway once its last successful renewal is older than
/// <c>ttl - margin</c> by its own monotonic clock (the "lease with a local safety margin" of Gray and Cheriton, SOSP 1989),
/// so with clocks within the margin of each other a new owner starts only after the old one stopped.
/// </remarks>
public sealed class GatewayLeases : IDisposable
{
    private readonly Lock _gate = new();
    private readonly DbConnection _connection;

    /// <summary>Opens the lease tables in <paramref name="engine"/>, creating them if needed.</summary>
    public GatewayLeases(DatabaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _connection = engine.Open();
        DbCommands.Execute(_connection,
            "CREATE TABLE IF NOT EXISTS gateway_leases (gateway_id INTEGER PRIMARY KEY, owner TEXT NOT NULL, epoch BIGINT NOT NULL, expires_ms BIGINT NOT NULL);" +
            "CREATE TABLE IF NOT EXISTS central_workers (name TEXT PRIMARY KEY, expires_ms BIGINT NOT NULL);",
            null);
    }

    /// <summary>
    /// Takes <paramref name="gatewayId"/> for <paramref name="worker"/> until <paramref name="nowMs"/> + <paramref name="ttlMs"/>
    /// if nobody holds it or its lease lapsed; returns the lease, or null when another worker holds it.
    /// </summary>
    public GatewayLease? TryAcquire(ushort gatewayId, string worker, long nowMs, long ttlMs)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        lock (_gate)
        {
            using var command = DbCommands.Create(_connection,
                "INSERT INTO gateway_leases (gateway_id, owner, epoch, expires_ms) VALUES (@g, @w, 1, @e) " +
                "ON CONFLICT (gateway_id) DO UPDATE SET owner = @w, epoch = gateway_leases.epoch + 1, expires_ms = @e " +
                "WHERE gateway_leases.expires_ms <= @now RETURNING epoch",
                null, ("@g", (int)gatewayId), ("@w", worker), ("@e", nowMs + ttlMs), ("@now", nowMs));
            var epoch = command.ExecuteScalar();
            return epoch is null or DBNull ? null : new GatewayLease(gatewayId, worker, Convert.ToInt64(epoch, System.Globalization.CultureInfo.InvariantCulture), nowMs + ttlMs);
        }
    }

    /// <summary>Extends <paramref name="lease"/> to <paramref name="nowMs"/> + <paramref name="ttlMs"/>; null when it was lost (taken over).</summary>
    public GatewayLease? Renew(GatewayLease lease, long nowMs, long ttlMs)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return RenewAll([lease], nowMs, ttlMs).Count == 1 ? lease with { ExpiresMs = nowMs + ttlMs } : null;
    }

    /// <summary>
    /// Extends every one of <paramref name="leases"/> to <paramref name="nowMs"/> + <paramref name="ttlMs"/> in one
    /// transaction (one commit, so one log flush, for a worker's whole share: renewing 100 leases one commit each took
    /// longer than the 2 s a renewal lets a worker serve at load average 40, and its gateways flapped); returns the
    /// renewed ones, without those lost (taken over).
    /// </summary>
    public IReadOnlyList<GatewayLease> RenewAll(IReadOnlyCollection<GatewayLease> leases, long nowMs, long ttlMs)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var renewed = new List<GatewayLease>(leases.Count);
        if (leases.Count == 0)
        {
            return renewed;
        }

        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var lease in leases)
            {
                var rows = DbCommands.Execute(_connection,
                    "UPDATE gateway_leases SET expires_ms = @e WHERE gateway_id = @g AND owner = @w AND epoch = @epoch",
                    transaction, ("@e", nowMs + ttlMs), ("@g", (int)lease.GatewayId), ("@w", lease.Owner), ("@epoch", lease.Epoch));
                if (rows == 1)
                {
                    renewed.Add(lease with { ExpiresMs = nowMs + ttlMs });
                }
            }

            transaction.Commit();
        }

        return renewed;
    }

    /// <summary>Gives <paramref name="lease"/> up at once (a worker shutting down cleanly), so another worker need not wait for it to lapse.</summary>
    public void Release(GatewayLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            DbCommands.Execute(_connection,
                "UPDATE gateway_leases SET expires_ms = 0 WHERE gateway_id = @g AND owner = @w AND epoch = @epoch",
                null, ("@g", (int)lease.GatewayId), ("@w", lease.Owner), ("@epoch", lease.Epoch));
        }
    }

    /// <summary>Returns the current lease of <paramref name="gatewayId"/> (lapsed or not), or null if it never had one.</summary>
    public GatewayLease? Get(ushort gatewayId)
    {
        lock (_gate)
        {
            using var command = DbCommands.Create(_connection,
                "SELECT owner, epoch, expires_ms FROM gateway_leases WHERE gateway_id = @g", null, ("@g", (int)gatewayId));
            using var reader = command.ExecuteReader();
            return reader.Read() ? new GatewayLease(gatewayId, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
        }
    }

    /// <summary>Records that <paramref name="worker"/> is alive until <paramref name="nowMs"/> + <paramref name="ttlMs"/>, and returns how many workers are alive now.</summary>
    public int Heartbeat(string worker, long nowMs, long ttlMs)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        lock (_gate)
        {
            DbCommands.Execute(_connection,
                "INSERT INTO central_workers (name, expires_ms) VALUES (@w, @e) ON CONFLICT (name) DO UPDATE SET expires_ms = @e",
                null, ("@w", worker), ("@e", nowMs + ttlMs));
            using var count = DbCommands.Create(_connection, "SELECT COUNT(*) FROM central_workers WHERE expires_ms > @now", null, ("@now", nowMs));
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Removes <paramref name="worker"/>'s heartbeat (a clean shutdown).</summary>
    public void Leave(string worker)
    {
        lock (_gate)
        {
            DbCommands.Execute(_connection, "DELETE FROM central_workers WHERE name = @w", null, ("@w", worker));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
