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
}
