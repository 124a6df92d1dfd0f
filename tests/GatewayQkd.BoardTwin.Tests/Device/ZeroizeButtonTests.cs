using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Pool;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 6: the zeroize button works from power-on, also while the board cannot reach its broker (the MQTT
/// connect retries forever then) - the pool it erases is the one on the board's drive.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class ZeroizeButtonTests
{
    [Fact]
    public async Task Holding_The_Button_From_Power_On_Erases_The_Pool_While_The_Broker_Is_Unreachable()
    {
        var closedPort = FreeTcpPort.Find(); // nothing listens there: the board stays offline
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "127.0.0.1", Port = closedPort });
        TwinBoard.Reset(drive.Path);
        var storage = new GatewayQkd.Device.Adapters.LittleFsKeyStorage("I:\\qkd");
        Assert.Equal(IngestResult.Accepted, KeyPool.Open(storage, 5120, 24).Ingest(new KeyBlock(0, 0, 0, new byte[32])));
        Assert.Equal(256, KeyPool.Open(storage, 5120, 24).TotalAvailableBits);

        await using var twin = BoardTwinProcess.Start(TwinDrive.GatewayId, drive.Path, new NullLog());
        await twin.SetZeroizeButtonAsync(pressed: true);

        Assert.True(
            await Eventually.TrueAsync(() => twin.Lines.Any(l => l.Contains("256 key bits erased", StringComparison.Ordinal)), 15),
            "the pool was not erased:\n" + string.Join("\n", twin.Lines));
        Assert.Contains(twin.Lines, l => l.Contains("MQTT: cannot reach", StringComparison.Ordinal));
        await twin.KillAsync();
        Assert.Equal(0, KeyPool.Open(storage, 5120, 24).TotalAvailableBits);
    }
}
