using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GatewayQkd.Kms.Cluster;

/// <summary>
/// Where the central server's shared state lives: an SQLite file (one machine: the embedded default, several worker
/// processes on that machine share it through SQLite's file locking) or a PostgreSQL database (workers on several
/// machines). Everything written through it uses SQL both engines accept (ON CONFLICT upserts, RETURNING: SQLite
/// 3.35+, PostgreSQL 9.5+) with named parameters (@name); only column types differ (<see cref="BlobType"/>).
/// </summary>
public sealed record DatabaseEngine
{
    private DatabaseEngine(DatabaseKind kind, string connectionString, string display, string? sqliteFile = null)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Display = display;
        SqliteFile = sqliteFile;
    }

    /// <summary>Gets the engine.</summary>
    public DatabaseKind Kind { get; }

    /// <summary>Gets the ADO.NET connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets the SQLite file's full path, or null for PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>Gets the column type of byte strings (SQLite BLOB, PostgreSQL BYTEA).</summary>
    public string BlobType => Kind == DatabaseKind.Sqlite ? "BLOB" : "BYTEA";

    private string Display { get; }

    /// <summary>An SQLite file (created if missing); busy connections wait up to 30 s for another process's transaction.</summary>
    public static DatabaseEngine Sqlite(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var full = Path.GetFullPath(filePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = false,
        };
        return new DatabaseEngine(DatabaseKind.Sqlite, builder.ToString(), "sqlite:" + full, full);
    }

    /// <summary>A PostgreSQL database given by an Npgsql connection string (e.g. "Host=db1;Username=gq;Database=gatewayqkd").</summary>
    public static DatabaseEngine Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new DatabaseEngine(DatabaseKind.Postgres, builder.ConnectionString, $"postgres:{builder.Host}/{builder.Database}");
    }

    /// <summary>Opens a connection; SQLite files get WAL journaling and FULL synchronous commits (durable on return).</summary>
    public DbConnection Open()
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        try
        {
            connection.Open();
            if (Kind == DatabaseKind.Sqlite)
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
                pragma.ExecuteNonQuery();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>Returns "sqlite:PATH" or "postgres:HOST/DATABASE" (never the password).</summary>
    public override string ToString() => Display;
}
