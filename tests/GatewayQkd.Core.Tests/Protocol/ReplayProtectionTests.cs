using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>A frame is accepted once; its counter stays used across receiver restarts.</summary>
public sealed class ReplayProtectionTests : IDisposable
{
    private readonly ProtocolFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Theory]
    [MemberData(nameof(SampleBodies.Indexes), MemberType = typeof(SampleBodies))]
    public void Rejects_Replayed_Frame(int sample)
    {
        var frame = _fx.Seal(SampleBodies.All[sample], 9);

        Assert.True(_fx.Open(frame).IsOk);
        Assert.Equal(FrameStatus.Replayed, _fx.Open(frame).Status);
    }

    [Fact]
    public void Rejects_Replayed_Frame_After_Receiver_Restart()
    {
        var frame = _fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 9);
        Assert.True(_fx.Open(frame).IsOk);

        _fx.Restart();

        Assert.Equal(FrameStatus.Replayed, _fx.Open(frame).Status);
    }

    [Fact]
    public void Rejects_Older_Counter_After_A_Newer_One()
    {
        var older = _fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 3);
        Assert.True(_fx.Open(_fx.Seal(new KeyRequestMessage(2, 0, 1, 128), 4)).IsOk);

        var result = _fx.Open(older);

        Assert.Equal(FrameStatus.Replayed, result.Status);
        Assert.Contains("expected above 4, got 3", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_Increasing_Counters_With_Gaps()
    {
        Assert.True(_fx.Open(_fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 1)).IsOk);
        Assert.True(_fx.Open(_fx.Seal(new KeyRequestMessage(2, 0, 1, 128), 300)).IsOk);
    }

    [Fact]
    public void Rejected_Frame_Does_Not_Consume_Its_Counter()
    {
        var good = _fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 10);
        var forged = (byte[])good.Clone();
        forged[^1] ^= 1;

        Assert.Equal(FrameStatus.BadTag, _fx.Open(forged).Status);
        _fx.Restart();

        Assert.True(_fx.Open(good).IsOk);
    }

    [Fact]
    public void A_New_Sender_Is_Refused_Not_Thrown_When_The_Replay_Table_Is_Full()
    {
        var guard = new ReplayGuard(_fx.Storage, "rg-test");
        for (var sender = 0; sender < ReplayGuard.MaxSenders; sender++)
        {
            guard.Record((ushort)(sender + 1000), 1);
        }

        var before = _fx.Storage.Read("rg-test");
        _fx.Restart();

        var result = _fx.Open(_fx.Seal(new KeyRequestMessage(1, 0, 1, 128), 1));

        Assert.Equal(FrameStatus.UnknownSender, result.Status);
        Assert.Contains("replay table", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, _fx.Storage.Read("rg-test"));
    }

    [Fact]
    public void Counter_Zero_Is_Never_Fresh()
    {
        var guard = new ReplayGuard(_fx.Storage, "rg-zero");

        Assert.False(guard.IsFresh(1, 0));
    }

    [Fact]
    public void Corrupt_Replay_File_Refuses_To_Load()
    {
        _fx.Storage.Write("rg-bad", [(byte)'R', (byte)'G', 1, 0, 1, 0], 0, 6);

        var error = Assert.Throws<InvalidOperationException>(() => new ReplayGuard(_fx.Storage, "rg-bad"));

        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_Replay_File_Left_By_A_Cut_First_Write_Reads_As_No_Marks()
    {
        _fx.Storage.Write("rg-empty", [], 0, 0);

        var guard = new ReplayGuard(_fx.Storage, "rg-empty");

        Assert.Equal(0, guard.SenderCount);
    }

    [Fact]
    public void A_Flipped_Mark_Bit_In_The_Replay_File_Is_Refused_Not_Trusted()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        new ReplayGuard(storage, "rg-f").Record(5, 300);
        var file = storage.Read("rg-f");
        file[10] ^= 0x04; // mark 300 read as 296 without the check: frames 297..300 would be fresh again
        storage.SetRaw("rg-f", file);

        var error = Assert.Throws<InvalidOperationException>(() => new ReplayGuard(storage, "rg-f"));

        Assert.Contains("CRC-32 does not match", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Version_1_Replay_File_Written_Before_The_Check_Still_Loads()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        storage.SetRaw("rg-v1", [(byte)'R', (byte)'G', 1, 0, 1, 0, 5, 0, 0, 1, 44]);

        Assert.Equal(300u, new ReplayGuard(storage, "rg-v1").HighWaterMark(5));
    }

    [Fact]
    public void A_Mirrored_Guard_Takes_The_Higher_Mark_Of_Each_Sender_And_Repairs_The_Older_Copy()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var guard = new ReplayGuard(storage, "rg-m", "rg-m.m");
        guard.Record(5, 10);
        var older = storage.Read("rg-m.m");
        guard.Record(5, 11);
        guard.Record(6, 1);
        storage.SetRaw("rg-m.m", older); // power failed between the two copies of the last record

        var reopened = new ReplayGuard(storage, "rg-m", "rg-m.m");

        Assert.Equal((11u, 1u), (reopened.HighWaterMark(5), reopened.HighWaterMark(6)));
        Assert.Equal(storage.Read("rg-m"), storage.Read("rg-m.m"));
    }

    [Fact]
    public void A_Damaged_Primary_Of_A_Mirrored_Guard_Keeps_Every_Mark()
    {
        var storage = new GatewayQkd.TestSupport.InMemoryKeyStorage();
        var guard = new ReplayGuard(storage, "rg-d", "rg-d.m");
        guard.Record(5, 10);
        storage.SetRaw("rg-d", storage.Read("rg-d")[..4]);

        Assert.Equal(10u, new ReplayGuard(storage, "rg-d", "rg-d.m").HighWaterMark(5));
    }
}
