using GatewayQkd.Kms.Store;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>A store in a temp folder plus seeded random key material to fill it with.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Random _random = new(20261122);

    public StoreFixture() => Store = CentralKeyStore.Open(DatabasePath);

    public string DatabasePath => _folder.File("keys.db");

    public CentralKeyStore Store { get; private set; }

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Closes the store and opens a new instance on the same file (a restart).</summary>
    public CentralKeyStore Reopen()
    {
        Store.Dispose();
        Store = CentralKeyStore.Open(DatabasePath);
        return Store;
    }

    /// <summary>
    /// Opens a copy of the files as a power cut would leave them: the database and its WAL as they are while the store
    /// is still open (no checkpoint, no close).
    /// </summary>
    public CentralKeyStore OpenCrashCopy()
    {
        var crashed = _folder.File("crashed.db");
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            using var source = new FileStream(DatabasePath + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(crashed + suffix);
            source.CopyTo(target);
        }

        return CentralKeyStore.Open(crashed);
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
