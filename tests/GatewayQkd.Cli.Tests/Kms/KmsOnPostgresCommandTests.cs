using GatewayQkd.Kms.Postgres;
using GatewayQkd.TestSupport;
using Npgsql;

namespace GatewayQkd.Cli.Tests.Kms;

/// <summary>`gatewayqkd kms` and `kms bench` with the key store on PostgreSQL (a throw-away local server). FAILS without postgresql.</summary>
public sealed class KmsOnPostgresCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private PostgresProcess? _postgres;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresProcess.StartAsync();
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.File("certs"), "--sae", "cs", "gn-1").ExitCode);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _postgres!.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void Serves_A_Store_In_A_PostgreSQL_Database_Given_By_Its_Connection_String()
    {
        var (exit, output, error) = KmsCommandRunner.Run("--certs", _folder.File("certs"), "--db", _postgres!.ConnectionString(),
            "--port", "0", "--seconds", "1");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Matches(@"listening on https://\S+ \(store postgres:\S+/postgres\)", output);
        using var connection = new NpgsqlConnection(_postgres.ConnectionString());
        connection.Open();
        using var version = new NpgsqlCommand("SELECT value FROM meta WHERE name = 'schema_version'", connection);
        Assert.Equal("2", version.ExecuteScalar());
    }

    [Fact]
    public void Bench_On_Postgres_Prints_Its_Figures()
    {
        var (exit, output, error) = KmsCommandRunner.Run("bench", "--engine", "postgres", "--pairs", "3", "--warmup", "0",
            "--concurrency", "2", "--keys-per-request", "2");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("store: PostgreSQL, a throw-away local server", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+2\s+3\s+2\s+256\s", output);
    }
}
