using System.Net;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Emulation.Tests.Gateways;

/// <summary>The settings file `emulate --board-config` writes, read back by the board's own parser (DeviceSettings).</summary>
public sealed class BoardSettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-board-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_Board_Parser_Reads_Back_Every_Gateway_Setting_Of_The_Run()
    {
        var options = Options() with { PoolCapacityBits = 8192, TradeOff = 0.25, SlotSeconds = 0.5 };
        var secrets = Secrets();
        var expected = GatewayConfigFactory.Create(options, secrets, 9);

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, secrets, 9, null, null)));

        foreach (var property in typeof(GatewayConfig).GetProperties())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(parsed.Gateway);
            Assert.True(want is System.Collections.IEnumerable a && got is System.Collections.IEnumerable b
                ? a.Cast<object>().SequenceEqual(b.Cast<object>())
                : Equals(want, got), $"{property.Name}: the run has {want}, the board would read {got}");
        }

        foreach (var sensor in expected.SensorIds)
        {
            Assert.Equal(expected.DeviceKeyOf(sensor), parsed.Gateway.DeviceKeyOf(sensor));
        }
    }

    [Fact]
    public void A_Faster_Run_Gives_The_Board_Its_Times_In_Wall_Clock_Milliseconds()
    {
        var options = Options() with { Speed = 10 };
        var emulated = GatewayConfigFactory.Create(options, Secrets(), 9);

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, Secrets(), 9, null, null))).Gateway;

        Assert.Equal(emulated.SlotMilliseconds / 10, parsed.SlotMilliseconds);
        Assert.Equal(emulated.StatusIntervalMilliseconds / 10, parsed.StatusIntervalMilliseconds);
        Assert.Equal(emulated.RequestDeadlineMilliseconds / 10, parsed.RequestDeadlineMilliseconds);
        Assert.Equal(emulated.SupplementRetryMilliseconds / 10, parsed.SupplementRetryMilliseconds);
        Assert.Equal(emulated.CapacityBits, parsed.CapacityBits);
    }

    [Fact]
    public void The_Twin_Settings_Join_The_Given_Broker_With_Its_Login()
    {
        var broker = new BrokerEndpoint { Host = "127.0.0.1", Port = 4567, Username = "gatewayqkd", Password = "pw" };

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Create(Options(), Secrets(), 9, broker, "twin-net", string.Empty));

        Assert.Equal(("127.0.0.1", 4567, "gatewayqkd", "pw"), (parsed.BrokerHost, parsed.BrokerPort, parsed.BrokerUsername, parsed.BrokerPassword));
        Assert.Equal(9, BoardSettingsFile.Read(BoardSettingsFile.Create(Options(), Secrets(), 9, broker, "twin-net", string.Empty)).GatewayId);
    }

    [Fact]
    public void The_Embedded_Broker_Is_Reached_At_The_Listen_Address_Anonymously()
    {
        var options = Options() with { EmbeddedBrokerAddress = IPAddress.Parse("10.20.30.40"), EmbeddedBrokerPort = 1883 };

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, Secrets(), 9, "lab-net", "pw 1")));

        Assert.Equal("10.20.30.40", parsed.BrokerHost);
        Assert.Equal(1883, parsed.BrokerPort);
        Assert.Null(parsed.BrokerUsername);
        Assert.Equal("gatewayqkd-gn-9", parsed.ClientId);
        Assert.Equal("lab-net", parsed.WifiSsid);
        Assert.Equal("pw 1", parsed.WifiPassword);
    }

    [Fact]
    public void Every_Interface_Gives_The_Pcs_Lan_Address()
    {
        var options = Options() with { EmbeddedBrokerAddress = IPAddress.Any, EmbeddedBrokerPort = 1883 };
        Assert.NotEmpty(LanAddress.Candidates()); // a CI machine reaches the package registries, so it has one

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, Secrets(), 9, null, null)));

        Assert.Equal(LanAddress.Candidates()[0].ToString(), parsed.BrokerHost);
    }

    [Fact]
    public void An_External_Broker_Gets_The_Boards_Own_Login()
    {
        var secrets = Secrets();
        var options = Options() with { ExternalBroker = new BrokerEndpoint { Host = "192.168.1.20", Port = 1884, Username = "gatewayqkd", Password = "emulator-pw" } };

        var parsed = DeviceSettings.Parse(BoardSettingsFile.Format(BoardSettingsFile.ForBoard(options, secrets, 9, null, null)));

        Assert.Equal("192.168.1.20", parsed.BrokerHost);
        Assert.Equal(1884, parsed.BrokerPort);
        Assert.Equal("gn-9", parsed.BrokerUsername);
        Assert.Equal(secrets.BrokerPassword(9), parsed.BrokerPassword);
        Assert.Equal(32, parsed.BrokerPassword!.Length);
        Assert.NotEqual(secrets.BrokerPassword(10), parsed.BrokerPassword);
    }

    [Fact]
    public void Without_A_Network_The_Wifi_Lines_Are_Placeholders()
    {
        var text = BoardSettingsFile.Format(BoardSettingsFile.ForBoard(Options(), Secrets(), 9, null, null));

        Assert.Contains("wifi.ssid=" + BoardSettingsFile.WifiSsidPlaceholder + "\n", text, StringComparison.Ordinal);
        Assert.Contains("wifi.password=" + BoardSettingsFile.WifiPasswordPlaceholder + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Equal_To_The_Firmware_Default_Are_Comments_And_The_Others_Are_Written()
    {
        var text = BoardSettingsFile.Format(BoardSettingsFile.ForBoard(Options(), Secrets(), 9, null, null));
        var defaults = new GatewayConfig();

        Assert.Contains($"# {SettingsKeys.QueueCapacity}={defaults.QueueCapacity}\n", text, StringComparison.Ordinal);
        Assert.Contains($"\n{SettingsKeys.StatusIntervalMs}={GatewayConfigFactory.StatusIntervalMilliseconds}\n", text, StringComparison.Ordinal);
        Assert.Contains($"(the firmware's default is {defaults.StatusIntervalMilliseconds})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_An_Embedded_Broker_Without_A_Fixed_Port()
    {
        var options = Options() with { EmbeddedBrokerAddress = IPAddress.Any, EmbeddedBrokerPort = 0 };

        var error = Assert.Throws<EmulationOptionsException>(() => BoardSettingsFile.ForBoard(options, Secrets(), 9, null, null));

        Assert.Contains("--listen 0.0.0.0:1883", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_An_Embedded_Broker_On_Loopback()
    {
        var options = Options() with { EmbeddedBrokerAddress = IPAddress.Loopback, EmbeddedBrokerPort = 1883 };

        var error = Assert.Throws<EmulationOptionsException>(() => BoardSettingsFile.ForBoard(options, Secrets(), 9, null, null));

        Assert.Contains("a board cannot reach it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_A_Gateway_That_Is_Not_A_Board_Of_The_Run()
    {
        var error = Assert.Throws<EmulationOptionsException>(() => BoardSettingsFile.ForBoard(Options(), Secrets(), 7, null, null));

        Assert.Contains("--board 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lab\nmqtt.host=evil")]
    [InlineData(" lab")]
    public void Refuses_A_Value_The_File_Cannot_Hold(string ssid)
    {
        var settings = BoardSettingsFile.ForBoard(Options(), Secrets(), 9, ssid, "pw");

        Assert.Throws<ArgumentException>(() => BoardSettingsFile.Format(settings));
    }

    [Fact]
    public void The_Provisioning_Folder_Holds_The_File_And_A_Manifest_Deploying_It_To_I()
    {
        var settings = BoardSettingsFile.ForBoard(Options(), Secrets(), 9, null, null);

        var (file, manifest) = BoardProvisioning.Write(settings, Path.Combine(_folder, "board"));

        Assert.Equal(9, DeviceSettings.Parse(File.ReadAllText(file)).Gateway.GatewayId);
        var entry = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["Files"]![0]!;
        Assert.Equal(DeviceSettings.DefaultPath, (string)entry["DestinationFilePath"]!);
        Assert.Equal(file, (string)entry["SourceFilePath"]!);
        Assert.NotEqual(0xEF, File.ReadAllBytes(file)[0]); // no byte order mark
    }

    [Fact]
    public void A_Run_Sets_Its_Gateways_Status_Interval_In_Milliseconds()
    {
        var config = GatewayConfigFactory.Create(Options() with { StatusIntervalSeconds = 10 }, Secrets(), 1);

        Assert.Equal(10_000, config.StatusIntervalMilliseconds);
    }

    [Fact]
    public void A_Run_Sends_Status_Every_Second_Unless_Told_Otherwise()
    {
        var config = GatewayConfigFactory.Create(Options(), Secrets(), 1);

        Assert.Equal(GatewayConfigFactory.StatusIntervalMilliseconds, config.StatusIntervalMilliseconds);
        Assert.Equal(1000, config.StatusIntervalMilliseconds);
    }

    private static EmulationOptions Options() => new()
    {
        Gateways = 3,
        BoardGateways = [9],
        SensorsPerGateway = 2,
        EmbeddedBrokerAddress = IPAddress.Parse("192.0.2.10"),
        EmbeddedBrokerPort = 1883,
    };

    private RunSecrets Secrets() => RunSecrets.LoadOrCreate(Path.Combine(_folder, "data"), new HostCryptoPrimitives(), new SeededRandomSource(5));
}
