using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

public class KeyPoolIngestTests
{
    private readonly KeyStreamModel _model = new();
    private readonly InMemoryKeyStorage _storage = new();

    [Fact]
    public void Accepts_The_First_Block_Of_A_Peer_At_Offset_Zero()
    {
        var pool = KeyPool.Open(_storage);

        Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.Block(0, 0, 0, 100)));
        Assert.Equal(800, pool.AvailableBits(0));
        Assert.Equal(100, pool.StreamEnd(0));
        Assert.Equal(1u, pool.NextBlockId(0));
    }

    [Fact]
    public void Reports_Levels_Per_Peer_And_In_Total()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 50));
        pool.Ingest(_model.NextBlock(7, 30));

        Assert.Equal(150 * 8, pool.AvailableBits(0));
        Assert.Equal(30 * 8, pool.AvailableBits(7));
        Assert.Equal(0, pool.AvailableBits(3));
        Assert.Equal(180 * 8, pool.TotalAvailableBits);
        Assert.Equal(new ushort[] { 0, 7 }, pool.PeerIds);
    }

    [Fact]
    public void Stores_An_Accepted_Block_With_One_Commit()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(1, _storage.Commits);
        Assert.Equal(100 + 27, _storage.BytesWritten);
    }

    [Fact]
    public void Treats_An_Exact_Copy_Of_A_Held_Block_As_A_Duplicate_And_Changes_Nothing()
    {
        var pool = KeyPool.Open(_storage);
        var block = _model.NextBlock(0, 100);
        pool.Ingest(block);
        pool.Ingest(_model.NextBlock(0, 100));
        var commits = _storage.Commits;

        Assert.Equal(IngestResult.Duplicate, pool.Ingest(_model.Block(0, 0, 0, 100)));
        Assert.Equal(200 * 8, pool.AvailableBits(0));
        Assert.Equal(commits, _storage.Commits);
    }

    [Fact]
    public void Treats_A_Copy_Of_A_Partly_Consumed_Block_As_A_Duplicate()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 40);

        Assert.Equal(IngestResult.Duplicate, pool.Ingest(_model.Block(0, 0, 0, 100)));
        Assert.Equal(60 * 8, pool.AvailableBits(0));
    }

    [Fact]
    public void Reports_A_Resent_Fully_Consumed_Block_As_Already_Consumed()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 150);

        Assert.Equal(IngestResult.AlreadyConsumed, pool.Ingest(_model.Block(0, 0, 0, 100)));
        Assert.Equal(50 * 8, pool.AvailableBits(0));
    }

    [Fact]
    public void Rejects_A_Block_Starting_Past_The_Stream_End_As_A_Gap()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.Gap, pool.Ingest(_model.Block(0, 1, 101, 10)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Rejects_A_Block_That_Skips_A_Block_Id_As_A_Gap()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.Gap, pool.Ingest(_model.Block(0, 2, 100, 10)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Rejects_A_First_Block_Of_A_New_Peer_Not_At_The_Stream_Start()
    {
        var pool = KeyPool.Open(_storage);

        Assert.Equal(IngestResult.Gap, pool.Ingest(_model.Block(3, 1, 64, 10)));
        Assert.Empty(pool.PeerIds);
        Assert.Equal(0, _storage.Commits);
    }

    [Fact]
    public void Rejects_A_Block_Overlapping_The_Ingested_Stream()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.Overlap, pool.Ingest(_model.Block(0, 1, 90, 20)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Rejects_A_Block_With_A_Held_Id_But_Different_Bytes_As_A_Mismatch()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        var forged = _model.Bytes(0, 0, 100);
        forged[99] ^= 1;

        Assert.Equal(IngestResult.Mismatch, pool.Ingest(new KeyBlock(0, 0, 0, forged)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Rejects_A_Block_With_A_Held_Id_But_Different_Length_As_A_Mismatch()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.Mismatch, pool.Ingest(_model.Block(0, 0, 0, 99)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Rejects_A_Block_That_Would_Exceed_The_Capacity()
    {
        var pool = KeyPool.Open(_storage, capacityBits: 150 * 8, maxBlocks: 10);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.CapacityExceeded, pool.Ingest(_model.NextBlock(0, 51)));
        AssertUnchanged(pool, 100);
    }

    [Fact]
    public void Accepts_A_Block_That_Fills_The_Capacity_Exactly()
    {
        var pool = KeyPool.Open(_storage, capacityBits: 150 * 8, maxBlocks: 10);
        pool.Ingest(_model.NextBlock(0, 100));

        Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.NextBlock(0, 50)));
        Assert.Equal(pool.CapacityBits, pool.TotalAvailableBits);
    }

    [Fact]
    public void Rejects_A_Block_Longer_Than_One_Flash_Block()
    {
        var pool = KeyPool.Open(_storage);

        Assert.Equal(IngestResult.BlockTooLarge, pool.Ingest(_model.Block(0, 0, 0, KeyPool.MaxBlockBytes + 1)));
        Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.Block(0, 0, 0, KeyPool.MaxBlockBytes)));
    }

    [Fact]
    public void Rejects_A_Block_Beyond_The_Block_File_Limit()
    {
        var pool = KeyPool.Open(_storage, KeyPool.DefaultCapacityBits, maxBlocks: 2);
        pool.Ingest(_model.NextBlock(0, 10));
        pool.Ingest(_model.NextBlock(1, 10));

        Assert.Equal(IngestResult.BlockLimitReached, pool.Ingest(_model.NextBlock(0, 10)));
        Assert.Equal(2, pool.HeldBlockCount);
    }

    [Fact]
    public void Rejects_A_Peer_Beyond_The_Peer_Limit()
    {
        var pool = KeyPool.Open(_storage);
        for (ushort peer = 0; peer < KeyPool.MaxPeers; peer++)
        {
            Assert.Equal(IngestResult.Accepted, pool.Ingest(_model.NextBlock(peer, 4)));
        }

        Assert.Equal(IngestResult.TooManyPeers, pool.Ingest(_model.NextBlock(KeyPool.MaxPeers, 4)));
        Assert.Equal(KeyPool.MaxPeers, pool.PeerIds.Length);
    }

    private void AssertUnchanged(KeyPool pool, int expectedBytes)
    {
        Assert.Equal(expectedBytes * 8, pool.AvailableBits(0));
        Assert.Equal(expectedBytes, pool.StreamEnd(0));
        Assert.Equal(1, _storage.Commits);
    }
}
