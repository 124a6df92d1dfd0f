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
