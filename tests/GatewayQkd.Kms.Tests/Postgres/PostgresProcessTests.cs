using GatewayQkd.Kms.Postgres;
using Npgsql;

namespace GatewayQkd.Kms.Tests.Postgres;

/// <summary>
/// The throw-away PostgreSQL server the PostgreSQL key store is tested on. FAILS (not skips) without Debian's
/// postgresql package: scripts/test.sh installs it.
/// </summary>
public sealed class PostgresProcessTests
{
    [Fact]
    public async Task Keeps_A_Committed_Row_Across_A_Crash_And_Restart()
    {
        await using var server = await PostgresProcess.StartAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE t (v integer); INSERT INTO t VALUES (42);", connection);
            await create.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await server.CrashAsync();
        await server.RestartAsync();

        await using var again = new NpgsqlConnection(server.ConnectionString());
        await again.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT v FROM t", again);
        Assert.Equal(42, (int)(await read.ExecuteScalarAsync())!);
    }
}
