using GatewayQkd.Core.Board;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Board;

/// <summary>The sensor board's settings file: same format and parser as the gateway's, its own keys and defaults.</summary>
public class SensorSettingsTests
{
    private const string DeviceKey = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

    private static readonly string Minimal = "wifi.ssid=lab\nmqtt.host=10.0.0.2\nsensor.id=101\ngateway.id=9\nsensor.key=" + DeviceKey + "\n";

    [Fact]
    public void Minimal_File_Gives_The_Defaults()
    {
        var settings = SensorSettings.Parse(Minimal);

        Assert.Equal(("lab", "10.0.0.2", 1883), (settings.Network.WifiSsid, settings.Network.BrokerHost, settings.Network.BrokerPort));
        Assert.Equal((101, 9), ((int)settings.SensorId, (int)settings.GatewayId));
        Assert.Equal(Convert.FromHexString(DeviceKey), settings.DeviceKey);
        Assert.Equal(60000, settings.TelemetryPeriodMilliseconds);
        Assert.Equal([4, 2], settings.TelemetryLevels);
        Assert.Equal("gatewayqkd-sensor-101", settings.ClientId);
        Assert.Equal((64, 4), (settings.CounterChunk, settings.PendingCapacity));
    }

    [Fact]
    public void Optional_Settings_Override_The_Defaults()
    {
        var settings = SensorSettings.Parse(Minimal + "telemetry.period.ms=5000\ntelemetry.levels=5, 1,3\nmqtt.client-id=s1\npending.capacity=8\n");

        Assert.Equal(5000, settings.TelemetryPeriodMilliseconds);
        Assert.Equal([5, 1, 3], settings.TelemetryLevels);
        Assert.Equal(("s1", 8), (settings.ClientId, settings.PendingCapacity));
    }

    [Fact]
    public void The_Shipped_Example_Parses()
    {
        var settings = SensorSettings.Parse(File.ReadAllText(RepositoryPaths.Of("firmware/Sensor/deploy/sensorqkd.conf.example")));

        Assert.Equal((101, 1), ((int)settings.SensorId, (int)settings.GatewayId));
    }

    [Theory]
    [InlineData("sensor.id=101", "sensor.id=0", "(sensor.id)")]
    [InlineData("gateway.id=9\n", "", "'gateway.id' is missing")]
    [InlineData("sensor.key=" + DeviceKey, "sensor.key=00", "(sensor.key)")]
    [InlineData("wifi.ssid=lab\n", "", "'wifi.ssid' is missing")]
    [InlineData("sensor.id=101", "sensor.id=101\nlink.key=00", "unknown key 'link.key'")]
    [InlineData("gateway.id=9", "gateway.id=9\ntelemetry.levels=4,6", "'6' is not a K_sec")]
    [InlineData("gateway.id=9", "gateway.id=9\ntelemetry.period.ms=10", "(telemetry.period.ms)")]
    public void Rejects_Bad_Settings_Naming_The_Problem(string replace, string with, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SensorSettings.Parse(Minimal.Replace(replace, with, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
