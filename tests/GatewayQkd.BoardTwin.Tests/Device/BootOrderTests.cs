using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 3: the firmware (Program.Main, unchanged, on the twin) starts its gateway service before it connects,
/// so what the broker kept for its persistent session while it was off reaches the service; M2Mqtt acknowledges each
/// delivery before dispatching it (MqttClient.cs:1842-1853), so a delivery nobody takes is lost for good.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class BootOrderTests
{
    [Fact]
    public async Task Messages_Kept_For_The_Board_While_It_Was_Off_All_Reach_The_Gateway_Service_After_It_Boots()
    {
        await using var broker = await TestBroker.StartAsync();
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "127.0.0.1", Port = broker.Port });
        await using (var first = await TwinUnderTest.StartAsync(drive, broker))
        {
            await first.KillAsync();
        }

        const int Kept = 5;
        for (var i = 0; i < Kept; i++)
        {
            await broker.InjectAsync(TwinUnderTest.BlocksTopic, TwinUnderTest.Unauthenticated(i));
        }

        await using var second = BoardTwinProcess.Start(TwinDrive.GatewayId, drive.Path, new NullLog());
        Assert.True(await second.WaitUntilRunningAsync(TimeSpan.FromSeconds(30)));

        Assert.True(
            await Eventually.TrueAsync(() => TwinUnderTest.RejectedBlocks(second) == Kept, 10),
            "not every kept message reached the service:\n" + string.Join("\n", second.Lines));
        Assert.Equal(Kept, broker.AcknowledgedBy(TwinDrive.ClientId, TwinUnderTest.BlocksTopic));
    }
}
