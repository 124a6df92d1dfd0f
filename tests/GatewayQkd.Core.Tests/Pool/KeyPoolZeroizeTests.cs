using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

public class KeyPoolZeroizeTests
{
    private readonly KeyStreamModel _model = new();
    private readonly InMemoryKeyStorage _storage = new();

    [Fact]
    public void Erases_All_Key_Material_From_Storage()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(2, 60));

        var erased = pool.Zeroize();

        Assert.Equal(160 * 8, erased);
        Assert.Equal(0, pool.TotalAvailableBits);
        Assert.Empty(StorageScan.FilesContaining(_storage, _model.Bytes(0, 0, 8)));
        Assert.Empty(StorageScan.FilesContaining(_storage, _model.Bytes(2, 52, 8)));
        Assert.DoesNotContain(_storage.ListFiles(), name => name.StartsWith("kb", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_The_Stream_Positions_So_Resent_Blocks_Are_Not_Reissued()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Zeroize();

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(IngestResult.AlreadyConsumed, reopened.Ingest(_model.Block(0, 0, 0, 100)));
        Assert.Equal(IngestResult.Accepted, reopened.Ingest(_model.NextBlock(0, 10)));
        Assert.Equal(new KeyRange(0, 100, 10), reopened.Take(0, 10).Range);
    }

    [Fact]
    public void Does_Not_Count_Zeroized_Material_As_Lost()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Zeroize();

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(0, reopened.TotalLostBits);
        Assert.Empty(reopened.LastRecovery.LostRanges);
    }
}
