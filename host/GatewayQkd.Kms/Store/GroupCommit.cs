using System.Data.Common;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Group commit for the store's one database connection: calls that arrive while a commit is in progress wait in a queue,
/// and the next commit runs all of them in one transaction, then fsyncs once (SQLite: WAL, synchronous=FULL; PostgreSQL:
/// synchronous_commit on). Every call still returns only after the transaction holding its changes is durable, and the
/// calls of a batch run one after another in arrival order, so the result is what running them one by one would give.
/// A call that throws changes nothing, without affecting the others in its batch: the batch first runs without
/// savepoints, and if a call throws, that transaction is rolled back whole and the batch runs again with each call
/// inside its own savepoint (SQLite "SAVEPOINT", PostgreSQL "ROLLBACK TO SAVEPOINT": ROLLBACK TO undoes the changes
/// since the savepoint and keeps the transaction open), where the throwing call rolls back to its savepoint. If the
/// transaction itself fails (the commit, a lost connection), nothing of the batch is stored and every call of it fails
/// with that error. When the engine aborts the whole transaction through no fault of its calls (PostgreSQL: a
/// deadlock with another worker's batch, <see cref="StoreDialect.IsRetryable"/>), the batch is rolled back and run again
/// from the start, up to <see cref="Attempts"/> times; no result is handed out before the commit that holds it. So a
/// call's work may run more than once (a retry, or its batch run again after another call was refused): it must have
/// no effect outside the transaction other than what running it again repeats harmlessly (UseKeysIf's accept opens
/// the same frame with the same key again).
/// </summary>
/// <remarks>
/// The first caller that finds no commit in progress leads and runs the batch holding its own call; calls that queued
/// meanwhile are handed to the store's commit thread, which leads until the queue is empty (so a leading caller gets
/// back to its own request after one batch); later callers just wait. The commit thread is started at the first
/// hand-off and kept, parked on a semaphore, until the store is disposed or it has been idle for
/// <see cref="CommitterIdle"/> (before, every hand-off started a new thread: under steady load that thread's start and
/// exit were about a third of the commit thread's CPU in a perf profile of `kms bench`). With N concurrent callers a commit
/// serves up to N calls, which is what turns one fsync per call into one fsync per batch.
/// </remarks>
internal sealed class GroupCommit : IDisposable
{
    /// <summary>How often a batch is run before a retryable abort fails it.</summary>
    public const int Attempts = 5;

    private const string Savepoint = "call";
    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Lock _queueGate = new();
    private readonly Lock _connectionGate = new();
    private List<PendingCall> _queue = [];
    private readonly SemaphoreSlim _wake = new(0);
    private bool _leading;
    private bool _handedOff;
    private Thread? _committer;
    private long _mergedInAttempt;
    private bool _disposed;

    public GroupCommit(DbConnection connection, StoreDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
    }

    /// <summary>Gets the commits run so far (one per batch).</summary>
    public long Commits { get; private set; }

    /// <summary>Gets the calls committed or refused so far.</summary>
    public long Calls { get; private set; }

    /// <summary>Gets the batches run again after a retryable abort (a deadlock with another worker).</summary>
    public long Retries { get; private set; }

    /// <summary>Gets the calls run merged with others of their batch (<see cref="IBatchMerge"/>).</summary>
    public long MergedCalls { get; private set; }

    /// <summary>Gets how many commit threads were started so far (one per store under steady load).</summary>
    public long CommitterStarts { get; private set; }

    /// <summary>Gets how often a leading caller handed the queue to the commit thread.</summary>
    public long HandOffs { get; private set; }

