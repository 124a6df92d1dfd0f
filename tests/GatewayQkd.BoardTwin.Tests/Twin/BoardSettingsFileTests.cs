using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Board;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Twin;

/// <summary>The settings file a run writes for its board twin is read by the firmware's own parser as the run means it.</summary>
[Collection(BoardCollection.Name)]
public sealed class BoardSettingsFileTests
{
    [Fact]
    public void A_Twins_Settings_Join_The_Runs_Broker_With_The_Runs_Keys_And_Wall_Clock_Times()
    {
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "0.0.0.0", Port = 18830, Username = "run", Password = "pw" }, speed: 4);
        var expected = GatewayConfigFactory.Create(drive.Options, drive.Secrets, TwinDrive.GatewayId);

        var settings = DeviceSettings.Parse(File.ReadAllText(Path.Combine(drive.Path, BoardSettingsFile.FileName)));

        Assert.Equal(("127.0.0.1", 18830, "run", "pw"), (settings.BrokerHost, settings.BrokerPort, settings.BrokerUsername, settings.BrokerPassword));
        Assert.Equal(expected.LinkKey, settings.Gateway.LinkKey);
        Assert.Equal(expected.SensorIds, settings.Gateway.SensorIds);
        Assert.All(expected.SensorIds, s => Assert.Equal(expected.DeviceKeyOf(s), settings.Gateway.DeviceKeyOf(s)));
        Assert.Equal(expected.CapacityBits, settings.Gateway.CapacityBits);
        Assert.Equal(expected.SlotMilliseconds / 4, settings.Gateway.SlotMilliseconds);
        Assert.Equal(expected.StatusIntervalMilliseconds / 4, settings.Gateway.StatusIntervalMilliseconds);
        Assert.Equal(expected.RequestDeadlineMilliseconds / 4, settings.Gateway.RequestDeadlineMilliseconds);
    }
}
