using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The central key store's SQLite schema and durability settings. Journal: WAL with synchronous=FULL, so every
/// committed transaction is fsynced to the WAL before the commit returns and survives a power cut (SQLite docs,
/// "pragma synchronous": in WAL mode NORMAL may lose the last commits on power loss, FULL does not).
/// Streams are keyed by the unordered node pair (gateway = higher id, peer = lower id; see <see cref="KeyStreamId"/>).
/// </summary>
internal static class KeyStoreSchema
{
    /// <summary>Schema version written to meta; a file with another version is refused.</summary>
    public const string Version = "1";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta(
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS streams(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            next_block INTEGER NOT NULL,
            next_offset INTEGER NOT NULL,
            acked_blocks INTEGER NOT NULL,
            acked_bytes INTEGER NOT NULL,
            acked_prefix_blocks INTEGER NOT NULL,
            acked_prefix_end INTEGER NOT NULL,
            used_bytes INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer));
        CREATE TABLE IF NOT EXISTS blocks(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            block_id INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL,
            acknowledged INTEGER NOT NULL,
            material BLOB NOT NULL,
            UNIQUE(gateway, peer, block_id),
            UNIQUE(gateway, peer, offset));
        CREATE TABLE IF NOT EXISTS used_spans(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer, offset)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS deliveries(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL,
            master INTEGER NOT NULL,
            slave INTEGER NOT NULL,
            slave_delivered INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer, offset)) WITHOUT ROWID;
        """;

    /// <summary>Sets the journal and sync modes, creates missing tables and checks the schema version.</summary>
    public static void Apply(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        Execute(connection, "PRAGMA busy_timeout=5000;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, Ddl, transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE name = 'schema_version';";
        var found = read.ExecuteScalar() as string;
        if (found is null)
        {
            Execute(connection, $"INSERT INTO meta(name, value) VALUES('schema_version', '{Version}');", transaction);
        }
        else if (found != Version)
        {
            throw new KeyStoreException(KeyStoreError.InvalidMaterial,
                $"The key store file has schema version {found}; this build reads version {Version} only.");
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
