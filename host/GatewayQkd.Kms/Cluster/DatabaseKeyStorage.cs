using System.Data.Common;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Kms.Cluster;

/// <summary>
/// The core's <see cref="IKeyStorage"/> port on a table of the shared database: where the central server's per-gateway
/// link state (send counters "sc-auth-N", replay marks "rg-auth-N") lives when several workers take turns serving a
/// gateway, so the worker that takes a gateway over continues its counters instead of starting again (which the
/// gateway would refuse as replays). Each call is one transaction, committed on return, as the port's contract asks.
/// </summary>
public sealed class DatabaseKeyStorage : IKeyStorage, IDisposable
{
    private readonly Lock _gate = new();
    private readonly DbConnection _connection;
    private readonly string _scope;

    /// <summary>Opens the files of <paramref name="scope"/> (e.g. "central") in <paramref name="engine"/>, creating the table if needed.</summary>
    public DatabaseKeyStorage(DatabaseEngine engine, string scope)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        _scope = scope;
        _connection = engine.Open();
        DbCommands.Execute(_connection,
            $"CREATE TABLE IF NOT EXISTS node_files (scope TEXT NOT NULL, name TEXT NOT NULL, data {engine.BlobType} NOT NULL, PRIMARY KEY (scope, name))",
            null);
    }

    /// <inheritdoc />
    public string[] ListFiles()
    {
        lock (_gate)
        {
            using var command = DbCommands.Create(_connection, "SELECT name FROM node_files WHERE scope = @s", null, ("@s", _scope));
            using var reader = command.ExecuteReader();
            var names = new List<string>();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }

            return [.. names];
        }
    }

    /// <inheritdoc />
    public bool Exists(string name)
    {
        lock (_gate)
        {
            return ReadOrNull(name, null) is not null;
        }
    }

    /// <inheritdoc />
    public byte[] Read(string name)
    {
        lock (_gate)
        {
            return ReadOrNull(name, null) ?? throw new IOException($"No stored file '{name}' in {_scope}.");
        }
    }

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        var bytes = Slice(data, offset, count);
        lock (_gate)
        {
            Upsert(name, bytes, null);
        }
    }

    /// <inheritdoc />
    /// <remarks>A database row commits at once, so the port's weaker promise is kept by <see cref="Write"/>.</remarks>
    public void Rewrite(string name, byte[] data, int offset, int count) => Write(name, data, offset, count);

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        var bytes = Slice(data, offset, count);
        lock (_gate)
        {
            // read and write in one transaction (SQLite's || would turn BLOBs into text, so the concatenation is done here)
            using var transaction = _connection.BeginTransaction();
            var old = ReadOrNull(name, transaction) ?? [];
            Upsert(name, [.. old, .. bytes], transaction);
            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        lock (_gate)
        {
            DbCommands.Execute(_connection, "DELETE FROM node_files WHERE scope = @s AND name = @n", null, ("@s", _scope), ("@n", name));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private byte[]? ReadOrNull(string name, DbTransaction? transaction)
    {
        using var command = DbCommands.Create(_connection, "SELECT data FROM node_files WHERE scope = @s AND name = @n", transaction, ("@s", _scope), ("@n", name));
        return command.ExecuteScalar() as byte[];
    }

    private void Upsert(string name, byte[] bytes, DbTransaction? transaction) =>
        DbCommands.Execute(_connection,
            "INSERT INTO node_files (scope, name, data) VALUES (@s, @n, @d) ON CONFLICT (scope, name) DO UPDATE SET data = @d",
            transaction, ("@s", _scope), ("@n", name), ("@d", bytes));

    private static byte[] Slice(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset + count > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "offset + count is past the end of the data.");
        }

        return data.AsSpan(offset, count).ToArray();
    }
}
