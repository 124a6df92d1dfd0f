using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

public class KeyPoolRecoveryTests
{
    private readonly KeyStreamModel _model = new();
    private readonly InMemoryKeyStorage _storage = new();

    [Fact]
    public void Restores_Levels_And_Stream_Positions()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 50));
        pool.Ingest(_model.NextBlock(4, 70));

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(150 * 8, reopened.AvailableBits(0));
        Assert.Equal(70 * 8, reopened.AvailableBits(4));
        Assert.Equal(2u, reopened.NextBlockId(0));
        Assert.Equal(150, reopened.StreamEnd(0));
        Assert.Equal(IngestResult.Accepted, reopened.Ingest(_model.NextBlock(0, 10)));
    }

    [Fact]
    public void A_Clean_Restart_Without_Takes_Loses_Nothing_And_Writes_Nothing()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        var commits = _storage.Commits;

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(0, reopened.TotalLostBits);
        Assert.Equal(commits, _storage.Commits);
    }

    [Fact]
    public void Counts_The_Last_Take_Before_A_Restart_As_Lost_Because_Its_Hand_Out_Is_Unknown()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 10);
        var last = pool.Take(0, 20).Range;

        var reopened = KeyPool.Open(_storage);

        Assert.Equal([last], reopened.LastRecovery.LostRanges);
        Assert.Equal(20 * 8, reopened.LostBits(0));
        Assert.Equal(70 * 8, reopened.AvailableBits(0));
    }

    [Fact]
    public void Counts_A_Loss_Once_Across_Repeated_Restarts()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 20);

        KeyPool.Open(_storage);
        var again = KeyPool.Open(_storage);

        Assert.Equal(20 * 8, again.TotalLostBits);
        Assert.Empty(again.LastRecovery.LostRanges);
    }

    [Fact]
    public void Drops_A_Torn_Block_File_So_The_Block_Can_Be_Sent_Again()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        var second = _model.NextBlock(0, 100);
        pool.Ingest(second);
        var file = _storage.Read("kb0_1");
        _storage.SetRaw("kb0_1", file[..^9]);

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(["kb0_1"], reopened.LastRecovery.DroppedFiles);
        Assert.False(_storage.Exists("kb0_1"));
        Assert.Equal(100 * 8, reopened.AvailableBits(0));
        Assert.Equal(IngestResult.Accepted, reopened.Ingest(second));
    }

    [Fact]
    public void Falls_Back_To_The_Older_Snapshot_When_The_Newer_Is_Corrupt()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 10); // snapshot 1 -> slot 1
        pool.Take(0, 10); // snapshot 2 -> slot 0
        var corrupt = _storage.Read("qkp.s0");
        corrupt[12] ^= 0xFF;
        _storage.SetRaw("qkp.s0", corrupt);

        var reopened = KeyPool.Open(_storage);

        Assert.Contains("qkp.s0", reopened.LastRecovery.DroppedFiles);
        // The older snapshot says 10 bytes consumed, but block 0 was already rewritten from offset 20: that hole is counted lost, never reissued.
        Assert.Equal(20, reopened.ConsumedEnd(0));
        Assert.Equal(80 * 8, reopened.AvailableBits(0));
    }

    [Fact]
    public void Keeps_The_Intact_Block_Before_A_Missing_One_And_Accepts_The_Missing_One_Again()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 10);
        _storage.RemoveRaw("kb0_1");

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(90 * 8, reopened.AvailableBits(0));
        Assert.Equal(10 * 8, reopened.TotalLostBits); // only the in-doubt last take
        var hole = Assert.Single(reopened.Holes(0));
        Assert.Equal((1u, 2u, 100L, 200L), (hole.FirstBlockId, hole.EndBlockId, hole.Start, hole.End));
        Assert.Equal(IngestResult.Accepted, reopened.Ingest(_model.Block(0, 1, 100, 100)));
        Assert.Equal(190 * 8, reopened.AvailableBits(0));
        Assert.Empty(reopened.Holes(0));
    }

    [Fact]
    public void Writes_Off_A_Missing_Front_Block_Since_Its_Bytes_May_Have_Been_Consumed()
    {
        var pool = KeyPool.Open(_storage);
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Ingest(_model.NextBlock(0, 100));
        pool.Take(0, 10);
        _storage.RemoveRaw("kb0_0");

        var reopened = KeyPool.Open(_storage);

        Assert.Equal(100 * 8, reopened.AvailableBits(0));
        Assert.Equal(100, reopened.ConsumedEnd(0));
        Assert.Equal(100 * 8, reopened.TotalLostBits);
        Assert.Empty(reopened.Holes(0));
        Assert.Equal(IngestResult.AlreadyConsumed, reopened.Ingest(_model.Block(0, 0, 0, 100)));
    }

    [Fact]
    public void Finishes_An_Erasure_Interrupted_By_A_Power_Cut()
    {
        var device = new PowerCutStorage();
        var pool = KeyPool.Open(device);
        pool.Ingest(_model.NextBlock(0, 100));
        device.ArmCut(device.CommitPoints + 2, CutOutcome.Before); // after the snapshot commit, during the block rewrite
        Assert.Throws<PowerCutException>(() => pool.Take(0, 32));

        var rebooted = device.Reboot();
        var recovered = KeyPool.Open(rebooted);

        Assert.Equal(1, recovered.LastRecovery.CompletedErasures);
        Assert.Empty(StorageScan.FilesContaining(rebooted.Flash, _model.Bytes(0, 0, 32)));
        Assert.Equal([new KeyRange(0, 0, 32)], recovered.LastRecovery.LostRanges);
        Assert.Equal(68 * 8, recovered.AvailableBits(0));
    }
}