    /// <summary>Gets or sets how long the commit thread waits for a hand-off before it exits (a new one starts at the next).</summary>
    internal TimeSpan CommitterIdle { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the batches rolled back and run again with a savepoint per call because one of their calls was refused.</summary>
    public long OptimisticFallbacks { get; private set; }

    /// <summary>
    /// Gets the statements and statement batches sent to the engine so far, commits and savepoints included (on
    /// PostgreSQL each is one network round trip; on SQLite a call into the library).
    /// </summary>
    public long RoundTrips { get; private set; }

    /// <summary>
    /// Gets or sets what runs after a batch's calls, just before its commit, with the number of calls (tests make the
    /// commit fail here, as a full disk or a lost database connection would).
    /// </summary>
    internal Action<int>? BeforeCommit { get; set; }

    /// <summary>
    /// Runs <paramref name="work"/> in the next commit; the task completes once that commit is durable. With
    /// <paramref name="merge"/>, calls of the same merge key in one batch may run as one (<see cref="IBatchMerge"/>).
    /// </summary>
    public Task<T> RunAsync<T>(Func<StoreTransaction, T> work, IBatchMerge? merge = null)
    {
        var call = new PendingCall<T>(work, merge);
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
            Lead(untilEmpty: false);
        }

        return call.Task;
    }

    /// <summary>Runs <paramref name="work"/> in the next commit and waits until that commit is durable.</summary>
    public T Run<T>(Func<StoreTransaction, T> work) => RunAsync(work).GetAwaiter().GetResult();

    /// <summary>Refuses new calls, lets the batch in progress finish, and closes the connection.</summary>
    public void Dispose()
    {
        lock (_queueGate)
        {
            _disposed = true;
        }

        _wake.Release(); // the commit thread, if any, runs what was handed to it (failing it: closed below) and exits
        lock (_connectionGate)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
    }

    // A caller that leads runs one batch, the one holding its own call, and hands what queued meanwhile to the commit
    // thread, which leads until the queue is empty: under steady load the queue never empties, and a caller leading
    // "until empty" would never get back to its own request (on PostgreSQL that request waited past HttpClient's 100 s).
    private void Lead(bool untilEmpty)
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

