using System.Diagnostics;
using System.Globalization;

namespace GatewayQkd.Kms.Postgres;

/// <summary>
/// A throw-away PostgreSQL server for the tests and benchmarks of the PostgreSQL key store: initdb into a temp folder,
/// started with pg_ctl listening only on a Unix-domain socket in that folder (no TCP port: nothing reachable off the
/// machine, no port to collide with a parallel test), trust authentication for one user, removed on dispose. Needs
/// Debian's `postgresql` package (scripts/test.sh installs it). A production deployment uses its own server instead
/// (docs/deployment.md).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root ("initdb: cannot be run as root", src/bin/initdb/initdb.c; the same check in
/// src/backend/main/main.c), and CI runs as root, so as root the server runs as the package's `postgres` user via runuser.
/// </remarks>
public sealed class PostgresProcess : IAsyncDisposable
{
    private const string User = "gatewayqkd";
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresProcess(string bin, string folder, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        _asPostgresUser = asPostgresUser;
    }

    /// <summary>Gets an Npgsql connection string for database <paramref name="database"/> (default: the maintenance database).</summary>
    /// <remarks>
    /// A Host that is a folder makes Npgsql use the Unix-domain socket in it (Npgsql docs, connection string parameters).
    /// Timeout (seconds to open a connection, Npgsql's default 15) is raised to 60: a test run starts several throw-away
    /// servers at once on a 2-core machine, and one that just replayed its WAL after a crash took longer than 15 s to
    /// answer its first connection (seen once in a full test run, PostgresProcessTests).
    /// </remarks>
    public string ConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host={_folder};Username={User};Database={database};Pooling=true;Timeout=60");

    /// <summary>Returns the folder holding initdb and pg_ctl (the newest installed major version), or throws with the install command.</summary>
    public static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new FileNotFoundException(
            "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin. Install it with " +
            "`apt-get install -y postgresql` (scripts/test.sh does this) and run again.");
    }

    /// <summary>Creates and starts a fresh server; waits until it accepts connections.</summary>
    public static async Task<PostgresProcess> StartAsync()
    {
        var bin = FindBinaries();
        var asPostgres = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("gatewayqkd-postgres-").FullName;
        if (asPostgres)
        {
            await RunAsync("chown", null, "postgres", folder).ConfigureAwait(false);
        }

        var server = new PostgresProcess(bin, folder, asPostgres);
        try
        {
            // --no-sync: a throw-away test cluster need not survive an OS crash; the server itself runs with fsync on
            await server.RunToolAsync("initdb", "-D", server.DataFolder, "-A", "trust", "-U", User, "--no-sync", "-E", "UTF8").ConfigureAwait(false);
            await server.StartServerAsync().ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Stops the server abruptly (SIGQUIT via pg_ctl -m immediate: like a crash, recovery replays the WAL at the next start).</summary>
    public Task CrashAsync() => RunToolAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");

    /// <summary>Starts the server again after <see cref="CrashAsync"/>.</summary>
    public Task RestartAsync() => StartServerAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await CrashAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private Task StartServerAsync() => RunToolAsync(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses='' -k {_folder} -c max_connections=200"),
        "start");

    private Task RunToolAsync(string tool, params string[] arguments) =>
        _asPostgresUser
            ? RunAsync("runuser", Path.Combine(_folder, "server.log"), ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), Path.Combine(_folder, "server.log"), arguments);

    private static async Task RunAsync(string file, string? logFile, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? await File.ReadAllTextAsync(logFile).ConfigureAwait(false) : string.Empty;
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {(await error.ConfigureAwait(false)).Trim()} {(await output.ConfigureAwait(false)).Trim()} {log.Trim()}".Trim());
        }
    }
}
