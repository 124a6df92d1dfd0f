using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Board;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Twin;

/// <summary>The settings file the host writes for a board is the one the firmware's own parser reads.</summary>
[Collection(BoardCollection.Name)]
public sealed class BoardSettingsFileTests
{
    [Fact]
    public void The_Firmware_Parser_Reads_Back_The_Runs_Keys_Broker_And_Wall_Clock_Times()
    {
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "192.168.1.10", Port = 1883, Username = "gn-7", Password = "pw" }, speed: 4);
        var text = File.ReadAllText(Path.Combine(drive.Path, BoardSettingsFile.FileName));
        var expected = GatewayConfigFactory.Create(drive.Options, drive.Secrets, TwinDrive.GatewayId);

        var settings = DeviceSettings.Parse(text);

        Assert.Equal(("bench", "secret", "192.168.1.10", 1883, "gn-7", "pw"), (settings.WifiSsid, settings.WifiPassword, settings.BrokerHost, settings.BrokerPort, settings.BrokerUsername, settings.BrokerPassword));
        Assert.Equal(expected.LinkKey, settings.Gateway.LinkKey);
        Assert.Equal(expected.SensorIds, settings.Gateway.SensorIds);
        Assert.All(expected.SensorIds, s => Assert.Equal(expected.DeviceKeyOf(s), settings.Gateway.DeviceKeyOf(s)));
        Assert.Equal((expected.CapacityBits, expected.MaxBlocks, expected.LowThresholdBits, expected.HighThresholdBits, expected.TradeOff), (settings.Gateway.CapacityBits, settings.Gateway.MaxBlocks, settings.Gateway.LowThresholdBits, settings.Gateway.HighThresholdBits, settings.Gateway.TradeOff));
        Assert.Equal(expected.SlotMilliseconds / 4, settings.Gateway.SlotMilliseconds);
        Assert.Equal(expected.StatusIntervalMilliseconds / 4, settings.Gateway.StatusIntervalMilliseconds);
        Assert.Equal(expected.RequestDeadlineMilliseconds / 4, settings.Gateway.RequestDeadlineMilliseconds);
    }
}
