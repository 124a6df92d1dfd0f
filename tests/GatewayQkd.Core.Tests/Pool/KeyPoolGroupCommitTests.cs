using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// The pool's group commit (<see cref="KeyPool.Reserve"/> then <see cref="KeyPool.Commit"/>): many ranges, one
/// snapshot write carrying the caller's attachment, at most one rewrite per partly consumed block.
/// </summary>
public class KeyPoolGroupCommitTests
{
    private readonly KeyStreamModel _model = new();
    private readonly InMemoryKeyStorage _storage = new();

    [Fact]
    public void Reserving_Writes_Nothing()
    {
        var pool = PoolWith(100, 100, 100);
        var commits = _storage.Commits;

        for (var i = 0; i < 5; i++)
        {
            Assert.True(pool.Reserve(0, 30).IsTaken);
        }

        Assert.Equal(commits, _storage.Commits);
        Assert.Equal(5, pool.ReservedCount);
    }

    [Fact]
    public void Reserved_Ranges_Are_Consecutive_Stream_Bytes()
    {
        var pool = PoolWith(100, 100, 100);

        var ranges = Enumerable.Range(0, 5).Select(_ => pool.Reserve(0, 30)).ToList();

        for (var i = 0; i < ranges.Count; i++)
        {
            Assert.Equal(new KeyRange(0, (uint)(30 * i), 30), ranges[i].Range);
            Assert.Equal(_model.Bytes(0, 30 * i, 30), ranges[i].Material);
        }
    }

    [Fact]
    public void One_Commit_Of_Many_Ranges_Is_One_Snapshot_Write_One_Rewrite_And_One_Delete_Per_Emptied_Block()
    {
        var pool = PoolWith(100, 100, 100);
        for (var i = 0; i < 5; i++)
        {
            pool.Reserve(0, 30); // 150 bytes: block 0 emptied, block 1 cut three times
        }

        var (writes, deletes) = (_storage.Writes, _storage.Deletes);
        pool.Commit(null);

        Assert.Equal(2, _storage.Writes - writes);
        Assert.Equal(1, _storage.Deletes - deletes);
        Assert.False(_storage.Exists("kb0_0"));
        Assert.Equal(0, pool.ReservedCount);
    }

    [Fact]
    public void Committed_Ranges_Stay_Consumed_After_A_Restart()
    {
        var pool = PoolWith(100, 100, 100);
        for (var i = 0; i < 5; i++)
        {
            pool.Reserve(0, 30);
        }

        pool.Commit(null);
        var reopened = KeyPool.Open(_storage.Clone());

        Assert.Equal(150, reopened.ConsumedEnd(0));
        Assert.Equal(150 * 8, reopened.LostBits(0)); // the last commit's ranges are in doubt (handed out or not): burnt, never reissued
        Assert.Equal(_model.Bytes(0, 150, 10), reopened.Take(0, 10).Material);
    }

    [Fact]
    public void A_Restart_Before_The_Commit_Finds_The_Reserved_Ranges_Unconsumed()
    {
        var pool = PoolWith(100, 100);
        pool.Reserve(0, 60);

        var reopened = KeyPool.Open(_storage.Clone());

        Assert.Equal(0, reopened.ConsumedEnd(0)); // so the bytes of a reservation must never leave before Commit returns
        Assert.Equal(200 * 8, reopened.AvailableBits(0));
    }

    [Fact]
    public void A_Failed_Commit_Counts_Every_Reserved_Range_Lost_And_Never_Offers_It_Again()
    {
        var flash = new PowerCutStorage();
        var pool = KeyPool.Open(flash);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Reserve(0, 30);
        pool.Reserve(0, 50);
        flash.ArmCut(flash.CommitPoints + 1, CutOutcome.Before);

        Assert.Throws<PowerCutException>(() => pool.Commit(null));

        Assert.Equal(80 * 8, pool.LostBits(0));
        Assert.Equal(80, pool.ConsumedEnd(0));
        Assert.Equal(0, pool.ReservedCount);
    }

    [Fact]
    public void A_Block_File_A_Cut_Brings_Back_After_Its_Commit_Is_Deleted_Again_By_Recovery_And_Never_Reissued()
    {
        var flash = new PowerCutStorage();
        var pool = KeyPool.Open(flash);
        for (var i = 0; i < 3; i++)
        {
            pool.Ingest(_model.NextBlock(0, 100));
        }

        for (var i = 0; i < 5; i++)
        {
            pool.Reserve(0, 30); // block 0 emptied (deleted without an fsync), block 1 rewritten
        }

        flash.ArmCut(flash.CommitPoints + 3, CutOutcome.Before); // snapshot, delete of kb0_0, then the cut rewrite of kb0_1
        Assert.Throws<PowerCutException>(() => pool.Commit(null));
        var rebooted = flash.Reboot();
        Assert.True(rebooted.Exists("kb0_0"), "the cut should bring back the deleted block file");

        var reopened = KeyPool.Open(rebooted);

        Assert.False(rebooted.Exists("kb0_0"));
        Assert.Equal(150, reopened.ConsumedEnd(0));
        Assert.Equal(_model.Bytes(0, 150, 10), reopened.Take(0, 10).Material);
    }

