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

    /// <summary>
    /// Reads a database given on a command line: "postgres://user[:password]@host[:port]/database" (or postgresql://),
    /// an Npgsql connection string ("Host=...;Database=..."), "sqlite:PATH", or else the path of an SQLite file.
    /// </summary>
    /// <exception cref="FormatException">A postgres:// address without a host or database, with a query part, or an
    /// unreadable connection string (the message says what to write).</exception>
    public static DatabaseEngine Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromAddress(text));
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(text["sqlite:".Length..]);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return Postgres(text);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"'{text}' is not an Npgsql connection string: {e.Message}", e);
            }
        }

        return Sqlite(text);
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

    // postgres://user:password@host:port/database as libpq writes it (PostgreSQL docs, "Connection URIs"), user and
    // password percent-decoded; query parameters are refused rather than silently dropped.
    private static string FromAddress(string text)
    {
        const string Form = "write postgres://user[:password]@host[:port]/database, or an Npgsql connection string for other settings";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.AbsolutePath.Trim('/').Length == 0
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FormatException($"'{Redacted(text)}' is not a PostgreSQL address: {Form}.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
        };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        return builder.ConnectionString;
    }

    // An address with its password replaced, for error messages.
    private static string Redacted(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var colon = at > scheme ? text.IndexOf(':', scheme, at - scheme) : -1;
        return colon < 0 ? text : text[..(colon + 1)] + "***" + text[at..];
    }
}
