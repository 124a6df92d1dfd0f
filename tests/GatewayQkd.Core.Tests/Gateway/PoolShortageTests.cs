using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>When the pool cannot serve, sensors hear "waiting" once, the HAP gets a supplement request, and new blocks serve them.</summary>
public sealed class PoolShortageTests
{
    [Fact]
    public void Short_Pool_Answers_Waiting_Once_And_Serves_After_A_Supplement()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(1); // 512 bits
        h.Request(101, 9, 3, 1024);

        h.EndSlot();
        h.EndSlot();

        var waiting = Assert.Single(h.Received[101]);
        Assert.Equal((KeyResponseStatus.Waiting, KeyResponseReason.PoolLow, 9u), (waiting.Response.Status, waiting.Response.Reason, waiting.Response.RequestId));

        h.DeliverBlocks(2);
        h.EndSlot();

        Assert.Equal(2, h.Received[101].Count);
        Assert.True(h.Received[101][1].HasKey);
        Assert.Equal(128, h.Received[101][1].Range.Length);
    }

    [Fact]
    public void Supplement_Request_Carries_Level_Demand_And_Weight()
    {
        var h = new GatewayHarness(c => c.TradeOff = 0.5);
        h.DeliverBlocks(1); // 512 bits
        h.Request(101, 1, 3, 1024);

        h.EndSlot();

        var frame = Assert.Single(h.Bus.PublishedOn(Topics.Supplement(GatewayHarness.GatewayId)));
        var opened = h.Hap.Open(frame.Payload);
        Assert.True(opened.IsOk, opened.Message);
        var supplement = (SupplementMessage)opened.Body;
        Assert.Equal(SupplementMessage.ReasonInsufficientKeys, supplement.Reason);
        Assert.Equal(512u, supplement.AvailableBits);
        Assert.Equal(1024u, supplement.PendingDemandBits);
        Assert.Equal((uint)(h.Config.HighThresholdBits - 512), supplement.RequestedBits);
        Assert.Equal(((0.5 * Math.Log(1024)) + (0.5 * Math.Log(7))), supplement.Weight, 5);
    }

    [Fact]
    public void Supplement_Requests_Are_Spaced_By_The_Retry_Interval()
    {
        var h = new GatewayHarness(c => c.SupplementRetryMilliseconds = 3000);
        h.Request(101, 1, 1, 128);

        for (var i = 0; i < 6; i++)
        {
            h.EndSlot();
        }

        Assert.Equal(2, h.Bus.PublishedOn(Topics.Supplement(GatewayHarness.GatewayId)).Count);
        Assert.Equal(2u, h.Service.Counters[GatewayCounter.SupplementsSent]);
    }

    [Fact]
    public void Request_Past_Its_Deadline_Is_Answered_Insufficient()
    {
        var h = new GatewayHarness(c => c.RequestDeadlineMilliseconds = 2500);
        h.Request(101, 1, 1, 128);

        for (var i = 0; i < 3; i++)
        {
            h.EndSlot();
        }

        Assert.Equal(
            [KeyResponseStatus.Waiting, KeyResponseStatus.Insufficient],
            h.Received[101].Select(r => r.Response.Status));
        Assert.Equal(KeyResponseReason.Expired, h.Received[101][1].Response.Reason);
        Assert.Equal(0, h.Service.QueueLength);
    }

    [Fact]
    public void Empty_Pool_Shows_On_The_Indicator_And_Filled_Pool_Shows_Ready()
    {
        var h = new GatewayHarness(c => c.LowThresholdBits = 256);
        Assert.Equal(IndicatorState.PoolEmpty, h.Service.State);

        h.DeliverBlocks(1);

        Assert.Equal(IndicatorState.Ready, h.Indicator.States[^1]);
        Assert.Equal(512 * 100 / 5120, h.Indicator.LastPoolLevel);
    }
}
