using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Store;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// A key store written by schema version 1 (before the ETSI 014 reservation added stream_use) opens as version 2 with
/// every row kept on the sensors' stream: a resumed run never loses a block, an acknowledgement or a used range.
/// </summary>
public sealed class SchemaMigrationTests : IDisposable
{
    // Schema version 1 as this repository's host/GatewayQkd.Kms/Store/KeyStoreSchema.cs created it (commit c3ab0f9).
    private const string Version1 = """
        CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE streams(gateway INTEGER NOT NULL, peer INTEGER NOT NULL, next_block INTEGER NOT NULL,
            next_offset INTEGER NOT NULL, acked_blocks INTEGER NOT NULL, acked_bytes INTEGER NOT NULL,
            acked_prefix_blocks INTEGER NOT NULL, acked_prefix_end INTEGER NOT NULL, used_bytes INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer));
        CREATE TABLE blocks(gateway INTEGER NOT NULL, peer INTEGER NOT NULL, block_id INTEGER NOT NULL,
            offset INTEGER NOT NULL, length INTEGER NOT NULL, acknowledged INTEGER NOT NULL, material BLOB NOT NULL,
            UNIQUE(gateway, peer, block_id), UNIQUE(gateway, peer, offset));
        CREATE TABLE used_spans(gateway INTEGER NOT NULL, peer INTEGER NOT NULL, offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL, PRIMARY KEY(gateway, peer, offset)) WITHOUT ROWID;
        CREATE TABLE deliveries(gateway INTEGER NOT NULL, peer INTEGER NOT NULL, offset INTEGER NOT NULL,
            length INTEGER NOT NULL, master INTEGER NOT NULL, slave INTEGER NOT NULL, slave_delivered INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer, offset)) WITHOUT ROWID;
        INSERT INTO meta VALUES('schema_version', '1');
        INSERT INTO streams VALUES(7, 0, 2, 64, 1, 32, 1, 32, 16);
        INSERT INTO blocks VALUES(7, 0, 0, 0, 32, 1, x'00000000000000000000000000000000A1A2A3A4A5A6A7A8A9AAABACADAEAFB0');
        INSERT INTO blocks VALUES(7, 0, 1, 32, 32, 0, zeroblob(32));
        INSERT INTO used_spans VALUES(7, 0, 0, 16);
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_Version_1_File_Keeps_Its_Blocks_Acknowledgements_And_Used_Ranges()
    {
        var path = _folder.File("v1.db");
        StoreDatabase.Execute(DatabaseEngine.Sqlite(path), Version1);

        using var store = CentralKeyStore.Open(path);

        var counts = store.GetCounts(7, 0);
        Assert.Equal((2L, 1L, 64L, 32L, 16L), (counts.Blocks, counts.AcknowledgedBlocks, counts.GeneratedBytes, counts.AcknowledgedBytes, counts.UsedBytes));
        Assert.True(store.IsUsed(7, new KeyRange(0, 0, 16)));
        Assert.Equal(Convert.FromHexString("A1A2A3A4A5A6A7A8A9AAABACADAEAFB0"), store.GetKey(7, new KeyRange(0, 16, 16)));
        Assert.Equal(1u, Assert.Single(store.GetUnacknowledgedBlocks(7, 0)).BlockId);
        Assert.Equal(0, store.GetCounts(7, 0, KeyStreamUse.Etsi014).GeneratedBytes);
        Assert.Equal("2", StoreDatabase.Scalar(DatabaseEngine.Sqlite(path), "SELECT value FROM meta WHERE name = 'schema_version';"));
    }
}