            if (!untilEmpty)
            {
                HandOff();
                return;
            }
        }
    }

    // A thread of its own, not a thread-pool work item: synchronous callers (Run) block thread-pool threads while they
    // wait, and a work item queued behind them would wait for the pool to grow. _leading stays true while handed off,
    // so at most one hand-off is outstanding.
    private void HandOff()
    {
        lock (_queueGate)
        {
            if (_queue.Count == 0)
            {
                _leading = false;
                return;
            }

            _handedOff = true;
            HandOffs++;
            if (_committer is null)
            {
                _committer = new Thread(static commits => ((GroupCommit)commits!).CommitterLoop())
                {
                    IsBackground = true,
                    Name = "key store commits",
                };
                CommitterStarts++;
                _committer.Start(this);
            }
            else
            {
                _wake.Release();
            }
        }
    }

    // Leads each hand-off until the queue is empty, then parks; exits when disposed or idle for CommitterIdle. A wake-up
    // without a hand-off (a release left over from a timed-out wait, or Dispose) just loops.
    private void CommitterLoop()
    {
        var woken = true; // started for a hand-off
        while (true)
        {
            bool run;
            lock (_queueGate)
            {
                run = _handedOff;
                _handedOff = false;
                if (!run && (_disposed || !woken))
                {
                    _committer = null;
                    return;
                }
            }

            if (run)
            {
                Lead(untilEmpty: true);
            }

            woken = _wake.Wait(CommitterIdle);
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

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                RunOnce(batch);
                break;
            }
            catch (Exception e) when (_dialect.IsRetryable(e) && attempt < Attempts)
            {
                // The transaction was rolled back as a whole (its dispose): run every call again on the state as it is now.
                Retries++;
            }
            catch (Exception e)
            {
                // The commit itself failed (I/O error, full disk, lost connection, ...): no call of the batch took effect.
                batch.ForEach(call => call.Fail(e));
                return;
            }
        }

        Commits++;
        Calls += batch.Count;
        batch.ForEach(call => call.Complete());
    }

    // First without savepoints (each costs two statements on SQLite and two round trips on PostgreSQL): in the usual
    // batch no call is refused. When one is, the transaction is rolled back whole - nothing of the batch is kept - and
    // the batch runs again with a savepoint per call, which gives exactly the results of running the calls one by one.
    private void RunOnce(List<PendingCall> batch)
    {
        if (!TryRunWithoutSavepoints(batch))
        {
            OptimisticFallbacks++;
            RunWithSavepoints(batch);
        }
    }

    private bool TryRunWithoutSavepoints(List<PendingCall> batch)
    {
        using var transaction = _connection.BeginTransaction();
        var context = new StoreTransaction(transaction, _dialect, _commands);
        _mergedInAttempt = 0;
        try
        {
            var done = new HashSet<PendingCall>();
            foreach (var call in batch)
            {
                if (done.Add(call) && !TryRunMerged(context, call, batch, done))
                {
                    call.Execute(context);
                }
            }

            context.Flush(); // a held-back write refused by the engine (a constraint) fails here, inside the try
        }
        catch (Exception e) when (!_dialect.IsRetryable(e))
        {
            context.DiscardPending();
            RoundTrips += context.RoundTrips + 1;
            RollBack(transaction, e);
            return false;
        }

        Commit(transaction, context, batch.Count);
        MergedCalls += _mergedInAttempt; // counted once committed
        return true;
    }

    // Runs call with the later calls of its merge key as one, when there are any and they accept (marking them done).
    private bool TryRunMerged(StoreTransaction context, PendingCall call, List<PendingCall> batch, HashSet<PendingCall> done)
    {
        if (call.Merge is not { } merge)
        {
            return false;
        }

        var group = batch.Where(c => c == call || (!done.Contains(c) && c.Merge is { } other && other.Key.Equals(merge.Key))).ToList();
        if (group.Count < 2 || merge.TryRunMerged(context, group.Select(c => c.Merge!).ToList()) is not { } results)
        {
            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].SetResult(results[i]);
            done.Add(group[i]);
        }

        _mergedInAttempt += group.Count;
        return true;
    }

    private void RunWithSavepoints(List<PendingCall> batch)
    {
        using var transaction = _connection.BeginTransaction();
        var context = new StoreTransaction(transaction, _dialect, _commands);
        foreach (var call in batch)
        {
            transaction.Save(Savepoint);
            try
            {
                call.Execute(context);
                context.Flush(); // so that a refused held-back write is this call's refusal
                transaction.Release(Savepoint);
            }
            catch (Exception e) when (!_dialect.IsRetryable(e))
            {
                // If even the rollback fails, the transaction is unusable: RunBatch fails the whole batch.
                context.DiscardPending();
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
                call.Refuse(e);
            }

            RoundTrips += 2;
        }

        Commit(transaction, context, batch.Count);
    }

    private void Commit(DbTransaction transaction, StoreTransaction context, int calls)
    {
        context.Flush();
        RoundTrips += context.RoundTrips + 1;
        BeforeCommit?.Invoke(calls);
        transaction.Commit();
    }

    // A rollback that fails leaves no usable transaction (the engine ended it, e.g. SQLite's RAISE(ROLLBACK) in a
    // trigger, or the connection is gone): the whole batch fails with the call's error, which says why.
    private static void RollBack(DbTransaction transaction, Exception cause)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }
    }

    private abstract class PendingCall(IBatchMerge? merge)
    {
        public IBatchMerge? Merge { get; } = merge;

        public abstract void SetResult(object result);

        public abstract void Execute(StoreTransaction transaction);

        public abstract void Refuse(Exception error);

        public abstract void Fail(Exception error);

        public abstract void Complete();
    }

    private sealed class PendingCall<T>(Func<StoreTransaction, T> work, IBatchMerge? merge) : PendingCall(merge)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;
        private Exception? _refusal;

        public Task<T> Task => _done.Task;

        // A batch run again starts each call afresh: an earlier attempt's refusal no longer counts.
        public override void Execute(StoreTransaction transaction)
        {
            _refusal = null;
            _result = work(transaction);
        }

        public override void SetResult(object result)
        {
            _refusal = null;
            _result = (T)result;
        }

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
