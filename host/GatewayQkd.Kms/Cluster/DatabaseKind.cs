namespace GatewayQkd.Kms.Cluster;

/// <summary>The database engines the central server's shared state runs on.</summary>
public enum DatabaseKind
{
    /// <summary>An SQLite file: one machine (the embedded default).</summary>
    Sqlite,

    /// <summary>PostgreSQL: workers on several machines.</summary>
    Postgres,
}
