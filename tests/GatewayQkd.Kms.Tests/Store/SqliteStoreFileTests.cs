using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>What only an SQLite file can show: its journal mode, and a file that is not a database at all.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_File_Uses_Wal_Journaling()
    {
        _ = _fixture.Store;

        Assert.Equal("wal", StoreDatabase.Scalar(_fixture.Database, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void Refuses_A_File_That_Is_Not_A_Database()
    {
        var path = _fixture.Folder.File("notes.txt");
        File.WriteAllText(path, "these are not the keys you are looking for, padded past one SQLite header: " + new string('x', 200));

        var error = Assert.Throws<KeyStoreException>(() => CentralKeyStore.Open(path));

        Assert.Equal(KeyStoreError.InvalidFile, error.Error);
    }
}
