using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>Bad inbound messages are rejected, counted by reason, and change neither storage, queue nor bus.</summary>
public sealed class InboundRejectionTests
{
    private readonly GatewayHarness _h = new();

    [Fact]
    public void Unauthenticated_Request_Is_Counted_And_Changes_Nothing()
    {
        var impostor = new SensorClient(101, GatewayHarness.GatewayId, GatewayHarness.Key(0x55), _h.Crypto, new GatewayQkd.TestSupport.InMemoryKeyStorage(), 16);

        var status = Reject(Topics.Request(GatewayHarness.GatewayId, 101), impostor.BuildKeyRequest(1, 0, 1, 128));

        Assert.Equal(FrameStatus.BadTag, status);
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedAuthentication]);
    }

    [Fact]
    public void Truncated_Request_Is_Counted_As_A_Length_Error()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);

        Assert.Equal(FrameStatus.LengthMismatch, Reject(Topics.Request(GatewayHarness.GatewayId, 101), frame[..^1]));
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedLength]);
    }

    [Fact]
    public void Empty_And_Garbage_Payloads_Are_Rejected()
    {
        Assert.Equal(FrameStatus.Truncated, Reject(Topics.Request(GatewayHarness.GatewayId, 101), []));
        Assert.Equal(FrameStatus.UnsupportedVersion, Reject(Topics.Blocks(GatewayHarness.GatewayId), Enumerable.Repeat((byte)0xFF, 80).ToArray()));
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedLength]);
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedFormat]);
    }

    [Fact]
    public void Replayed_Request_Is_Rejected_And_Not_Queued_Twice()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);
        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, 101), frame));

        Assert.Equal(FrameStatus.Replayed, Reject(Topics.Request(GatewayHarness.GatewayId, 101), frame));
        Assert.Equal(1, _h.Service.QueueLength);
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedReplay]);
    }

    [Fact]
    public void Replayed_Request_Is_Rejected_After_A_Gateway_Restart()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);
        _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, 101), frame);
        _h.EndSlot(); // answered: its mark went out with the slot's group commit

        _h.Boot();

        Assert.Equal(FrameStatus.Replayed, Reject(Topics.Request(GatewayHarness.GatewayId, 101), frame));
    }

    [Fact]
    public void Replayed_Request_Answered_At_Admission_Is_Rejected_After_A_Gateway_Restart()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 0, 128); // K_sec 0: refused at once, before any slot ends

        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, 101), frame));
        _h.Boot();

        Assert.Equal(FrameStatus.Replayed, Reject(Topics.Request(GatewayHarness.GatewayId, 101), frame));
    }

    [Fact]
    public void Request_Lost_Before_Its_Slot_Commit_Is_Acted_On_Once_After_A_Restart()
    {
        _h.DeliverBlocks(2);
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);
        _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, 101), frame);
        _h.Boot(); // before the slot ends: the request and its staged mark are gone, nothing was answered

        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, 101), frame));
        _h.EndSlot();
        Assert.Single(_h.AllKeys());
        Assert.Equal(FrameStatus.Replayed, Reject(Topics.Request(GatewayHarness.GatewayId, 101), frame));
    }

    [Fact]
    public void Replayed_Block_Is_Rejected_After_A_Gateway_Restart()
    {
        var frame = _h.NextBlockFrame(0);
        Assert.Equal(FrameStatus.Ok, _h.Service.HandleMessage(Topics.Blocks(GatewayHarness.GatewayId), frame));

        _h.Boot();

        Assert.Equal(FrameStatus.Replayed, Reject(Topics.Blocks(GatewayHarness.GatewayId), frame));
    }

    [Fact]
    public void Request_On_Another_Sensors_Topic_Is_Rejected()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);

        Assert.Equal(FrameStatus.BadTopic, Reject(Topics.Request(GatewayHarness.GatewayId, 102), frame));
        Assert.Equal(1u, _h.Service.Counters[GatewayCounter.RejectedAddress]);
    }

    [Fact]
    public void Request_Frame_On_The_Blocks_Topic_Is_Rejected()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);

        Assert.Equal(FrameStatus.UnexpectedType, Reject(Topics.Blocks(GatewayHarness.GatewayId), frame));
    }

    [Fact]
    public void Message_For_Another_Gateway_Is_Rejected()
    {
        var frame = _h.Sensors[101].BuildKeyRequest(1, 0, 1, 128);

        Assert.Equal(FrameStatus.BadTopic, Reject(Topics.Request(8, 101), frame));
        Assert.Equal(FrameStatus.BadTopic, Reject("qkd/gn/7/ack", frame));
    }

    [Fact]
    public void Block_Sealed_By_A_Sensor_Key_Is_Rejected()
    {
        var forged = new FrameSealer(_h.Crypto).Seal(
            new KeyBlockMessage(0, 0, 0, new byte[KeyWrap.SaltLength], new byte[64]), GatewayHarness.Authority, GatewayHarness.GatewayId, 1, FrameKeys.Derive(_h.Crypto, GatewayHarness.Key(101)));

        Assert.Equal(FrameStatus.BadTag, Reject(Topics.Blocks(GatewayHarness.GatewayId), forged));
        Assert.Equal(0, _h.Service.Pool.TotalAvailableBits);
    }

    private FrameStatus Reject(string topic, byte[] payload)
    {
        var commits = _h.Memory.Commits;
        var published = _h.Bus.Published.Count;
        var queued = _h.Service.QueueLength;
        var accepted = _h.Service.Counters[GatewayCounter.FramesAccepted];

        var status = _h.Service.HandleMessage(topic, payload);

        Assert.NotEqual(FrameStatus.Ok, status);
        Assert.Equal(commits, _h.Memory.Commits);
        Assert.Equal(published, _h.Bus.Published.Count);
        Assert.Equal(queued, _h.Service.QueueLength);
        Assert.Equal(accepted, _h.Service.Counters[GatewayCounter.FramesAccepted]);
        Assert.Contains(_h.Log.Lines, l => l.Level == GatewayQkd.Core.Ports.LogLevel.Warning && l.Message.Contains(topic, StringComparison.Ordinal));
        return status;
    }
}
