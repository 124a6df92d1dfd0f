using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// A store in a fresh database - an SQLite file in a temp folder, or a new database on the test class's PostgreSQL server
/// when <paramref name="postgres"/> is given - plus seeded random key material to fill it with.
/// </summary>
public sealed class StoreFixture(EngineFixture? postgres = null) : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Random _random = new(20261122);
    private CentralKeyStore? _store;

    /// <summary>Gets the store's database.</summary>
    public DatabaseEngine Database => field ??= postgres?.Create("postgres") ?? DatabaseEngine.Sqlite(_folder.File("keys.db"));

    /// <summary>Gets the folder for files the test makes beside the database.</summary>
    public TempFolder Folder => _folder;

    public CentralKeyStore Store => _store ??= CentralKeyStore.Open(Database);

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Closes the store and opens a new instance on the same database (a restart).</summary>
    public CentralKeyStore Reopen()
    {
        _store?.Dispose();
        _store = CentralKeyStore.Open(Database);
        return _store;
    }

    /// <summary>
    /// Opens the database as a power cut would leave it, without closing the store: on SQLite a copy of the database file
    /// and its WAL as they are while the store is still open (no checkpoint, no close); on PostgreSQL the server is
    /// crashed and restarted (recovery from its WAL), which breaks the open store's connection.
    /// </summary>
    public CentralKeyStore OpenCrashCopy()
    {
        if (postgres is not null)
        {
            postgres.CrashAndRestartAsync().GetAwaiter().GetResult();
            return CentralKeyStore.Open(Database);
        }

        var crashed = _folder.File("crashed.db");
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            using var source = new FileStream(Database.SqliteFile + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(crashed + suffix);
            source.CopyTo(target);
        }

        return CentralKeyStore.Open(crashed);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }
}
