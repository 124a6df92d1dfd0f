using GatewayQkd.Core.Board;
using GatewayQkd.Core.Gateway;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Board;

public class DeviceSettingsTests
{
    private const string LinkKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string SensorKey = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

    private static readonly string Minimal =
        "wifi.ssid=lab\nmqtt.host=10.0.0.2\ngateway.id=9\nlink.key=" + LinkKey + "\nsensor.101=" + SensorKey + "\n";

    [Fact]
    public void Minimal_File_Keeps_The_Gateway_Defaults()
    {
        var settings = DeviceSettings.Parse(Minimal);
        var defaults = new GatewayConfig();

        Assert.Equal("lab", settings.WifiSsid);
        Assert.Equal(string.Empty, settings.WifiPassword);
        Assert.Equal("10.0.0.2", settings.BrokerHost);
        Assert.Equal(1883, settings.BrokerPort);
        Assert.Null(settings.BrokerUsername);
        Assert.Equal("gatewayqkd-gn-9", settings.ClientId);
        Assert.Equal(9, settings.Gateway.GatewayId);
        Assert.Equal(Convert.FromHexString(LinkKey), settings.Gateway.LinkKey);
        Assert.Equal([(ushort)101], settings.Gateway.SensorIds);
        Assert.Equal(Convert.FromHexString(SensorKey), settings.Gateway.DeviceKeyOf(101));
        Assert.Equal(defaults.CapacityBits, settings.Gateway.CapacityBits);
        Assert.Equal(defaults.QueueCapacity, settings.Gateway.QueueCapacity);
        Assert.Equal(defaults.TradeOff, settings.Gateway.TradeOff);
        Assert.Equal(defaults.Peers, settings.Gateway.Peers);
    }

    [Fact]
    public void Optional_Settings_Override_The_Defaults()
    {
        var text = Minimal + "mqtt.port=8883\nmqtt.username=gn\nmqtt.password=pw\nmqtt.client-id=board-9\npeers=0, 2\n" +
                   "pool.capacity.bits=32768\npool.max.blocks=16\npool.low.bits=8192\npool.high.bits=26000\nddka.w=0.25\n" +
                   "slot.ms=500\nqueue.capacity=32\nrequest.deadline.ms=30000\nsupplement.retry.ms=2000\nstatus.interval.ms=0\ncounter.chunk=64\n";

        var settings = DeviceSettings.Parse(text);
        var gateway = settings.Gateway;

        Assert.Equal(8883, settings.BrokerPort);
        Assert.Equal("gn", settings.BrokerUsername);
        Assert.Equal("pw", settings.BrokerPassword);
        Assert.Equal("board-9", settings.ClientId);
        Assert.Equal([(ushort)0, (ushort)2], gateway.Peers);
        Assert.Equal(32768, gateway.CapacityBits);
        Assert.Equal(16, gateway.MaxBlocks);
        Assert.Equal(8192, gateway.LowThresholdBits);
        Assert.Equal(26000, gateway.HighThresholdBits);
        Assert.Equal(0.25, gateway.TradeOff);
        Assert.Equal(500, gateway.SlotMilliseconds);
        Assert.Equal(32, gateway.QueueCapacity);
        Assert.Equal(30000, gateway.RequestDeadlineMilliseconds);
        Assert.Equal(2000, gateway.SupplementRetryMilliseconds);
        Assert.Equal(0, gateway.StatusIntervalMilliseconds);
        Assert.Equal(64, gateway.CounterChunk);
    }

    [Fact]
    public void The_Shipped_Example_Parses()
    {
        var path = RepositoryPaths.Of("firmware/Device/deploy/gatewayqkd.conf.example");

        var settings = DeviceSettings.Parse(File.ReadAllText(path));

        Assert.Equal(1, settings.Gateway.GatewayId);
    }

    [Theory]
    [InlineData("gateway.id=9", "gateway.id=0", "(gateway.id)")]
    [InlineData("gateway.id=9", "gateway.id=70000", "(gateway.id)")]
    [InlineData("sensor.101=", "sensor.abc=", "'abc' is not a sensor id")]
    [InlineData("sensor.101=", "sensor.0=", "'0' is not a sensor id")]
    [InlineData("link.key=" + LinkKey, "link.key=00", "(link.key)")]
    [InlineData("wifi.ssid=lab", "wifi.sid=lab", "unknown key 'wifi.sid'")]
    [InlineData("wifi.ssid=lab\n", "", "'wifi.ssid' is missing")]
    [InlineData("mqtt.host=10.0.0.2", "mqtt.host=", "'mqtt.host' is empty")]
    [InlineData("mqtt.host=10.0.0.2", "mqtt.host=10.0.0.2\nmqtt.port=18x3", "line 3 (mqtt.port): '18x3' is not a whole number")]
    [InlineData("mqtt.host=10.0.0.2", "mqtt.host=10.0.0.2\nstatus.interval.ms=-5", "line 3 (status.interval.ms)")]
    [InlineData("gateway.id=9\n", "", "'gateway.id' is missing")]
    [InlineData("link.key=" + LinkKey + "\n", "", "'link.key' is missing")]
    [InlineData("wifi.ssid=lab", "wifi.ssid=lab\nwifi.ssid=lab2", "line 2: key 'wifi.ssid' repeats line 1")]
    [InlineData("wifi.ssid=lab", "wifi.ssid=lab\nstatus.interval=1000", "line 2: unknown key 'status.interval'")]
    public void Rejects_Bad_Settings_Naming_The_Problem(string replace, string with, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DeviceSettings.Parse(Minimal.Replace(replace, with, StringComparison.Ordinal)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_The_Same_Sensor_Written_Twice()
    {
        var error = Assert.Throws<FormatException>(() => DeviceSettings.Parse(Minimal + "sensor.0101=" + SensorKey + "\n"));

        Assert.Contains("line 6 (sensor.0101)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Settings_The_Gateway_Would_Refuse()
    {
        var error = Assert.Throws<FormatException>(() => DeviceSettings.Parse(Minimal + "pool.low.bits=5000\npool.high.bits=4000\n"));

        Assert.StartsWith("Settings: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_A_Bad_Peer_List()
    {
        var error = Assert.Throws<FormatException>(() => DeviceSettings.Parse(Minimal + "peers=0,x\n"));

        Assert.Contains("'x' is not a peer id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_An_Oversized_File_Before_Reading_Any_Line()
    {
        var text = Minimal + new string('#', SettingsFile.MaxLength);

        var error = Assert.Throws<FormatException>(() => DeviceSettings.Parse(text));

        Assert.Contains("more than the " + SettingsFile.MaxLength + " accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsKeys_Lists_Exactly_The_Keys_The_Board_Parser_Accepts()
    {
        // The parser's own list (private: the firmware has no use for it outside), read by reflection.
        var parserKeys = (string[])typeof(DeviceSettings).GetField("KnownKeys", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(parserKeys.Order(StringComparer.Ordinal), SettingsKeys.All().Order(StringComparer.Ordinal));
        Assert.Equal(DeviceSettings.SensorPrefix, SettingsKeys.SensorPrefix);
    }
}
