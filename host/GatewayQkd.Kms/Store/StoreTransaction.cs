using System.Data.Common;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The transaction a batch of store calls runs in, with the engine's <see cref="StoreDialect"/> and the connection's
/// prepared commands (<see cref="Sql"/>). One at a time per connection (<see cref="GroupCommit"/>).
/// </summary>
internal sealed class StoreTransaction(DbTransaction transaction, StoreDialect dialect, Dictionary<string, DbCommand> commands)
{
    public DbTransaction Transaction { get; } = transaction;

    public DbConnection Connection { get; } = transaction.Connection!;

    public StoreDialect Dialect { get; } = dialect;

    /// <summary>Gets the connection's commands by statement text, reused from one transaction to the next.</summary>
    public Dictionary<string, DbCommand> Commands { get; } = commands;
}
