using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

public class KeyPoolTakeTests
{
    private readonly KeyStreamModel _model = new();
    private readonly InMemoryKeyStorage _storage = new();

    [Fact]
    public void Returns_The_Stream_Bytes_From_The_Stream_Start()
    {
        var pool = PoolWith(100);

        var taken = pool.Take(0, 32);

        Assert.Equal(TakeStatus.Taken, taken.Status);
        Assert.Equal(new KeyRange(0, 0, 32), taken.Range);
        Assert.Equal(_model.Bytes(0, 0, 32), taken.Material);
        Assert.Equal(68 * 8, pool.AvailableBits(0));
    }

    [Fact]
    public void Hands_Out_Consecutive_Ranges_That_Never_Overlap()
    {
        var pool = PoolWith(100);

        var first = pool.Take(0, 16).Range;
        var second = pool.Take(0, 16).Range;

        Assert.False(first.Overlaps(second));
        Assert.Equal(first.End, second.Offset);
    }

    [Fact]
    public void Takes_A_Range_Spanning_Several_Blocks()
    {
        var pool = PoolWith(10, 20, 30);
        pool.Take(0, 5);

        var taken = pool.Take(0, 40);

        Assert.Equal(new KeyRange(0, 5, 40), taken.Range);
        Assert.Equal(_model.Bytes(0, 5, 40), taken.Material);
        Assert.Equal(1, pool.HeldBlockCount);
    }

    [Fact]
    public void Refuses_A_Take_Larger_Than_The_Peer_Holds_And_Changes_Nothing()
    {
        var pool = PoolWith(100);
        var commits = _storage.Commits;

        var refused = pool.Take(0, 101);

        Assert.Equal(TakeStatus.InsufficientKey, refused.Status);
        Assert.Null(refused.Range);
        Assert.Null(refused.Material);
        Assert.Equal(800, pool.AvailableBits(0));
        Assert.Equal(commits, _storage.Commits);
    }

    [Fact]
    public void Refuses_A_Take_From_An_Unknown_Peer()
    {
        var pool = PoolWith(100);

        Assert.Equal(TakeStatus.UnknownPeer, pool.Take(9, 1).Status);
    }

    [Fact]
    public void Rejects_A_Non_Positive_Length()
    {
        var pool = PoolWith(100);

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Take(0, 0));
    }

    [Fact]
    public void Keeps_The_Peers_Streams_Apart()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 50));
        pool.Ingest(_model.NextBlock(1, 50));

        var fromOne = pool.Take(1, 20);

        Assert.Equal(_model.Bytes(1, 0, 20), fromOne.Material);
        Assert.Equal(400, pool.AvailableBits(0));
        Assert.Equal(240, pool.AvailableBits(1));
    }

    [Fact]
    public void Never_Issues_A_Taken_Range_Again_After_A_Restart()
    {
        var pool = PoolWith(100);
        var first = pool.Take(0, 32).Range;

        var reopened = KeyPool.Open(_storage);
        var next = reopened.Take(0, 32).Range;

        Assert.False(first.Overlaps(next));
        Assert.True(next.Offset >= first.End);
    }

    [Fact]
    public void Erases_Consumed_Bytes_From_Storage_Before_Returning()
    {
        var pool = PoolWith(100, 100);

        var taken = pool.Take(0, 132);

        Assert.Empty(StorageScan.FilesContaining(_storage, taken.Material[..16]));
        Assert.Empty(StorageScan.FilesContaining(_storage, taken.Material[100..]));
        Assert.Single(StorageScan.FilesContaining(_storage, _model.Bytes(0, 132, 68)));
    }

    [Fact]
    public void Costs_Two_Commits_When_The_Take_Ends_Inside_A_Block()
    {
        var pool = PoolWith(100);
        var before = _storage.Commits;

        pool.Take(0, 32);

        Assert.Equal(2, _storage.Commits - before); // snapshot write + rewrite of the block without its consumed prefix
    }

    [Fact]
    public void Costs_One_Commit_Plus_One_Per_Emptied_Block()
    {
        var pool = PoolWith(10, 10, 10);
        var before = _storage.Commits;

        pool.Take(0, 20);

        Assert.Equal(1 + 2, _storage.Commits - before);
        Assert.Equal(2, _storage.Deletes);
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
