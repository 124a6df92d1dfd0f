using GatewayQkd.Kms.Store;

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

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