    [Fact]
    public void The_Erasure_Rewrite_Is_A_Rewrite_Not_A_Commit_And_Ingest_Stays_A_Write()
    {
        var pool = PoolWith(100, 100);
        var (writes, rewrites) = (_storage.Writes, _storage.Rewrites);

        pool.Reserve(0, 30);
        pool.Commit(null);

        Assert.Equal(2, _storage.Writes - writes); // the snapshot and the rewrite (InMemoryKeyStorage counts a Rewrite as a Write too)
        Assert.Equal(1, _storage.Rewrites - rewrites);
        pool.Ingest(_model.NextBlock(0, 100));
        Assert.Equal(1, _storage.Rewrites - rewrites); // a new block file is a commit (Write), so its ack means durable
    }

    [Fact]
    public void A_Rewritten_Block_File_Whose_Old_Content_A_Later_Cut_Brings_Back_Is_Trimmed_Again_And_Never_Reissued()
    {
        var flash = new PowerCutStorage();
        var pool = KeyPool.Open(flash);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Reserve(0, 30);
        pool.Commit(null); // snapshot slot 1 created (a file creation: earlier changes durable), kb0_0 rewritten without its first 30 bytes
        pool.Reserve(0, 20);
        pool.Commit(null); // snapshot slot 0 created, so kb0_0's first rewrite is durable now; its second one is not

        flash.ArmCut(flash.CommitPoints + 1, CutOutcome.Before); // the next slot's snapshot write: no file created in between
        pool.Reserve(0, 10);
        Assert.Throws<PowerCutException>(() => pool.Commit(null));
        var rebooted = flash.Reboot();
        Assert.Equal(70 + 27, rebooted.Read("kb0_0").Length); // the second rewrite was undone: bytes 30..49 are back in the file

        var reopened = KeyPool.Open(rebooted);

        Assert.Equal(50, reopened.ConsumedEnd(0));
        Assert.Equal(50 + 27, rebooted.Read("kb0_0").Length); // recovery erased them again
        Assert.Equal(_model.Bytes(0, 50, 10), reopened.Take(0, 10).Material); // never bytes 30..49 a second time
    }

    [Fact]
    public void The_Attachment_Is_Committed_With_The_Snapshot()
    {
        var pool = PoolWith(100);
        pool.Reserve(0, 10);

        pool.Commit([1, 2, 3]);

        Assert.Equal([1, 2, 3], KeyPool.Open(_storage.Clone()).Attachment);
    }

    [Fact]
    public void Later_Snapshots_Keep_The_Last_Attachment()
    {
        var pool = PoolWith(100, 100);
        pool.Commit([7, 7]);

        pool.Take(0, 10);
        pool.Zeroize();

        Assert.Equal([7, 7], KeyPool.Open(_storage.Clone()).Attachment);
    }

    [Fact]
    public void A_Commit_Without_Reservations_Writes_Only_The_Snapshot()
    {
        var pool = PoolWith(100);
        var (writes, deletes) = (_storage.Writes, _storage.Deletes);

        pool.Commit([9]);

        Assert.Equal(1, _storage.Writes - writes);
        Assert.Equal(deletes, _storage.Deletes);
        Assert.Equal(800, pool.AvailableBits(0));
    }

    [Fact]
    public void A_Snapshot_Without_Attachment_Keeps_Format_Version_1()
    {
        var pool = PoolWith(100);

        pool.Take(0, 10);

        var snapshot = _storage.Read("qkp.s1");
        Assert.Equal(1, snapshot[4]);
        Assert.Equal(14 + 38, snapshot.Length);
    }

    [Fact]
    public void A_Snapshot_With_Attachment_Is_Version_2_With_Its_Length_Before_It()
    {
        var pool = PoolWith(100);

        pool.Commit([5, 6, 7]);

        var snapshot = _storage.Read("qkp.s1");
        Assert.Equal(2, snapshot[4]);
        Assert.Equal(14 + 38 + 2 + 3, snapshot.Length);
        Assert.Equal(new byte[] { 3, 0, 5, 6, 7 }, snapshot[48..53]);
    }

    [Fact]
    public void Take_Is_Refused_While_Ranges_Are_Reserved()
    {
        var pool = PoolWith(100);
        pool.Reserve(0, 10);

        Assert.Throws<InvalidOperationException>(() => pool.Take(0, 10));
        Assert.Throws<InvalidOperationException>(() => pool.Zeroize());
    }

    private KeyPool PoolWith(params int[] blockLengths)
    {
        var pool = KeyPool.Open(_storage);
        foreach (var length in blockLengths)
        {
            Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.NextBlock(0, length)));
        }

        return pool;
    }
}
