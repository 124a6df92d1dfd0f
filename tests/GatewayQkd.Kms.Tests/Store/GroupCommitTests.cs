using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;
using GatewayQkd.Kms.Tests.Cluster;

namespace GatewayQkd.Kms.Tests.Store;

/// <summary>
/// The batched commit path: concurrent calls share commits, each call is durable when it returns, and a refused call
/// inside a batch changes nothing while the others in the same batch still take effect.
/// </summary>
public abstract class GroupCommitTests : IDisposable
{
    private const int Threads = 64;
    private const int KeyBytes = 32;
    private readonly StoreFixture _fixture;

    protected GroupCommitTests(EngineFixture? postgres)
    {
        _fixture = new StoreFixture(postgres);
        Store.AppendBlock(7, 0, _fixture.RandomBytes(Threads * 16));
        Store.MarkAcknowledged(7, 0, 0);
    }

    private CentralKeyStore Store => _fixture.Store;

    public void Dispose()
    {
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Concurrent_Calls_Share_Commits()
    {
        var commits = Store.Commits;
        var calls = Store.Calls;

        RunTogether(i => Store.ConsumeKey(7, new KeyRange(0, (uint)(i * 16), 16)));

        Assert.Equal(Threads, Store.Calls - calls);
        Assert.True(Store.Commits - commits < Threads, $"{Store.Commits - commits} commits for {Threads} concurrent calls");
    }

    [Fact]
    public void Refused_Calls_In_A_Batch_Change_Nothing_And_Leave_The_Others_Committed()
    {
        // Every range is asked for twice at once: exactly one use of each succeeds, the other is a refused replay.
        var outcomes = new bool[2 * Threads];
        var used = Store.GetCounts(7, 0).UsedBytes;

        RunTogether(i =>
        {
            try
            {
                Store.ConsumeKey(7, new KeyRange(0, (uint)(i / 2 * 16), 16));
                outcomes[i] = true;
            }
            catch (KeyStoreException e) when (e.Error == KeyStoreError.AlreadyUsed)
            {
            }
        }, 2 * Threads);

        Assert.Equal(Threads, outcomes.Count(o => o));
        Assert.Equal(used + (Threads * 16), Store.GetCounts(7, 0).UsedBytes);
        Assert.Equal(used + (Threads * 16), _fixture.Reopen().GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void Every_Call_That_Returned_Is_On_Disk_Without_A_Clean_Close()
    {
        RunTogether(i => Store.ConsumeKey(7, new KeyRange(0, (uint)(i * 16), 16)));
        using var recovered = _fixture.OpenCrashCopy();

        Assert.All(Enumerable.Range(0, Threads), i => Assert.True(recovered.IsUsed(7, new KeyRange(0, (uint)(i * 16), 16))));
        Assert.Equal(Threads * 16, recovered.GetCounts(7, 0).UsedBytes);
    }

    [Fact]
    public void Concurrent_Single_Key_Deliveries_Are_All_Distinct_Across_Batches()
    {
        const int Callers = 48;
        const int Rounds = 4;
        var reserved = Reserve(Callers * Rounds);
        var commits = Store.Commits;
        var merged = Store.MergedCalls;
        var keys = new List<StoredKey>();

        // Each caller asks for one key per request, as keep-alive clients of enc_keys do, Rounds times in a row.
        RunTogether(_ =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var key = Store.DeliverToMasterAsync(0, 1, KeyBytes, 1).GetAwaiter().GetResult();
                lock (keys)
                {
                    keys.AddRange(key);
                }
            }
        }, Callers);

        Assert.True(Store.Commits - commits < Callers * Rounds, $"{Store.Commits - commits} commits for {Callers * Rounds} calls");
        Assert.True(Store.MergedCalls > merged, "no two requests of a batch were served as one run");
        AssertDisjointAndGenuine(keys, reserved);
        var fetched = Store.DeliverToSlave(1, 0, keys.Select(k => k.Id).ToList());
        Assert.Equal(keys.Select(k => k.Key), fetched.Select(k => k.Key));
        Assert.Equal(KeyStoreError.InsufficientKey,
            Assert.Throws<KeyStoreException>(() => Store.DeliverToMaster(0, 1, KeyBytes, 1)).Error);
    }

    [Fact]
    public async Task A_Batch_Whose_Commit_Fails_Stores_Nothing_And_Every_Caller_In_It_Gets_The_Error()
    {
        const int Callers = 32;
        var reserved = Reserve(Callers);
        var failedBatch = 0;
        Store.BeforeCommit = calls =>
        {
            // The first batch fails at its commit, after every call in it computed its keys (a full disk, a lost server).
            if (Interlocked.CompareExchange(ref failedBatch, calls, 0) == 0)
            {
                throw new IOException("injected commit failure");
            }
        };

        using var start = new Barrier(Callers);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Factory.StartNew<(StoredKey? Key, Exception? Error)>(() =>
        {
            start.SignalAndWait();
            try
            {
                return (Store.DeliverToMaster(0, 1, KeyBytes, 1).Single(), null);
            }
            catch (IOException e)
            {
                return (null, e);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        Store.BeforeCommit = null;

        var failed = outcomes.Where(o => o.Error is not null).ToList();
        Assert.Equal(failedBatch, failed.Count);
        Assert.All(failed, o => Assert.Equal("injected commit failure", o.Error!.Message));
        var delivered = outcomes.Where(o => o.Key is not null).Select(o => o.Key!).ToList();
        var counts = Store.GetCounts(0, 1, KeyStreamUse.Etsi014);
        Assert.Equal(delivered.Count * KeyBytes, counts.UsedBytes);
        Assert.Equal(delivered.Count, Store.GetPendingDeliveries(0, 1));

        // No key was lost: the failed batch's keys are handed out again, each once, and the reservation is used up exactly.
        var rest = Enumerable.Range(0, failed.Count).Select(_ => Store.DeliverToMaster(0, 1, KeyBytes, 1).Single());
        AssertDisjointAndGenuine([.. delivered, .. rest], reserved);
        Assert.Equal(KeyStoreError.InsufficientKey,
            Assert.Throws<KeyStoreException>(() => _fixture.Reopen().DeliverToMaster(0, 1, KeyBytes, 1)).Error);
    }

    [Fact]
    public void A_Call_Refused_After_Some_Of_Its_Writes_Leaves_No_Trace_And_Its_Batch_Commits()
    {
        // 3.5 keys' worth reserved: a request for 4 takes three keys one by one, then finds no fourth and is refused; the
        // three single-key requests beside it get exactly the three keys it had taken before its rollback.
        var reserved = Reserve(3);
        var top = _fixture.RandomBytes(KeyBytes / 2);
        Store.ReserveForEtsi014(1, 0, top);
        var good = new List<StoredKey>();
        var refusals = 0;
        var reruns = Store.RefusalReruns;

        RunTogether(i =>
        {
            try
            {
                var keys = Store.DeliverToMaster(0, 1, KeyBytes, i == 0 ? 4 : 1);
                lock (good)
                {
                    good.AddRange(keys);
                }
            }
            catch (KeyStoreException e) when (e.Error == KeyStoreError.InsufficientKey)
            {
                Interlocked.Increment(ref refusals);
            }
        }, 4);

        Assert.Equal((1, 3), (refusals, good.Count));
        Assert.True(Store.RefusalReruns > reruns, "the refused call's batch was not run again with savepoints");
        Assert.Equal(3 * KeyBytes, Store.GetCounts(0, 1, KeyStreamUse.Etsi014).UsedBytes);
        Assert.Equal(3, Store.GetPendingDeliveries(0, 1));
        AssertDisjointAndGenuine(good, [.. reserved, .. top]);
    }

    [Fact]
    public void Hand_Offs_Under_Steady_Load_Reuse_One_Commit_Thread()
    {
        // Rounds of concurrent calls until the leading callers have handed queued calls to the commit thread several
        // times; every hand-off after the first must find the parked thread, not start a new one.
        Store.CommitThreadIdle = TimeSpan.FromMinutes(30);
        var starts = Store.CommitThreadStarts;
        var handOffs = Store.CommitHandOffs;
        for (var round = 0; round < 200 && Store.CommitHandOffs - handOffs < 3; round++)
        {
            RunTogether(_ => Store.GetCountsAsync(7, 0).GetAwaiter().GetResult(), 16);
        }

        Assert.True(Store.CommitHandOffs - handOffs >= 3, $"only {Store.CommitHandOffs - handOffs} hand-offs in 200 rounds");
        Assert.Equal(starts == 0 ? 1 : 0, Store.CommitThreadStarts - starts);
    }

    [Fact]
    public void Calls_Handed_To_A_Commit_Thread_That_Idled_Out_Are_Still_Served()
    {
        // With no idle time the commit thread exits after every hand-off it served, so a later hand-off starts a new
        // one: every call must still be served, once, with the right answer.
        Store.CommitThreadIdle = TimeSpan.Zero;
        var calls = Store.Calls;
        var handOffs = Store.CommitHandOffs;
        var answers = 0;
        var rounds = 0;
        while (rounds < 200 && Store.CommitHandOffs - handOffs < 3)
        {
            RunTogether(_ =>
            {
                if (Store.GetCountsAsync(7, 0).GetAwaiter().GetResult().GeneratedBytes == Threads * 16)
                {
                    Interlocked.Increment(ref answers);
                }
            }, 16);
            rounds++;
        }

        Assert.True(Store.CommitHandOffs - handOffs >= 3, $"only {Store.CommitHandOffs - handOffs} hand-offs in 200 rounds");
        Assert.True(Store.CommitThreadStarts >= 2, $"{Store.CommitThreadStarts} commit threads for {Store.CommitHandOffs} hand-offs");
        Assert.Equal((rounds * 16, rounds * 16L), (answers, Store.Calls - calls));
    }

    // Reserves count keys of KeyBytes on the cs - gn-1 ETSI 014 reservation (its first block) and returns the material.
    private byte[] Reserve(int count)
    {
        var material = _fixture.RandomBytes(count * KeyBytes);
        Assert.Equal(0u, Store.ReserveForEtsi014(1, 0, material).Offset);
        return material;
    }

    // No two keys share a byte, and every key is the reserved material at its stream offset.
    private static void AssertDisjointAndGenuine(IReadOnlyList<StoredKey> keys, byte[] reserved)
    {
        var ordered = keys.OrderBy(k => k.Range.Offset).ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.Range.End <= pair.Second.Range.Offset,
            $"keys {pair.First.Range} and {pair.Second.Range} overlap"));
        Assert.All(keys, k => Assert.Equal(reserved.AsSpan((int)k.Range.Offset, k.Range.Length).ToArray(), k.Key));
    }

    // Starts the calls on their own threads and releases them at once, so they arrive while commits are in progress.
    private static void RunTogether(Action<int> call, int count = Threads)
    {
        using var start = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            call(i);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}

public sealed class GroupCommitOnSqliteTests() : GroupCommitTests(null);

public sealed class GroupCommitOnPostgresTests(EngineFixture postgres) : GroupCommitTests(postgres), IClassFixture<EngineFixture>;
