using System.Data.Common;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The central key store's schema, the same on SQLite and PostgreSQL except for the pieces of <see cref="StoreDialect"/>
/// (byte column type, WITHOUT ROWID). Counters and offsets are BIGINT (PostgreSQL's INTEGER is 32-bit; in SQLite any
/// type name with INT is a 64-bit integer, so files made with INTEGER columns read the same). "offset" is quoted: it is a
/// reserved word in PostgreSQL. Streams are keyed by the unordered node pair (gateway = higher id, peer = lower id; see
/// <see cref="KeyStreamId"/>) and their use (stream_use: 0 = the sensors' stream pushed to the gateway, 1 = the ETSI 014
/// reservation). Version 2 added stream_use; a version 1 file is migrated on open (its rows are all sensors' streams).
/// </summary>
internal static class KeyStoreSchema
{
    /// <summary>Schema version written to meta; a database with another version is refused.</summary>
    public const string Version = "2";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta(
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS streams(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            stream_use INTEGER NOT NULL,
            next_block BIGINT NOT NULL,
            next_offset BIGINT NOT NULL,
            acked_blocks BIGINT NOT NULL,
            acked_bytes BIGINT NOT NULL,
            acked_prefix_blocks BIGINT NOT NULL,
            acked_prefix_end BIGINT NOT NULL,
            used_bytes BIGINT NOT NULL,
            PRIMARY KEY(gateway, peer, stream_use));
        CREATE TABLE IF NOT EXISTS blocks(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            stream_use INTEGER NOT NULL,
            block_id BIGINT NOT NULL,
            "offset" BIGINT NOT NULL,
            length BIGINT NOT NULL,
            acknowledged INTEGER NOT NULL,
            material {blob} NOT NULL,
            UNIQUE(gateway, peer, stream_use, block_id),
            UNIQUE(gateway, peer, stream_use, "offset"));
        CREATE TABLE IF NOT EXISTS used_spans(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            stream_use INTEGER NOT NULL,
            "offset" BIGINT NOT NULL,
            end_offset BIGINT NOT NULL,
            PRIMARY KEY(gateway, peer, stream_use, "offset")){without rowid};
        CREATE TABLE IF NOT EXISTS deliveries(
            gateway INTEGER NOT NULL,
            peer INTEGER NOT NULL,
            stream_use INTEGER NOT NULL,
            "offset" BIGINT NOT NULL,
            length BIGINT NOT NULL,
            master INTEGER NOT NULL,
            slave INTEGER NOT NULL,
            slave_delivered INTEGER NOT NULL,
            PRIMARY KEY(gateway, peer, stream_use, "offset")){without rowid};
        """;

    // Version 1 had the same tables without stream_use: each is renamed, recreated by Ddl and copied with stream_use 0.
    private static readonly (string Table, string Columns)[] Version1Tables =
    [
        ("streams", "next_block, next_offset, acked_blocks, acked_bytes, acked_prefix_blocks, acked_prefix_end, used_bytes"),
        ("blocks", "block_id, \"offset\", length, acknowledged, material"),
        ("used_spans", "\"offset\", end_offset"),
        ("deliveries", "\"offset\", length, master, slave, slave_delivered"),
    ];

    /// <summary>Sets the session's durability settings, creates missing tables and checks the schema version.</summary>
    public static void Apply(DbConnection connection, StoreDialect dialect)
    {
        Execute(connection, dialect.SessionSetup);
        var ddl = Ddl.Replace("{blob}", dialect.BlobType, StringComparison.Ordinal)
            .Replace("{without rowid}", dialect.WithoutRowId, StringComparison.Ordinal);
        using var transaction = connection.BeginTransaction();
        if (dialect.SchemaLock.Length > 0)
        {
            Execute(connection, dialect.SchemaLock, transaction);
        }

        Execute(connection, "CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);", transaction);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE name = 'schema_version';";
        var found = read.ExecuteScalar() as string;
        if (found == "1")
        {
            MigrateVersion1(connection, transaction, ddl);
        }
        else if (found is not null && found != Version)
        {
            throw new KeyStoreException(KeyStoreError.InvalidFile,
                $"The key store has schema version {found}; this build reads versions 1 and {Version} only.");
        }

        Execute(connection, ddl, transaction);
        if (found is null)
        {
            Execute(connection, $"INSERT INTO meta(name, value) VALUES('schema_version', '{Version}');", transaction);
        }

        transaction.Commit();
    }

    private static void MigrateVersion1(DbConnection connection, DbTransaction transaction, string ddl)
    {
        foreach (var (table, _) in Version1Tables)
        {
            Execute(connection, $"ALTER TABLE {table} RENAME TO {table}_v1;", transaction);
        }

        Execute(connection, ddl, transaction);
        foreach (var (table, columns) in Version1Tables)
        {
            Execute(connection,
                $"INSERT INTO {table}(gateway, peer, stream_use, {columns}) SELECT gateway, peer, 0, {columns} FROM {table}_v1; " +
                $"DROP TABLE {table}_v1;", transaction);
        }

        Execute(connection, $"UPDATE meta SET value = '{Version}' WHERE name = 'schema_version';", transaction);
    }

    private static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
