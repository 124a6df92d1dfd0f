using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 4: M2Mqtt's one in-flight queue holds the gateway's own unacknowledged publishes and the broker's
/// deliveries; a delivery that finds it full is discarded with no ack and no event (MqttClient.cs:1108, :1366). The
/// firmware keeps its own publishes to a window well below the queue size, so a slow broker cannot starve deliveries.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class InflightQueueTests
{
    [Fact]
    public async Task Deliveries_Still_Reach_The_Service_While_The_Broker_Withholds_The_Gateways_Own_Acks()
    {
        await using var broker = await TestBroker.StartAsync();
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "127.0.0.1", Port = broker.Port }, speed: 20); // status every 50 ms
        await using var twin = await TwinUnderTest.StartAsync(drive, broker);

        broker.HoldAcksOf(TwinDrive.ClientId);
        await Task.Delay(500); // ten status publishes wait for their PUBACK meanwhile
        const int Sent = 10;
        for (var i = 0; i < Sent; i++)
        {
            await broker.InjectAsync(TwinUnderTest.BlocksTopic, TwinUnderTest.Unauthenticated(i));
        }

        Assert.True(
            await Eventually.TrueAsync(() => TwinUnderTest.RejectedBlocks(twin) == Sent, 10),
            "deliveries were lost in the in-flight queue:\n" + string.Join("\n", twin.Lines.TakeLast(20)));
    }
}
