using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>Requests the gateway cannot take are answered at once with the reason.</summary>
public sealed class RequestAdmissionTests
{
    private readonly GatewayHarness _h = new(c => c.QueueCapacity = 2);

    [Fact]
    public void Plaintext_Level_Is_Rejected()
    {
        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.PlaintextLevel), Answer(101, 0, 128, 0));
    }

    [Fact]
    public void Unknown_Destination_Is_Rejected()
    {
        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.UnknownDestination), Answer(101, 1, 128, 99));
    }

    [Fact]
    public void Request_Beyond_Pool_Capacity_Is_Insufficient()
    {
        var h = new GatewayHarness(c => c.CapacityBits = 4096);
        h.Request(101, 1, 5, 8192);
        h.Bus.DeliverPending();

        var answer = Assert.Single(h.Received[101]).Response;
        Assert.Equal((KeyResponseStatus.Insufficient, KeyResponseReason.ExceedsCapacity), (answer.Status, answer.Reason));
        Assert.Equal(1u, h.Service.Counters[GatewayCounter.RequestsInsufficient]);
    }

    [Fact]
    public void Same_Request_Id_While_Queued_Is_Rejected_As_Duplicate()
    {
        _h.Request(101, 5, 1, 128);

        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.DuplicateRequest), Answer(101, 1, 128, 0, requestId: 5));
        Assert.Equal(1, _h.Service.QueueLength);
    }

    [Fact]
    public void A_Request_Id_May_Be_Used_Again_Once_Its_Request_Left_The_Queue_And_By_Another_Sensor_At_Any_Time()
    {
        _h.DeliverBlocks(2);
        _h.Request(101, 5, 1, 128);
        Assert.Equal(FrameStatus.Ok, _h.Request(102, 5, 1, 128)); // another sensor's id 5 is another request
        Assert.Equal(2, _h.Service.QueueLength);
        _h.EndSlot();

        Assert.Equal(FrameStatus.Ok, _h.Request(101, 5, 1, 128));

        Assert.Equal(1, _h.Service.QueueLength);
    }

    [Fact]
    public void Full_Queue_Rejects_The_Next_Request()
    {
        _h.Request(101, 1, 1, 128);
        _h.Request(102, 1, 1, 128);

        Assert.Equal((KeyResponseStatus.Rejected, KeyResponseReason.QueueFull), Answer(103, 1, 128, 0));
        Assert.Equal(2, _h.Service.QueueLength);
    }

    private (KeyResponseStatus, KeyResponseReason) Answer(ushort sensor, int kSec, int kQua, ushort destination, uint requestId = 1)
    {
        Assert.Equal(FrameStatus.Ok, _h.Request(sensor, requestId, kSec, kQua, destination));
        _h.Bus.DeliverPending();
        var response = _h.Received[sensor][^1].Response;
        Assert.Equal(requestId, response.RequestId);
        return (response.Status, response.Reason);
    }
}
