using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Postgres;
using GatewayQkd.TestSupport;
using Npgsql;

namespace GatewayQkd.Kms.Tests.Cluster;

/// <summary>
/// One throw-away PostgreSQL server for a test class, and a fresh database per call of <see cref="Create"/>, so the
/// same test runs on both engines: "sqlite" (a new file) and "postgres" (a new database). FAILS without postgresql.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private PostgresProcess? _postgres;
    private int _next;

    public static TheoryData<string> Engines => new() { "sqlite", "postgres" };

    public async Task InitializeAsync() => _postgres = await PostgresProcess.StartAsync();

    /// <summary>Returns an empty database of <paramref name="engine"/> ("sqlite" or "postgres").</summary>
    public DatabaseEngine Create(string engine)
    {
        var name = "t" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (engine == "sqlite")
        {
            return DatabaseEngine.Sqlite(_folder.File(name + ".db"));
        }

        using (var connection = new NpgsqlConnection(_postgres!.ConnectionString()))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return DatabaseEngine.Postgres(_postgres.ConnectionString(name));
    }

    /// <summary>
    /// Stops the PostgreSQL server as a crash would (no shutdown checkpoint: recovery replays the WAL) and starts it again;
    /// connections open before are broken, and the pools are cleared so new ones connect afresh.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        await _postgres!.CrashAsync();
        await _postgres.RestartAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _folder.Dispose();
    }
}
