using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Group commit for the store's one SQLite connection: calls that arrive while a commit is in progress wait in a queue,
/// and the next commit runs all of them in one transaction, each inside its own savepoint, then fsyncs once (WAL,
/// synchronous=FULL). Every call still returns only after the transaction holding its changes is durable, and the
/// calls of a batch run one after another in arrival order, so the result is what running them one by one would give;
/// a call that throws rolls back to its savepoint and changes nothing, without affecting the others in its batch
/// (SQLite "SAVEPOINT": ROLLBACK TO undoes the changes since the savepoint and keeps the transaction open).
/// </summary>
/// <remarks>
/// There is no background thread: the first caller that finds no commit in progress leads, running batches until the
/// queue is empty (its own call is in the first batch); later callers just wait. With N concurrent callers a commit
/// serves up to N calls, which is what turns one fsync per call into one fsync per batch.
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    private const string Savepoint = "call";
    private readonly SqliteConnection _connection;
    private readonly Lock _queueGate = new();
    private readonly Lock _connectionGate = new();
    private List<PendingCall> _queue = [];
    private bool _leading;
    private bool _disposed;

    public GroupCommit(SqliteConnection connection) => _connection = connection;

    /// <summary>Gets the commits run so far (one per batch).</summary>
    public long Commits { get; private set; }

    /// <summary>Gets the calls committed or refused so far.</summary>
    public long Calls { get; private set; }

    /// <summary>Runs <paramref name="work"/> in the next commit; the task completes once that commit is durable.</summary>
    public Task<T> RunAsync<T>(Func<SqliteTransaction, T> work)
    {
        var call = new PendingCall<T>(work);
        bool lead;
        lock (_queueGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(CentralKeyStore));
            _queue.Add(call);
            lead = !_leading;
            _leading = true;
        }

        if (lead)
        {
            Lead();
        }

        return call.Task;
    }

    /// <summary>Runs <paramref name="work"/> in the next commit and waits until that commit is durable.</summary>
    public T Run<T>(Func<SqliteTransaction, T> work) => RunAsync(work).GetAwaiter().GetResult();

    /// <summary>Refuses new calls, lets the batch in progress finish, and closes the connection.</summary>
    public void Dispose()
    {
        lock (_queueGate)
        {
            _disposed = true;
        }

        lock (_connectionGate)
        {
            _connection.Dispose();
        }
    }

    private void Lead()
    {
        while (true)
        {
            List<PendingCall> batch;
            lock (_queueGate)
            {
                if (_queue.Count == 0)
                {
                    _leading = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            lock (_connectionGate)
            {
                RunBatch(batch);
            }
        }
    }

    private void RunBatch(List<PendingCall> batch)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            var closed = new ObjectDisposedException(nameof(CentralKeyStore));
            batch.ForEach(call => call.Fail(closed));
            return;
        }

        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var call in batch)
            {
                transaction.Save(Savepoint);
                try
                {
                    call.Execute(transaction);
                    transaction.Release(Savepoint);
                }
                catch (Exception e)
                {
                    // If even the rollback fails, the transaction is unusable: the outer handler fails the whole batch.
                    transaction.Rollback(Savepoint);
                    transaction.Release(Savepoint);
                    call.Refuse(e);
                }
            }

            transaction.Commit();
        }
        catch (Exception e)
        {
            // The commit itself failed (I/O error, full disk, ...): no call of the batch took effect.
            batch.ForEach(call => call.Fail(e));
            return;
        }

        Commits++;
        Calls += batch.Count;
        batch.ForEach(call => call.Complete());
    }

    private abstract class PendingCall
    {
        public abstract void Execute(SqliteTransaction transaction);

        public abstract void Refuse(Exception error);

        public abstract void Fail(Exception error);

        public abstract void Complete();
    }

    private sealed class PendingCall<T>(Func<SqliteTransaction, T> work) : PendingCall
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _refusal;

        public Task<T> Task => _done.Task;

        public override void Execute(SqliteTransaction transaction) => _result = work(transaction);

        public override void Refuse(Exception error) => _refusal = error;

        public override void Fail(Exception error) => _done.TrySetException(error);

        // Results are released only after the commit: a caller never sees a key whose marking is not yet durable.
        public override void Complete()
        {
            if (_refusal is null)
            {
                _done.TrySetResult(_result);
            }
            else
            {
                _done.TrySetException(_refusal);
            }
        }
    }
}
